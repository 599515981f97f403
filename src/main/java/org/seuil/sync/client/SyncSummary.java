package org.seuil.sync.client;

import org.seuil.sync.protocol.OutcomeStatus;

/**
 * What one sync did, for the command line and the app's status line.
 *
 * @param campaigns what campaign sync did ({@link CampaignSyncSummary#NONE} when it did not run)
 */
public record SyncSummary(int created, int updated, int unchanged, int conflicts, int rejected, int photosUploaded,
                          int pulled, long cursor, long pending, CampaignSyncSummary campaigns) {
    static SyncSummary empty() {
        return new SyncSummary(0, 0, 0, 0, 0, 0, 0, 0, 0, CampaignSyncSummary.NONE);
    }

    SyncSummary plus(OutcomeStatus status) {
        return new SyncSummary(created + (status == OutcomeStatus.CREATED ? 1 : 0), updated + (status == OutcomeStatus.UPDATED ? 1 : 0),
                unchanged + (status == OutcomeStatus.UNCHANGED ? 1 : 0), conflicts + (status == OutcomeStatus.CONFLICT ? 1 : 0),
                rejected + (status == OutcomeStatus.REJECTED ? 1 : 0), photosUploaded, pulled, cursor, pending, campaigns);
    }

    SyncSummary withPhotos(int more) {
        return new SyncSummary(created, updated, unchanged, conflicts, rejected, photosUploaded + more, pulled, cursor, pending, campaigns);
    }

    SyncSummary withPulled(int more, long newCursor) {
        return new SyncSummary(created, updated, unchanged, conflicts, rejected, photosUploaded, pulled + more, newCursor, pending, campaigns);
    }

    SyncSummary withPending(long left) {
        return new SyncSummary(created, updated, unchanged, conflicts, rejected, photosUploaded, pulled, cursor, left, campaigns);
    }

    SyncSummary withCampaigns(CampaignSyncSummary done) {
        return new SyncSummary(created, updated, unchanged, conflicts, rejected, photosUploaded, pulled, cursor, pending, done);
    }

    @Override
    public String toString() {
        return "pushed: " + created + " created, " + updated + " updated, " + unchanged + " unchanged, " + conflicts
                + " conflicts, " + rejected + " refused; " + photosUploaded + " photos uploaded; pulled " + pulled
                + " changes (cursor " + cursor + "); " + pending + " changes pending"
                + (campaigns == CampaignSyncSummary.NONE ? "" : "\n" + campaigns);
    }
}
