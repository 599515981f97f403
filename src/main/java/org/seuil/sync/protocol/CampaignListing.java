package org.seuil.sync.protocol;

import org.seuil.audit.CampaignId;

/** One line of {@code GET /api/v1/campaigns}: a campaign the caller belongs to. */
public record CampaignListing(CampaignId id, String name, String owner, long version, int venues) {
}
