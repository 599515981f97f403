package org.seuil.domain;

/** Parking for disabled people: OSM {@code capacity:disabled} and whether it is step-free to the door. */
public record Parking(Integer disabledSpaces, Boolean stepFreeToEntrance) {
    public static final Parking NOT_SURVEYED = new Parking(null, null);

    public Parking {
        Checks.optionalCount("disabledSpaces", disabledSpaces, 100_000);
    }

    public boolean isEmpty() {
        return equals(NOT_SURVEYED);
    }
}
