package org.seuil.audit;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.seuil.domain.InvalidValueException;

/**
 * A campaign as the shared server holds it: the campaign (its volunteers are the members who
 * see it), the user who created it, its venues, and its version, the server sequence number of
 * its last change (0 for a copy that never reached a server).
 */
public record SharedCampaign(Campaign campaign, String owner, long version, List<SharedVenue> venues) {
    public SharedCampaign {
        if (campaign == null) {
            throw new InvalidValueException("campaign", "is required");
        }
        if (owner != null) {
            owner = Volunteers.check("owner", owner);
        }
        if (version < 0) {
            throw new InvalidValueException("version", "must not be negative");
        }
        venues = venues == null ? List.of() : List.copyOf(venues);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < venues.size(); i++) {
            if (!seen.add(venues.get(i).place().id().value())) {
                throw new InvalidValueException("venues[" + i + "]", "place " + venues.get(i).place().id() + " appears twice");
            }
        }
    }
}
