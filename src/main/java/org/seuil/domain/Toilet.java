package org.seuil.domain;

/** The accessible toilet, if there is one. Null fields are "not surveyed". */
public record Toilet(Quantity doorWidth, Quantity turningSpace, Boolean grabBars) {
    public static final Toilet NOT_SURVEYED = new Toilet(null, null, null);

    public Toilet {
        Entrance.lengthOnly("doorWidth", doorWidth);
        Entrance.lengthOnly("turningSpace", turningSpace);
    }

    public boolean isEmpty() {
        return equals(NOT_SURVEYED);
    }
}
