package org.seuil.analysis;

import java.util.Locale;

/**
 * The cells of an aggregation grid, laid out in a projected CRS from its origin. Hexagons are
 * regular; their size is the edge length, which equals the distance from centre to corner
 * (area 3√3/2 s², centres √3 s apart). Cells are addressed by two integers: column and row
 * for squares, axial coordinates (q, r) for hexagons.
 */
public enum CellShape {
    SQUARE("square"),
    /** Hexagons with a flat top and bottom; columns of cells run north-south. */
    HEX_FLAT("hex-flat"),
    /** Hexagons with a corner at the top; rows of cells run east-west. */
    HEX_POINTY("hex-pointy");

    private static final double SQRT3 = Math.sqrt(3);

    private final String label;

    CellShape(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** {@code square}, {@code hex} (= flat-top, as QGIS draws them), {@code hex-flat}, {@code hex-pointy}. */
    public static CellShape parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "square" -> SQUARE;
            case "hex", "hexagon", "hex-flat" -> HEX_FLAT;
            case "hex-pointy" -> HEX_POINTY;
            default -> throw new IllegalArgumentException("shape '" + text + "' is not one of square, hex, hex-flat, hex-pointy");
        };
    }

    /** Packs the cell holding (x, y) for cells of size {@code s}: column/q in the high 32 bits, row/r in the low. */
    public long cellOf(double x, double y, double s) {
        if (this == SQUARE) {
            return pack((int) Math.floor(x / s), (int) Math.floor(y / s));
        }
        double q;
        double r;
        if (this == HEX_FLAT) {
            q = (2.0 / 3 * x) / s;
            r = (-1.0 / 3 * x + SQRT3 / 3 * y) / s;
        } else {
            q = (SQRT3 / 3 * x - 1.0 / 3 * y) / s;
            r = (2.0 / 3 * y) / s;
        }
        return roundAxial(q, r);
    }

    /** Rounds fractional axial coordinates to the hexagon that contains them (cube rounding). */
    private static long roundAxial(double q, double r) {
        double cubeS = -q - r;
        double rq = Math.rint(q);
        double rr = Math.rint(r);
        double rs = Math.rint(cubeS);
        double dq = Math.abs(rq - q);
        double dr = Math.abs(rr - r);
        double ds = Math.abs(rs - cubeS);
        if (dq > dr && dq > ds) {
            rq = -rr - rs;
        } else if (dr > ds) {
            rr = -rq - rs;
        }
        return pack((int) rq, (int) rr);
    }

    /** Centre {@code [x, y]} of a cell. */
    public double[] centre(long cell, double s) {
        int a = (int) (cell >> 32);
        int b = (int) cell;
        return switch (this) {
            case SQUARE -> new double[] {(a + 0.5) * s, (b + 0.5) * s};
            case HEX_FLAT -> new double[] {s * 1.5 * a, s * SQRT3 * (b + a / 2.0)};
            case HEX_POINTY -> new double[] {s * SQRT3 * (a + b / 2.0), s * 1.5 * b};
        };
    }

    /** The corners of a cell, counter-clockwise, closing corner repeated: {@code [x0, y0, x1, y1, ...]}. */
    public double[] ring(long cell, double s) {
        double[] c = centre(cell, s);
        if (this == SQUARE) {
            double h = s / 2;
            return new double[] {c[0] - h, c[1] - h, c[0] + h, c[1] - h, c[0] + h, c[1] + h, c[0] - h, c[1] + h, c[0] - h, c[1] - h};
        }
        double[] ring = new double[14];
        double start = this == HEX_FLAT ? 0 : -30;
        for (int i = 0; i <= 6; i++) {
            double angle = Math.toRadians(start + 60 * (i % 6));
            ring[2 * i] = c[0] + s * Math.cos(angle);
            ring[2 * i + 1] = c[1] + s * Math.sin(angle);
        }
        return ring;
    }

    /** A readable, stable id: {@code hex-flat:12:-5}. */
    public String id(long cell) {
        return label + ":" + (int) (cell >> 32) + ":" + (int) cell;
    }

    static long pack(int a, int b) {
        return ((long) a << 32) | (b & 0xffffffffL);
    }
}
