package org.seuil.domain;

/** The main entrance as a wheelchair user meets it. Every field is optional: null is "not surveyed". */
public record Entrance(Integer stepCount, Quantity stepHeight, Ramp ramp, Quantity doorWidth,
                       Boolean automaticDoor, Boolean doorbell) {
    public Entrance {
        Checks.optionalCount("stepCount", stepCount, 500);
        lengthOnly("stepHeight", stepHeight);
        lengthOnly("doorWidth", doorWidth);
        if (stepCount != null && stepCount == 0 && stepHeight != null && stepHeight.value() > 0) {
            throw new InvalidValueException("stepHeight", "is given but stepCount is 0");
        }
    }

    public static final Entrance NOT_SURVEYED = new Entrance(null, null, null, null, null, null);

    public boolean isEmpty() {
        return equals(NOT_SURVEYED);
    }

    static void lengthOnly(String field, Quantity q) {
        if (q != null && !q.unit().isLength()) {
            throw new InvalidValueException(field, "must be a length, got " + q.unit().symbol());
        }
    }
}
