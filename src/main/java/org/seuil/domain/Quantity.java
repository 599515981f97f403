package org.seuil.domain;

/**
 * A measure as A11yJSON writes it: a value, a unit, and whether it was measured with a tool or
 * estimated by eye, because a planner weighs the two differently.
 */
public record Quantity(double value, LengthUnit unit, boolean measured) {
    private static final double MAX_LENGTH_METRES = 1000;

    public Quantity {
        Checks.finite("value", value);
        if (unit == null) {
            throw new InvalidValueException("unit", "is required");
        }
        if (value < 0 && unit != LengthUnit.PERCENT && unit != LengthUnit.DEGREE) {
            throw new InvalidValueException("value", "a length cannot be negative, got " + value);
        }
        if (unit.isLength() && unit.toBase(value) > MAX_LENGTH_METRES) {
            throw new InvalidValueException("value", value + " " + unit.symbol() + " is longer than " + MAX_LENGTH_METRES + " m");
        }
        if (unit == LengthUnit.DEGREE && Math.abs(value) > 90) {
            throw new InvalidValueException("value", "a slope of " + value + "° is impossible");
        }
    }

    public static Quantity metres(double value) {
        return new Quantity(value, LengthUnit.METRE, true);
    }

    public static Quantity centimetres(double value) {
        return new Quantity(value, LengthUnit.CENTIMETRE, true);
    }

    public static Quantity percent(double value) {
        return new Quantity(value, LengthUnit.PERCENT, true);
    }

    /** This length in metres; slopes have no length. */
    public double metres() {
        if (!unit.isLength()) {
            throw new IllegalStateException(unit + " is not a length");
        }
        return unit.toBase(value);
    }

    /** This slope in percent (degrees converted); lengths have no slope. */
    public double percent() {
        return switch (unit) {
            case PERCENT -> value;
            case DEGREE -> Math.tan(Math.toRadians(value)) * 100;
            default -> throw new IllegalStateException(unit + " is not a slope");
        };
    }

    /** OSM writes lengths in metres without a unit, e.g. {@code width=0.9}. */
    public String osm() {
        if (unit.isLength()) {
            return trim(metres());
        }
        return trim(value) + (unit == LengthUnit.PERCENT ? "%" : "°");
    }

    static String trim(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(Math.round(v * 10000) / 10000.0);
    }

    @Override
    public String toString() {
        return trim(value) + " " + unit.symbol() + (measured ? "" : " (estimated)");
    }
}
