package org.seuil.audit;

import java.util.Locale;
import org.seuil.domain.Criterion;
import org.seuil.domain.InvalidValueException;

/** What a checklist question expects as an answer. */
public enum AnswerKind {
    /** A whole number (steps, parking spaces). */
    COUNT,
    /** A length with its unit, measured or estimated. */
    LENGTH,
    /** A slope in % or °. */
    SLOPE,
    YES_NO,
    /** One of the item's {@code choices}. */
    CHOICE,
    TEXT;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static AnswerKind parse(String field, String text) {
        for (AnswerKind kind : values()) {
            if (kind.code().equals(text)) {
                return kind;
            }
        }
        throw new InvalidValueException(field, "unknown answer '" + text + "', expected count, length, slope, yes-no, choice or text");
    }

    /** The kind of answer a criterion of the report takes, so an item cannot ask a length for a yes/no field. */
    public static AnswerKind of(Criterion criterion) {
        return switch (criterion) {
            case STEP_COUNT, PARKING_SPACES -> COUNT;
            case STEP_HEIGHT, DOOR_WIDTH, TOILET_DOOR_WIDTH, TOILET_TURNING_SPACE -> LENGTH;
            case INCLINE -> SLOPE;
            case AUTOMATIC_DOOR, DOORBELL, TOILET_GRAB_BARS, PARKING_STEP_FREE -> YES_NO;
            case WHEELCHAIR, TOILETS_WHEELCHAIR, RAMP, KERB, SURFACE, SMOOTHNESS -> CHOICE;
        };
    }
}
