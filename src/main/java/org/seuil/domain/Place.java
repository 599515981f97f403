package org.seuil.domain;

/**
 * A venue on the map. Its accessibility is not stored here: it is derived from its reports
 * (see {@link PlaceAccessibility}), so two people surveying the same place never overwrite each other.
 *
 * @param category an OSM {@code key=value} such as {@code amenity=cafe}, or null when unknown
 */
public record Place(PlaceId id, GeoPoint location, String name, String category, String address) {
    public Place {
        if (id == null) {
            throw new InvalidValueException("id", "is required");
        }
        if (location == null) {
            throw new InvalidValueException("location", "is required");
        }
        name = Checks.optionalText("name", name, Checks.MAX_NAME);
        category = Checks.optionalText("category", category, 200);
        if (category != null && !TextShapes.isCategory(category)) {
            throw new InvalidValueException("category", "'" + PlaceId.abbreviate(category) + "' is not an OSM key=value such as amenity=cafe");
        }
        address = Checks.optionalText("address", address, Checks.MAX_NAME);
    }

    /** The name to show; unnamed places show their category, as OSM editors do. */
    public String displayName() {
        if (name != null) {
            return name;
        }
        return category != null ? category : id.value();
    }
}
