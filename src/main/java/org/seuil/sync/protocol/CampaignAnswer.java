package org.seuil.sync.protocol;

import java.util.List;

/**
 * The server's answer to a campaign push, stored with its Idempotency-Key and replayed as it was.
 *
 * @param outcome {@code created} or {@code updated} for a campaign, {@code applied} for changes
 * @param version the campaign's version after the push (the server sequence number of its last change)
 * @param results for changes, one per change in order: {@code applied} or {@code superseded}
 *                (a status older than the one the server has); empty for a campaign
 */
public record CampaignAnswer(String campaign, String outcome, long version, List<String> results) {
    public CampaignAnswer {
        results = results == null ? List.of() : List.copyOf(results);
    }
}
