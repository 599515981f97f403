package org.seuil.domain;

/** OSM {@code ramp:wheelchair}: none, a fixed ramp, or a removable one brought on request. */
public enum Ramp {
    NONE, FIXED, REMOVABLE;

    public String osm() {
        return switch (this) {
            case NONE -> "no";
            case FIXED -> "yes";
            case REMOVABLE -> "separate";
        };
    }

    public static Ramp fromOsm(String field, String value) {
        if (value == null) {
            throw new InvalidValueException(field, "is missing");
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "no", "none" -> NONE;
            case "yes", "fixed" -> FIXED;
            case "separate", "removable" -> REMOVABLE;
            default -> throw new InvalidValueException(field, "unknown value '" + PlaceId.abbreviate(value) + "', expected none, fixed or removable");
        };
    }
}
