package org.seuil.sync.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.seuil.audit.CampaignId;
import org.seuil.store.CampaignChange;
import org.seuil.store.CampaignSyncStore;
import org.seuil.audit.SharedCampaign;
import org.seuil.audit.SharedVenue;
import org.seuil.sync.protocol.CampaignAnswer;
import org.seuil.sync.protocol.CampaignEdit;
import org.seuil.sync.protocol.CampaignListing;

/**
 * Syncs the local store's district audit campaigns with the server (docs/sync-protocol.md,
 * "Campaigns"). Push: the change log, oldest first, grouped by campaign; each change travels as
 * the venue (or campaign) is now, so three offline edits of one venue are one change on the wire,
 * and the log rows are marked pushed only after the server's answer. Pull: every campaign the user
 * belongs to, whole, each applied in one local transaction.
 *
 * <p>Offline-first: when the server cannot be reached the call fails after its retries and every
 * change stays in the log for the next sync. A change the server refuses for good (403, 404, 400)
 * is reported in the summary and not sent again; the device keeps its data.
 */
final class CampaignSync {
    private static final int LOG_PAGE = 500;
    /** Changes per push; the server accepts up to the batch limit (1,000). */
    private static final int EDITS_PER_PUSH = 500;

    private final CampaignSyncStore store;
    private final SyncApi api;
    private final Retrying retrying;

    CampaignSync(CampaignSyncStore store, SyncApi api, Retrying retrying) {
        this.store = store;
        this.api = api;
        this.retrying = retrying;
    }

    CampaignSyncSummary sync() throws SyncException, InterruptedException {
        Tally tally = new Tally();
        push(tally);
        for (CampaignListing listed : retrying.call(api::campaigns)) {
            SharedCampaign copy;
            try {
                copy = retrying.call(() -> api.campaign(listed.id()));
            } catch (SyncException e) {
                if (e.status() == 404) {
                    continue; // left the campaign between the listing and now
                }
                throw e;
            }
            store.applyPulled(copy);
            tally.pulled++;
        }
        return new CampaignSyncSummary(tally.campaigns, tally.changes, tally.superseded, tally.refusals, tally.pulled);
    }

    private static final class Tally {
        int campaigns;
        int changes;
        int superseded;
        int pulled;
        final List<String> refusals = new ArrayList<>();
    }

    private void push(Tally tally) throws SyncException, InterruptedException {
        while (true) {
            List<CampaignChange> log = store.pendingChanges(LOG_PAGE);
            if (log.isEmpty()) {
                return;
            }
            Map<String, List<CampaignChange>> byCampaign = new LinkedHashMap<>();
            for (CampaignChange change : log) {
                byCampaign.computeIfAbsent(change.campaignId(), k -> new ArrayList<>()).add(change);
            }
            for (Map.Entry<String, List<CampaignChange>> entry : byCampaign.entrySet()) {
                pushCampaign(new CampaignId(entry.getKey()), entry.getValue(), tally);
            }
        }
    }

    private void pushCampaign(CampaignId id, List<CampaignChange> changes, Tally tally) throws SyncException, InterruptedException {
        List<Long> sequences = changes.stream().map(CampaignChange::sequence).toList();
        Optional<SharedCampaign> local = store.local(id);
        if (local.isEmpty()) {
            store.markPushed(sequences); // nothing left to send
            return;
        }
        SharedCampaign campaign = local.get();
        boolean created = changes.stream().anyMatch(c -> c.kind().equals("campaign"));
        if (created) {
            // The whole campaign, venues, assignments and statuses included: its other changes ride along.
            if (send(id, tally, () -> api.pushCampaign(campaign))) {
                tally.campaigns++;
            }
            store.markPushed(sequences);
            return;
        }
        Map<String, SharedVenue> venues = new LinkedHashMap<>();
        for (SharedVenue v : campaign.venues()) {
            venues.put(v.place().id().value(), v);
        }
        // Statuses and found venues first, assignments apart: a volunteer's device may hold an
        // assignment the server refuses (only the owner assigns) without losing the visits.
        List<CampaignEdit> visits = new ArrayList<>();
        List<CampaignEdit> assignments = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (CampaignChange change : changes) {
            SharedVenue v = venues.get(change.entityId());
            if (v == null || !seen.add(change.kind() + " " + change.entityId())) {
                continue;
            }
            switch (change.kind()) {
                case "venue" -> visits.add(new CampaignEdit.AddVenue(v.place(), v.status(),
                        v.statusAt() != null ? v.statusAt() : change.createdAt()));
                case "status" -> {
                    if (v.statusAt() != null) {
                        visits.add(new CampaignEdit.SetStatus(v.place().id(), v.status(), v.statusAt()));
                    }
                }
                case "assignment" -> {
                    if (v.volunteer() != null) {
                        assignments.add(new CampaignEdit.Assign(v.place().id(), v.volunteer(), v.zone()));
                    }
                }
                default -> { }
            }
        }
        for (List<CampaignEdit> group : List.of(visits, assignments)) {
            for (int from = 0; from < group.size(); from += EDITS_PER_PUSH) {
                List<CampaignEdit> part = group.subList(from, Math.min(group.size(), from + EDITS_PER_PUSH));
                CampaignAnswer[] answer = new CampaignAnswer[1];
                if (send(id, tally, () -> answer[0] = api.pushCampaignChanges(id, part))) {
                    for (String result : answer[0].results()) {
                        if (result.equals("superseded")) {
                            tally.superseded++;
                        } else {
                            tally.changes++;
                        }
                    }
                }
            }
        }
        store.markPushed(sequences);
    }

    /**
     * Sends one push with retries. Returns false when the server refused it for good (recorded as
     * a refusal); transient failures and a bad token come out, leaving the log as it is.
     */
    private boolean send(CampaignId id, Tally tally, Retrying.Call<CampaignAnswer> call) throws SyncException, InterruptedException {
        try {
            retrying.call(call);
            return true;
        } catch (SyncException e) {
            if (e.retryable() || e.status() == 401) {
                throw e;
            }
            tally.refusals.add("campaign " + id + ": " + e.getMessage());
            return false;
        }
    }
}
