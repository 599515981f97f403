package org.seuil.store;

import java.util.List;
import java.util.Optional;
import org.seuil.audit.CampaignId;
import org.seuil.audit.SharedCampaign;

/**
 * The side of the local store that campaign sync uses: the campaign change log to push and the
 * server's copies to apply. Every method runs in one local transaction.
 */
public interface CampaignSyncStore {
    /** Campaign changes not yet pushed, oldest first. */
    List<CampaignChange> pendingChanges(int limit);

    /** The local campaign with its venues as whole places, to push; empty when there is no such campaign. */
    Optional<SharedCampaign> local(CampaignId id);

    /** Marks changes pushed (or refused for good: the caller reports it), so they are not sent again. */
    void markPushed(List<Long> sequences);

    /**
     * Replaces the local copy of a campaign by the server's, in one transaction: the campaign, its
     * team, its venues; places a volunteer lacks are added without being queued for sync. A venue
     * (or the campaign itself) with a change still waiting to be pushed keeps its local state,
     * so a pull never undoes an edit the server has not seen yet. Nothing is added to the change log.
     */
    void applyPulled(SharedCampaign copy);
}
