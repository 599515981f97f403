package org.seuil.formats.raster;

/**
 * A colour ramp for values in [0, 1]: viridis (matplotlib's default), readable by people with the
 * common colour-vision deficiencies and in greyscale print, from dark purple (low) to yellow (high).
 * Nine of its stops, interpolated linearly; the difference from the 256-entry table is below 2/255.
 */
public final class ColourRamp {
    private static final int[] VIRIDIS = {
        0x440154, 0x472d7b, 0x3b528b, 0x2c728e, 0x21918c, 0x28ae80, 0x5ec962, 0xaddc30, 0xfde725};

    private ColourRamp() {
    }

    /** The opaque ARGB colour of {@code t}, clamped to [0, 1]. */
    public static int viridis(double t) {
        double clamped = Double.isNaN(t) ? 0 : Math.max(0, Math.min(1, t));
        double position = clamped * (VIRIDIS.length - 1);
        int i = Math.min(VIRIDIS.length - 2, (int) position);
        double f = position - i;
        int a = VIRIDIS[i];
        int b = VIRIDIS[i + 1];
        int red = mix(a >> 16, b >> 16, f);
        int green = mix(a >> 8, b >> 8, f);
        int blue = mix(a, b, f);
        return 0xff000000 | red << 16 | green << 8 | blue;
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
    }
}
