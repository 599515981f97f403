package org.seuil.audit;

import org.seuil.domain.InvalidValueException;
import org.seuil.domain.PlaceId;

/** A venue given to a volunteer, with the zone it was given through (null when assigned by hand). */
public record Assignment(PlaceId placeId, String volunteer, Integer zone) {
    public Assignment {
        if (placeId == null) {
            throw new InvalidValueException("placeId", "is required");
        }
        volunteer = Volunteers.check("volunteer", volunteer);
        if (zone != null && zone < 0) {
            throw new InvalidValueException("zone", "must not be negative");
        }
    }
}
