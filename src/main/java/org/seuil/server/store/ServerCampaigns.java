package org.seuil.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.seuil.audit.CampaignId;
import org.seuil.audit.SharedCampaign;
import org.seuil.sync.protocol.CampaignAnswer;
import org.seuil.sync.protocol.CampaignEdit;
import org.seuil.sync.protocol.CampaignListing;

/**
 * District audit campaigns on the shared server (docs/sync-protocol.md, "Campaigns"). A campaign
 * is seen only by its owner, its members and admins; to anyone else it does not exist (404, never
 * 403, so ids do not leak). Every refusal is a {@link BatchRefusedException} with nothing applied.
 */
public interface ServerCampaigns {
    /** A push's answer, and whether it is the stored answer of an earlier push with the same key. */
    record Push(CampaignAnswer answer, boolean replayed) {
    }

    /**
     * Creates the campaign (the caller owns it) or updates it (its owner or an admin): definition,
     * members added, venues added or updated (assignments, and statuses by the later time); never
     * removes a venue or member. Auditors, moderators and admins only.
     */
    Push save(Principal who, String idempotencyKey, String bodySha256, SharedCampaign campaign, Instant now);

    /** Applies a member's changes in one transaction; assignments are the manager's only. */
    Push change(Principal who, CampaignId id, String idempotencyKey, String bodySha256, List<CampaignEdit> edits, Instant now);

    /** The campaigns the caller belongs to or owns (admins: all), newest first. */
    List<CampaignListing> visibleTo(Principal who);

    /** The campaign with its venues; empty when it does not exist or the caller may not see it. */
    Optional<SharedCampaign> get(Principal who, CampaignId id);

    /** Adds or removes a member (owner or admin); returns the campaign's new version. */
    long setMember(Principal who, CampaignId id, String name, boolean member, Instant now);
}
