package org.seuil.domain;

/**
 * Whether a place suits one person's {@link WheelchairProfile}, from the measurements its reports
 * hold where they exist, else from its overall grade. A measurement that fails the profile wins
 * over any grade; an estimate within a small margin of the limit only "may not fit", because a
 * guess by eye cannot settle a 2 cm question.
 */
public enum ProfileFit {
    FITS, MAY_NOT_FIT, DOES_NOT_FIT, UNKNOWN;

    /** How close an estimated length may come to a limit before it is doubted, in metres. */
    static final double ESTIMATE_MARGIN_METRES = 0.05;
    /** Same for an estimated slope, in percent. */
    static final double ESTIMATE_MARGIN_PERCENT = 1.0;

    public static ProfileFit of(WheelchairProfile profile, PlaceAccessibility place) {
        Verdict door = door(profile, (Quantity) place.value(Criterion.DOOR_WIDTH));
        Verdict steps = steps(profile, (Integer) place.value(Criterion.STEP_COUNT),
                (Quantity) place.value(Criterion.STEP_HEIGHT), (Ramp) place.value(Criterion.RAMP));
        Verdict slope = slope(profile, (Quantity) place.value(Criterion.INCLINE));
        if (door == Verdict.FAILS || steps == Verdict.FAILS || slope == Verdict.FAILS) {
            return DOES_NOT_FIT;
        }
        if (door == Verdict.DOUBTFUL || steps == Verdict.DOUBTFUL || slope == Verdict.DOUBTFUL) {
            return MAY_NOT_FIT;
        }
        if (door == Verdict.PASSES && steps == Verdict.PASSES) {
            return FITS;
        }
        // Not enough measured: fall back to the grade, never promising more than it says.
        return switch (place.wheelchair()) {
            case YES, DESIGNATED -> door == Verdict.PASSES || steps == Verdict.PASSES ? FITS : MAY_NOT_FIT;
            case LIMITED -> MAY_NOT_FIT;
            case NO -> DOES_NOT_FIT;
            case UNKNOWN -> door == Verdict.UNMEASURED && steps == Verdict.UNMEASURED ? UNKNOWN : MAY_NOT_FIT;
        };
    }

    private enum Verdict { PASSES, DOUBTFUL, FAILS, UNMEASURED }

    private static Verdict door(WheelchairProfile profile, Quantity width) {
        if (width == null) {
            return Verdict.UNMEASURED;
        }
        return compare(profile.chairWidthMetres(), width.metres(), width.measured(), ESTIMATE_MARGIN_METRES);
    }

    private static Verdict steps(WheelchairProfile profile, Integer count, Quantity height, Ramp ramp) {
        if (ramp == Ramp.FIXED) {
            return Verdict.PASSES;
        }
        if (count != null && count == 0) {
            return Verdict.PASSES;
        }
        if (height == null) {
            if (count == null) {
                return Verdict.UNMEASURED;
            }
            // Steps of unknown height: a removable ramp may help, otherwise doubt, unless no step is manageable.
            return profile.highestStepMetres() == 0 && ramp != Ramp.REMOVABLE ? Verdict.FAILS : Verdict.DOUBTFUL;
        }
        Verdict v = compare(height.metres(), profile.highestStepMetres(), height.measured(), ESTIMATE_MARGIN_METRES / 2);
        if (v == Verdict.FAILS && ramp == Ramp.REMOVABLE) {
            return Verdict.DOUBTFUL;
        }
        if (v == Verdict.PASSES && count != null && count > 1) {
            return Verdict.DOUBTFUL; // one step may be fine, a flight of them is another matter
        }
        return v;
    }

    private static Verdict slope(WheelchairProfile profile, Quantity incline) {
        if (incline == null) {
            return Verdict.UNMEASURED;
        }
        return compare(Math.abs(incline.percent()), profile.steepestSlopePercent(), incline.measured(), ESTIMATE_MARGIN_PERCENT);
    }

    /** {@code need <= have} passes; an estimate within {@code margin} of the limit is doubtful. */
    private static Verdict compare(double need, double have, boolean measured, double margin) {
        double slack = measured ? 1e-9 : margin;
        if (need <= have - slack) {
            return Verdict.PASSES;
        }
        if (need > have + slack) {
            return Verdict.FAILS;
        }
        return measured ? Verdict.PASSES : Verdict.DOUBTFUL;
    }
}
