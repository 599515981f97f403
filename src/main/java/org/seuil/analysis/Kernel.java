package org.seuil.analysis;

import java.util.Locale;

/**
 * Kernel shapes for density estimation, as QGIS's heatmap names them. Each is a function of
 * {@code u = distance / bandwidth}, normalised so that it integrates to 1 over the plane when the
 * bandwidth is 1: the density of one place of weight 1 sums to 1 over the map.
 */
public enum Kernel {
    /** (3/π)(1 − u²)², u &lt; 1: smooth, QGIS's default. */
    QUARTIC(1, 3 / Math.PI),
    /** (3/π)(1 − u), u &lt; 1. */
    TRIANGULAR(1, 3 / Math.PI),
    /** 1/π, u &lt; 1: a plain count within the bandwidth. */
    UNIFORM(1, 1 / Math.PI),
    /** (2/π)(1 − u²), u &lt; 1. */
    EPANECHNIKOV(1, 2 / Math.PI),
    /**
     * exp(−u²/2) / (2π): the bandwidth is the standard deviation. Cut at u = 3, which keeps
     * 98.9 % of the mass and keeps the footprint finite.
     */
    GAUSSIAN(3, 1 / (2 * Math.PI));

    private final double support;
    private final double normalisation;

    Kernel(double support, double normalisation) {
        this.support = support;
        this.normalisation = normalisation;
    }

    /** Where the kernel ends, in bandwidths. */
    public double support() {
        return support;
    }

    /** The constant in front of the shape. */
    public double normalisation() {
        return normalisation;
    }

    /** The shape without its constant, as a function of u²; 0 at and beyond the support. */
    public double shape(double u2) {
        if (u2 >= support * support) {
            return 0;
        }
        return switch (this) {
            case QUARTIC -> (1 - u2) * (1 - u2);
            case TRIANGULAR -> 1 - Math.sqrt(u2);
            case UNIFORM -> 1;
            case EPANECHNIKOV -> 1 - u2;
            case GAUSSIAN -> Math.exp(-u2 / 2);
        };
    }

    /** The normalised kernel at u. */
    public double value(double u) {
        return normalisation * shape(u * u);
    }

    public static Kernel parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("kernel '" + name + "' is not one of quartic, triangular, uniform, epanechnikov, gaussian");
        }
    }
}
