package org.seuil.sync.protocol;

import java.time.Instant;
import org.seuil.audit.VenueStatus;
import org.seuil.audit.Volunteers;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.InvalidValueException;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;

/**
 * One change a member pushes to a campaign ({@code POST /api/v1/campaigns/{id}/changes}). Each
 * carries the venue's state as it is now on the device, not a delta, so sending it twice is harmless.
 */
public sealed interface CampaignEdit {
    PlaceId placeId();

    /** The campaign's manager gives a venue to a volunteer (who joins the campaign). */
    record Assign(PlaceId placeId, String volunteer, Integer zone) implements CampaignEdit {
        public Assign {
            if (placeId == null) {
                throw new InvalidValueException("place", "is required");
            }
            volunteer = Volunteers.check("volunteer", volunteer);
            if (zone != null && zone < 0) {
                throw new InvalidValueException("zone", "must not be negative");
            }
        }
    }

    /** The outcome of a visit (or a venue set back to visit), as of {@code at}; the later {@code at} wins. */
    record SetStatus(PlaceId placeId, VenueStatus status, Instant at) implements CampaignEdit {
        public SetStatus {
            if (placeId == null) {
                throw new InvalidValueException("place", "is required");
            }
            if (status == null) {
                throw new InvalidValueException("status", "is required");
            }
            if (at == null) {
                throw new InvalidValueException("at", "is required");
            }
        }
    }

    /** A venue found on the ground, with its status as of {@code at}. */
    record AddVenue(Place place, VenueStatus status, Instant at) implements CampaignEdit {
        public AddVenue {
            if (place == null) {
                throw new InvalidValueException("place", "is required");
            }
            if (status == null) {
                throw new InvalidValueException("status", "is required");
            }
            if (at == null) {
                throw new InvalidValueException("at", "is required");
            }
        }

        @Override
        public PlaceId placeId() {
            return place.id();
        }

        public GeoPoint location() {
            return place.location();
        }
    }
}
