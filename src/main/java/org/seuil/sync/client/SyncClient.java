package org.seuil.sync.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.store.CampaignSyncStore;
import org.seuil.store.OutboxEntry;
import org.seuil.store.PlaceStore;
import org.seuil.store.PlaceView;
import org.seuil.store.SyncConflict;
import org.seuil.sync.protocol.BatchResult;
import org.seuil.sync.protocol.ChangePage;
import org.seuil.sync.protocol.Outcome;
import org.seuil.sync.protocol.OutcomeStatus;
import org.seuil.sync.protocol.ReportFeature;

/**
 * Syncs one local store with one server: pushes the outbox oldest first, then pulls the change
 * feed. Crash-safe at every step:
 * <ul>
 * <li>a batch's Idempotency-Key is the SHA-256 of its body, so the batch re-sent after a lost
 *     answer or a restart gets the server's stored answer instead of being applied twice;</li>
 * <li>the answer is recorded and the outbox rows marked synced in one local transaction;</li>
 * <li>pulled changes and the new cursor are stored in one local transaction.</li>
 * </ul>
 * Transient failures (no answer, 429, 5xx) are retried with {@link Backoff}; a conflict is kept
 * in the store as mine / theirs, never dropped.
 */
public final class SyncClient {
    /** How long to wait; tests pass one that does not really sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final PlaceStore store;
    private final SyncApi api;
    private final String server;
    private final Path photos;
    private final Retrying retrying;
    private final Clock clock;
    private CampaignSyncStore campaigns;
    private int batchSize = 500;
    private int pageSize = 1000;
    private BoundingBox area;

    /**
     * @param server a stable name of the server (its URL), under which the cursor is kept
     * @param photos the folder of photo files named by their SHA-256, or null
     */
    public SyncClient(PlaceStore store, SyncApi api, String server, Path photos, Backoff backoff, Sleeper sleeper, Random random, Clock clock) {
        this.store = store;
        this.api = api;
        this.server = server;
        this.photos = photos;
        this.retrying = new Retrying(backoff, sleeper, random);
        this.clock = clock;
    }

    public SyncClient withBatchSize(int size) {
        this.batchSize = Math.max(1, size);
        return this;
    }

    public SyncClient withPageSize(int size) {
        this.pageSize = Math.max(1, size);
        return this;
    }

    /** Pulls only changes in this area (null: everywhere). */
    public SyncClient withArea(BoundingBox box) {
        this.area = box;
        return this;
    }

    /** Also syncs the store's district audit campaigns: pushes their change log, pulls those the user belongs to. */
    public SyncClient withCampaigns(CampaignSyncStore campaignStore) {
        this.campaigns = campaignStore;
        return this;
    }

    /** Pushes everything pending, then pulls everything new; reports first, then campaigns. */
    public SyncSummary sync() throws SyncException, InterruptedException {
        SyncSummary summary = push(SyncSummary.empty());
        summary = pull(summary);
        if (campaigns != null) {
            summary = summary.withCampaigns(new CampaignSync(campaigns, api, retrying).sync());
        }
        store.recordSyncSuccess(server, clock.instant());
        return summary.withPending(store.pendingChanges());
    }

    // ---------------------------------------------------------------- push

    private SyncSummary push(SyncSummary summary) throws SyncException, InterruptedException {
        int size = batchSize;
        while (true) {
            List<OutboxEntry> entries = store.outbox(size);
            if (entries.isEmpty()) {
                return summary;
            }
            Batch batch = batchOf(entries);
            if (batch.features.isEmpty()) {
                store.recordPush(batch.sequences(), List.of());
                continue;
            }
            Map<String, String> refusedPhotos = new HashMap<>();
            summary = summary.withPhotos(uploadPhotos(batch.features, refusedPhotos));
            BatchResult result;
            try {
                result = withRetries(() -> api.push(batch.features));
            } catch (SyncException e) {
                if (e.status() == 413 && size > 1) {
                    size = Math.max(1, size / 2); // too large for this server: smaller batches
                    continue;
                }
                if (!e.retryable() && e.status() != 401 && batch.features.size() > 1) {
                    size = 1; // find the one feature the server refuses, send the rest
                    continue;
                }
                if (!e.retryable() && e.status() != 401) {
                    Report mine = batch.features.get(0).report();
                    store.recordPush(batch.sequences(), List.of(new SyncConflict(mine, null, e.getMessage(), clock.instant())));
                    summary = summary.plus(OutcomeStatus.REJECTED);
                    size = batchSize;
                    continue;
                }
                throw e;
            }
            summary = record(batch, result, summary, refusedPhotos);
            size = batchSize;
        }
    }

