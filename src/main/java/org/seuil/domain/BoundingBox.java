package org.seuil.domain;

/** An area in WGS 84 degrees, written minLon,minLat,maxLon,maxLat as in GeoJSON and OGC APIs. */
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {
    public static final BoundingBox WORLD = new BoundingBox(-180, -90, 180, 90);

    public BoundingBox {
        new GeoPoint(minLat, minLon);
        new GeoPoint(maxLat, maxLon);
        if (minLon > maxLon) {
            throw new InvalidValueException("bbox", "minLon " + minLon + " is greater than maxLon " + maxLon);
        }
        if (minLat > maxLat) {
            throw new InvalidValueException("bbox", "minLat " + minLat + " is greater than maxLat " + maxLat);
        }
    }

    /** Parses {@code minLon,minLat,maxLon,maxLat}. */
    public static BoundingBox parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new InvalidValueException("bbox", "expected minLon,minLat,maxLon,maxLat, got '" + text + "'");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new InvalidValueException("bbox", "'" + parts[i].strip() + "' is not a number");
            }
        }
        return new BoundingBox(v[0], v[1], v[2], v[3]);
    }

    public boolean contains(GeoPoint p) {
        return p.lon() >= minLon && p.lon() <= maxLon && p.lat() >= minLat && p.lat() <= maxLat;
    }

    @Override
    public String toString() {
        return minLon + "," + minLat + "," + maxLon + "," + maxLat;
    }
}
