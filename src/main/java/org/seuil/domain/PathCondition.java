package org.seuil.domain;

/** The way to the entrance: kerb, surface, smoothness, and the steepest incline on it. */
public record PathCondition(Kerb kerb, Surface surface, Smoothness smoothness, Quantity incline) {
    public static final PathCondition NOT_SURVEYED = new PathCondition(null, null, null, null);

    public PathCondition {
        if (incline != null && incline.unit().isLength()) {
            throw new InvalidValueException("incline", "must be a slope in % or °, got " + incline.unit().symbol());
        }
    }

    public boolean isEmpty() {
        return equals(NOT_SURVEYED);
    }
}
