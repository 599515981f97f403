package org.seuil.audit;

import java.time.Instant;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.InvalidValueException;
import org.seuil.domain.PlaceId;

/**
 * A venue of a campaign: a place of the store and where the campaign stands with it.
 *
 * @param category      OSM {@code key=value}, or null
 * @param volunteer     who is to visit it, or null while unassigned
 * @param zone          the zone it fell in when the district was split (0-based), or null
 * @param statusAt      when the status was last set, null while {@link VenueStatus#TO_VISIT} was never changed
 * @param statusBy      who set it
 * @param foundOnGround added by a volunteer on the ground rather than selected from the store
 */
public record CampaignVenue(PlaceId placeId, GeoPoint location, String name, String category, VenueStatus status,
                            String volunteer, Integer zone, Instant statusAt, String statusBy, boolean foundOnGround) {
    public CampaignVenue {
        if (placeId == null) {
            throw new InvalidValueException("placeId", "is required");
        }
        if (location == null) {
            throw new InvalidValueException("location", "is required");
        }
        if (status == null) {
            throw new InvalidValueException("status", "is required");
        }
        if (zone != null && zone < 0) {
            throw new InvalidValueException("zone", "must not be negative");
        }
    }

    public String displayName() {
        if (name != null) {
            return name;
        }
        return category != null ? category : placeId.value();
    }
}
