package org.seuil.domain;

/**
 * What one wheelchair user can manage, to judge places against their own chair instead of a
 * general rule: the chair's width, the highest single step they can climb, the steepest slope.
 *
 * @param chairWidthMetres  width of the chair, 0.4-1.5 m
 * @param highestStepMetres highest step they can climb, 0-0.5 m
 * @param steepestSlopePercent steepest slope they can roll up, 0-100 %
 */
public record WheelchairProfile(double chairWidthMetres, double highestStepMetres, double steepestSlopePercent) {
    /** A manual chair of usual width, no steps, the 6 % slope that accessibility rules allow. */
    public static final WheelchairProfile TYPICAL = new WheelchairProfile(0.70, 0.0, 6);

    public WheelchairProfile {
        Checks.finite("chairWidth", chairWidthMetres);
        Checks.finite("highestStep", highestStepMetres);
        Checks.finite("steepestSlope", steepestSlopePercent);
        if (chairWidthMetres < 0.4 || chairWidthMetres > 1.5) {
            throw new InvalidValueException("chairWidth", "must be between 0.4 and 1.5 m, got " + chairWidthMetres);
        }
        if (highestStepMetres < 0 || highestStepMetres > 0.5) {
            throw new InvalidValueException("highestStep", "must be between 0 and 0.5 m, got " + highestStepMetres);
        }
        if (steepestSlopePercent < 0 || steepestSlopePercent > 100) {
            throw new InvalidValueException("steepestSlope", "must be between 0 and 100 %, got " + steepestSlopePercent);
        }
    }
}
