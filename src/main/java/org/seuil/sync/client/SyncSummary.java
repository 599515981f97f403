package org.seuil.sync.client;

import org.seuil.sync.protocol.OutcomeStatus;

/** What one sync did, for the command line and the app's status line. */
public record SyncSummary(int created, int updated, int unchanged, int conflicts, int rejected, int photosUploaded,
                          int pulled, long cursor, long pending) {
    static SyncSummary empty() {
        return new SyncSummary(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    SyncSummary plus(OutcomeStatus status) {
        return new SyncSummary(created + (status == OutcomeStatus.CREATED ? 1 : 0), updated + (status == OutcomeStatus.UPDATED ? 1 : 0),
                unchanged + (status == OutcomeStatus.UNCHANGED ? 1 : 0), conflicts + (status == OutcomeStatus.CONFLICT ? 1 : 0),
                rejected + (status == OutcomeStatus.REJECTED ? 1 : 0), photosUploaded, pulled, cursor, pending);
    }

    SyncSummary withPhotos(int more) {
        return new SyncSummary(created, updated, unchanged, conflicts, rejected, photosUploaded + more, pulled, cursor, pending);
    }

    SyncSummary withPulled(int more, long newCursor) {
        return new SyncSummary(created, updated, unchanged, conflicts, rejected, photosUploaded, pulled + more, newCursor, pending);
    }

    SyncSummary withPending(long left) {
        return new SyncSummary(created, updated, unchanged, conflicts, rejected, photosUploaded, pulled, cursor, left);
    }

    @Override
    public String toString() {
        return "pushed: " + created + " created, " + updated + " updated, " + unchanged + " unchanged, " + conflicts
                + " conflicts, " + rejected + " refused; " + photosUploaded + " photos uploaded; pulled " + pulled
                + " changes (cursor " + cursor + "); " + pending + " changes pending";
    }
}
