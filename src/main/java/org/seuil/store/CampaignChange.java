package org.seuil.store;

import java.time.Instant;

/**
 * One local change to a campaign, waiting for campaign sync. Kept apart from the report outbox,
 * whose uploader only knows reports (see docs/decisions/0004-audit-campaigns.md).
 *
 * @param kind     {@code campaign} (created), {@code assignment}, {@code status} or {@code venue} (added)
 * @param entityId the place id for venue-level changes, the campaign id otherwise
 */
public record CampaignChange(long sequence, String campaignId, String kind, String entityId, Instant createdAt) {
}
