package org.seuil.geo;

import org.seuil.domain.InvalidValueException;

/**
 * One tile of the Web Mercator tile grid in the XYZ ("slippy map") scheme: row 0 is the
 * northernmost row. MBTiles files count rows from the south instead; see {@link #tmsRow()}.
 */
public record TileId(int zoom, int x, int y) {
    /** Deeper zooms would overflow the int column and row numbers; street level is 18-20. */
    public static final int MAX_ZOOM = 24;

    public TileId {
        if (zoom < 0 || zoom > MAX_ZOOM) {
            throw new InvalidValueException("zoom", "zoom " + zoom + " is outside [0, " + MAX_ZOOM + "]");
        }
        int n = 1 << zoom;
        if (x < 0 || x >= n) {
            throw new InvalidValueException("x", "column " + x + " is outside [0, " + (n - 1) + "] at zoom " + zoom);
        }
        if (y < 0 || y >= n) {
            throw new InvalidValueException("y", "row " + y + " is outside [0, " + (n - 1) + "] at zoom " + zoom);
        }
    }

    /** The number of tiles along one side of the grid at a zoom. */
    public static int tilesPerSide(int zoom) {
        return 1 << zoom;
    }

    /** The row as MBTiles and TMS count it, from the south: {@code 2^z - 1 - y}. */
    public int tmsRow() {
        return tilesPerSide(zoom) - 1 - y;
    }

    /** The tile whose MBTiles (TMS) row is {@code tmsRow}. */
    public static TileId fromTms(int zoom, int x, int tmsRow) {
        return new TileId(zoom, x, tilesPerSide(zoom) - 1 - tmsRow);
    }

    /** The tile one zoom out that contains this one. */
    public TileId parent() {
        if (zoom == 0) {
            throw new IllegalStateException("the zoom 0 tile has no parent");
        }
        return new TileId(zoom - 1, x >> 1, y >> 1);
    }

    @Override
    public String toString() {
        return zoom + "/" + x + "/" + y;
    }
}
