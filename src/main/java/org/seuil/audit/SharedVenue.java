package org.seuil.audit;

import java.time.Instant;
import org.seuil.domain.InvalidValueException;
import org.seuil.domain.Place;

/**
 * A campaign venue as the shared server keeps it and devices exchange it: the whole place (so a
 * volunteer whose store never imported it still gets it) and where the campaign stands with it.
 *
 * @param volunteer who is to visit it, or null while unassigned
 * @param zone      the zone it was given through, or null
 * @param statusAt  when the status was last set, null while never set
 * @param statusBy  who set it (on the server: the pseudonym of the user who pushed it)
 */
public record SharedVenue(Place place, VenueStatus status, String volunteer, Integer zone, Instant statusAt, String statusBy,
                          boolean foundOnGround) {
    public SharedVenue {
        if (place == null) {
            throw new InvalidValueException("place", "is required");
        }
        if (status == null) {
            throw new InvalidValueException("status", "is required");
        }
        if (volunteer != null) {
            volunteer = Volunteers.check("volunteer", volunteer);
        }
        if (statusBy != null) {
            statusBy = Volunteers.check("statusBy", statusBy);
        }
        if (zone != null && zone < 0) {
            throw new InvalidValueException("zone", "must not be negative");
        }
    }
}
