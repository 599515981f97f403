package org.seuil.formats.raster;

/**
 * A single-band float32 raster, row-major from the top-left pixel, with a nodata value for
 * pixels where nothing is known. The array is owned by the raster once given.
 */
public final class FloatRaster {
    public static final float DEFAULT_NODATA = -9999f;

    private final RasterGeometry geometry;
    private final float[] values;
    private final float nodata;

    public FloatRaster(RasterGeometry geometry, float[] values, float nodata) {
        if (values.length != geometry.width() * geometry.height()) {
            throw new IllegalArgumentException("raster of " + geometry.width() + "x" + geometry.height() + " needs "
                    + geometry.width() * geometry.height() + " values, got " + values.length);
        }
        if (!Float.isFinite(nodata)) {
            throw new IllegalArgumentException("nodata must be a finite number so every GIS reads it, got " + nodata);
        }
        this.geometry = geometry;
        this.values = values;
        this.nodata = nodata;
    }

    public RasterGeometry geometry() {
        return geometry;
    }

    public int width() {
        return geometry.width();
    }

    public int height() {
        return geometry.height();
    }

    public float nodata() {
        return nodata;
    }

    public float get(int column, int row) {
        return values[row * geometry.width() + column];
    }

    public boolean isNodata(int column, int row) {
        return get(column, row) == nodata;
    }

    /** The backing values; callers must not change them. */
    float[] values() {
        return values;
    }

    /** Minimum and maximum of the pixels that hold data, or null when none does. */
    public float[] range() {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            if (v != nodata) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return min > max ? null : new float[] {min, max};
    }
}
