package org.seuil.domain;

import java.util.function.Function;

/**
 * One thing a survey can tell about a place. A place's accessibility is, criterion by criterion,
 * the value of its latest report that surveyed it. The {@code key} is the OSM tag where one exists
 * and names the column in CSV files.
 */
public enum Criterion {
    WHEELCHAIR("wheelchair", r -> r.wheelchair() == Accessibility.UNKNOWN ? null : r.wheelchair()),
    TOILETS_WHEELCHAIR("toilets:wheelchair", r -> r.toiletsWheelchair() == Accessibility.UNKNOWN ? null : r.toiletsWheelchair()),
    STEP_COUNT("entrance:step_count", r -> r.entrance().stepCount()),
    STEP_HEIGHT("entrance:step:height", r -> r.entrance().stepHeight()),
    RAMP("ramp:wheelchair", r -> r.entrance().ramp()),
    DOOR_WIDTH("door:width", r -> r.entrance().doorWidth()),
    AUTOMATIC_DOOR("automatic_door", r -> r.entrance().automaticDoor()),
    DOORBELL("entrance:doorbell", r -> r.entrance().doorbell()),
    TOILET_DOOR_WIDTH("toilets:door:width", r -> r.toilet().doorWidth()),
    TOILET_TURNING_SPACE("toilets:wheelchair:turning_circle", r -> r.toilet().turningSpace()),
    TOILET_GRAB_BARS("toilets:wheelchair:grab_bars", r -> r.toilet().grabBars()),
    PARKING_SPACES("capacity:disabled", r -> r.parking().disabledSpaces()),
    PARKING_STEP_FREE("parking:step_free", r -> r.parking().stepFreeToEntrance()),
    KERB("kerb", r -> r.path().kerb()),
    SURFACE("surface", r -> r.path().surface()),
    SMOOTHNESS("smoothness", r -> r.path().smoothness()),
    INCLINE("incline", r -> r.path().incline());

    private final String key;
    private final Function<Report, Object> extractor;

    Criterion(String key, Function<Report, Object> extractor) {
        this.key = key;
        this.extractor = extractor;
    }

    public String key() {
        return key;
    }

    /** What the report says about this criterion, or null when it did not survey it. */
    public Object valueIn(Report report) {
        return report.deleted() ? null : extractor.apply(report);
    }
}
