package org.seuil.formats.raster;

/**
 * Where a north-up raster lies: the projected coordinates of its top-left corner, a square pixel
 * size in CRS units, its size in pixels and the EPSG code of its CRS. Column 0 is west, row 0 north.
 */
public record RasterGeometry(double left, double top, double pixelSize, int width, int height, int epsg) {
    /** Beyond this a raster is a mistake (a tiny cell over a large area), not a heatmap. */
    public static final long MAX_PIXELS = 64L * 1024 * 1024;

    public RasterGeometry {
        if (!Double.isFinite(left) || !Double.isFinite(top)) {
            throw new IllegalArgumentException("raster origin must be finite, got " + left + ", " + top);
        }
        if (!(pixelSize > 0) || !Double.isFinite(pixelSize)) {
            throw new IllegalArgumentException("pixel size must be a positive number, got " + pixelSize);
        }
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("raster must be at least 1x1 pixels, got " + width + "x" + height);
        }
        if ((long) width * height > MAX_PIXELS) {
            throw new IllegalArgumentException("raster of " + width + "x" + height + " pixels is larger than " + MAX_PIXELS
                    + "; use a larger cell or a smaller area");
        }
        if (epsg <= 0) {
            throw new IllegalArgumentException("EPSG code must be positive, got " + epsg);
        }
    }

    /**
     * The smallest raster of square pixels aligned on multiples of the pixel size (so rasters of
     * neighbouring areas line up) that covers the given projected envelope.
     */
    public static RasterGeometry covering(double minX, double minY, double maxX, double maxY, double pixelSize, int epsg) {
        double left = Math.floor(minX / pixelSize) * pixelSize;
        double bottom = Math.floor(minY / pixelSize) * pixelSize;
        double right = Math.max(left + pixelSize, Math.ceil(maxX / pixelSize) * pixelSize);
        double top = Math.max(bottom + pixelSize, Math.ceil(maxY / pixelSize) * pixelSize);
        long width = Math.round((right - left) / pixelSize);
        long height = Math.round((top - bottom) / pixelSize);
        if (width * height > MAX_PIXELS || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("raster of " + width + "x" + height + " pixels is larger than " + MAX_PIXELS
                    + "; use a larger cell or a smaller area");
        }
        return new RasterGeometry(left, top, pixelSize, (int) width, (int) height, epsg);
    }

    public double right() {
        return left + width * pixelSize;
    }

    public double bottom() {
        return top - height * pixelSize;
    }

    /** X of the centre of a column. */
    public double centreX(int column) {
        return left + (column + 0.5) * pixelSize;
    }

    /** Y of the centre of a row. */
    public double centreY(int row) {
        return top - (row + 0.5) * pixelSize;
    }
}
