package org.seuil.sync.client;

import java.util.List;

/**
 * What campaign sync did.
 *
 * @param campaignsPushed campaigns created or updated on the server
 * @param changesPushed   venue changes (statuses, venues found, assignments) the server applied
 * @param superseded      statuses the server already had newer ones for
 * @param refusals        pushes the server refused for good (e.g. a reporter creating a campaign):
 *                        one line each, naming the campaign and the reason; the local data stays
 * @param campaignsPulled campaigns the user belongs to, fetched and stored
 */
public record CampaignSyncSummary(int campaignsPushed, int changesPushed, int superseded, List<String> refusals, int campaignsPulled) {
    public static final CampaignSyncSummary NONE = new CampaignSyncSummary(0, 0, 0, List.of(), 0);

    public CampaignSyncSummary {
        refusals = List.copyOf(refusals);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("campaigns: pushed " + campaignsPushed + " campaign(s) and " + changesPushed
                + " venue change(s), " + superseded + " superseded by newer ones, " + refusals.size() + " refused; pulled "
                + campaignsPulled + " campaign(s)");
        for (String refusal : refusals) {
            text.append("\nrefused: ").append(refusal);
        }
        return text.toString();
    }
}
