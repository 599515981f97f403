package org.seuil.store;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;

/**
 * The local store of places and reports. Every local write goes with its outbox row in one
 * transaction; every import is one transaction, so a failure leaves the store as it was.
 */
public interface PlaceStore extends AutoCloseable {
    Path file();

    Optional<PlaceView> place(PlaceId id);

    /** Every report of the place, oldest survey first, tombstones included (the history). */
    List<Report> reports(PlaceId id);

    Optional<Report> report(ReportId id);

    /** Places in the filter's box that pass it, at most {@code limit}, found through the spatial index. */
    List<PlaceView> query(PlaceFilter filter, int limit);

    /** Streams every place passing the filter with all its reports, for exports; constant memory. */
    void forEach(PlaceFilter filter, Consumer<PlaceRecord> sink);

    /** Full-text search over names (prefix matching on each word), best matches first. */
    List<PlaceView> search(String text, int limit);

    StoreStats stats(PlaceFilter filter);

    /** Creates or edits a place that a person made; queued for sync. */
    void savePlace(Place place);

    /**
     * Saves a person's report; queued for sync. A report already stored must come with its
     * revision + 1, else {@link StaleRevisionException}.
     */
    void saveReport(Report report);

    /** Puts the tombstone of a report in its place; queued for sync. */
    void deleteReport(ReportId id, java.time.Instant at);

    /** Imports records in one transaction; any exception from the iterator rolls everything back. */
    ImportSummary importRecords(Iterator<PlaceRecord> records, ImportSource source);

    /** Number of local changes not yet synced. */
    long pendingChanges();

    /** The oldest unsynced changes first. */
    List<OutboxEntry> outbox(int limit);

    /**
     * Marks outbox entries as synced, all in one transaction, so that a crash never leaves half a
     * batch marked. Unknown or already synced sequence numbers are ignored.
     */
    void markSynced(List<Long> sequences);

    /**
     * What a push learned, in one transaction: the outbox entries the server answered are marked
     * synced and the conflicts and refusals are kept for the user to decide.
     */
    void recordPush(List<Long> syncedSequences, List<SyncConflict> conflicts);

    /**
     * Stores changes pulled from {@code server} and its new cursor in one transaction. Pulled
     * changes add no outbox rows; a report with a local change still pending is left as it is
     * (its push decides between update and conflict).
     */
    void applyPulled(String server, List<PlaceRecord> changes, long cursor);

    /** Notes that a sync with {@code server} went through at {@code at}. */
    void recordSyncSuccess(String server, java.time.Instant at);

    SyncState syncState(String server);

    /** Conflicts and refusals kept from syncs, oldest first. */
    List<SyncConflict> conflicts();

    /**
     * Settles the conflict kept for {@code report} (see {@link ConflictChoice}) in one transaction:
     * the chosen version is stored, the place re-derived, the outbox updated and every conflict kept
     * for that report removed. Returns the report as stored now. Throws {@link StoreException} when
     * no conflict is kept for it, or when keeping theirs is asked of a refusal (there is no server copy).
     */
    Report resolveConflict(ReportId report, ConflictChoice choice);

    @Override
    void close();
}