    private SyncSummary record(Batch batch, BatchResult result, SyncSummary summary, Map<String, String> refusedPhotos) {
        List<SyncConflict> conflicts = new ArrayList<>();
        for (Outcome o : result.results()) {
            summary = summary.plus(o.status());
            Report mine = o.index() < batch.features.size() ? batch.features.get(o.index()).report() : null;
            if (mine == null) {
                continue;
            }
            if (o.status() == OutcomeStatus.CONFLICT) {
                conflicts.add(new SyncConflict(mine, o.serverCopy().report(), null, clock.instant()));
            } else if (o.status() == OutcomeStatus.REJECTED) {
                String reason = o.reason();
                for (String sha : o.missingPhotos()) {
                    String refusal = refusedPhotos.get(sha);
                    reason += refusal == null ? " (" + sha + " is missing here too)" : " (" + sha + " was refused by the server: " + refusal + ")";
                }
                conflicts.add(new SyncConflict(mine, null, reason, clock.instant()));
            }
        }
        store.recordPush(batch.sequences(), conflicts);
        return summary;
    }

    /**
     * Uploads the photos of the batch's reports before the batch, so the server never lacks
     * one we have. Uploads are idempotent: a photo the server has costs one request, no storage.
     * A photo missing from our own folder is left to the server to refuse, and so is one the
     * server refuses to store (a broken file, not an image, too large): its report then comes back
     * rejected and is kept as a refusal with the server's reason, instead of stopping every sync.
     *
     * @param refused filled with the photos the server refused, and why
     */
    private int uploadPhotos(List<ReportFeature> features, Map<String, String> refused) throws SyncException, InterruptedException {
        if (photos == null) {
            return 0;
        }
        int uploaded = 0;
        for (ReportFeature f : features) {
            for (String sha : f.report().photos()) {
                Path file = photos.resolve(sha);
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                byte[] bytes;
                try {
                    bytes = Files.readAllBytes(file);
                } catch (IOException e) {
                    throw new SyncException(0, null, 0, "cannot read photo " + file + ": " + e.getMessage(), e);
                }
                try {
                    if (withRetries(() -> api.putPhoto(sha, bytes))) {
                        uploaded++;
                    }
                } catch (SyncException e) {
                    if (e.status() != 400 && e.status() != 413 && e.status() != 415) {
                        throw e;
                    }
                    refused.put(sha, e.problem() != null && e.problem().detail() != null ? e.problem().detail() : e.getMessage());
                }
            }
        }
        return uploaded;
    }

    private record Batch(List<ReportFeature> features, Map<ReportId, List<Long>> sequencesOf, List<Long> other) {
        List<Long> sequences() {
            List<Long> all = new ArrayList<>(other);
            sequencesOf.values().forEach(all::addAll);
            return all;
        }
    }

    /**
     * One feature per report, in the order of its first pending change; a report edited three
     * times offline travels once, as it is now. Place rows travel with the reports that use them.
     */
    private Batch batchOf(List<OutboxEntry> entries) {
        Map<ReportId, List<Long>> sequencesOf = new LinkedHashMap<>();
        List<Long> other = new ArrayList<>();
        List<ReportFeature> features = new ArrayList<>();
        for (OutboxEntry e : entries) {
            if (!e.kind().equals("report")) {
                other.add(e.sequence());
                continue;
            }
            ReportId id = new ReportId(e.entityId());
            if (sequencesOf.containsKey(id)) {
                sequencesOf.get(id).add(e.sequence());
                continue;
            }
            Optional<Report> report = store.report(id);
            Optional<PlaceView> place = report.flatMap(r -> store.place(r.placeId()));
            if (report.isEmpty() || place.isEmpty()) {
                other.add(e.sequence());
                continue;
            }
            sequencesOf.put(id, new ArrayList<>(List.of(e.sequence())));
            features.add(new ReportFeature(place.get().place(), report.get()));
        }
        return new Batch(features, sequencesOf, other);
    }

    // ---------------------------------------------------------------- pull

    private SyncSummary pull(SyncSummary summary) throws SyncException, InterruptedException {
        long cursor = store.syncState(server).cursor();
        try (ChangeFeed feed = new ChangeFeed(api, area, pageSize, retrying)) {
            while (true) {
                ChangePage page = feed.page(cursor);
                List<PlaceRecord> changes = new ArrayList<>(page.features().size());
                for (ReportFeature f : page.features()) {
                    changes.add(new PlaceRecord(f.place(), List.of(f.report())));
                }
                store.applyPulled(server, changes, page.nextCursor());
                summary = summary.withPulled(changes.size(), page.nextCursor());
                cursor = page.nextCursor();
                if (!page.more()) {
                    return summary;
                }
            }
        }
    }

    // ---------------------------------------------------------------- retries

    private <T> T withRetries(Retrying.Call<T> call) throws SyncException, InterruptedException {
        return retrying.call(call);
    }
}
