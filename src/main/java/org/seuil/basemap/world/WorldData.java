package org.seuil.basemap.world;

import java.util.List;
import java.util.Objects;

/**
 * World outlines in TopoJSON's own shape: shared arcs on an integer grid, and polygons as rings of
 * arc references (a negative reference {@code ~i} walks arc {@code i} backwards). Keeping the
 * topology makes the file small (each border is stored once) and tells borders from coasts.
 *
 * @param arcs     each arc as absolute grid coordinates x0, y0, x1, y1, ...
 * @param land     the land polygons (outer ring first, then holes)
 * @param countries one entry per country, in the source's order
 */
public record WorldData(Grid grid, List<int[]> arcs, List<Polygon> land, List<Country> countries) {
    public WorldData {
        Objects.requireNonNull(grid, "grid");
        arcs = List.copyOf(arcs);
        land = List.copyOf(land);
        countries = List.copyOf(countries);
        for (int i = 0; i < arcs.size(); i++) {
            int[] arc = arcs.get(i);
            if (arc.length < 4 || arc.length % 2 != 0) {
                throw new IllegalArgumentException("arc " + i + " has " + arc.length / 2 + " points; an arc needs at least 2");
            }
        }
        int arcCount = arcs.size();
        land.forEach(p -> p.checkReferences(arcCount, "land"));
        countries.forEach(c -> c.polygons().forEach(p -> p.checkReferences(arcCount, "country " + c.name())));
    }

    /** The quantisation: longitude = x * scaleX + translateX, latitude = y * scaleY + translateY. */
    public record Grid(double scaleX, double scaleY, double translateX, double translateY) {
        public double lon(int x) {
            return x * scaleX + translateX;
        }

        public double lat(int y) {
            return y * scaleY + translateY;
        }
    }

    /** Rings of arc references; the first ring is the outer boundary. */
    public record Polygon(List<int[]> rings) {
        public Polygon {
            rings = List.copyOf(rings);
            if (rings.isEmpty()) {
                throw new IllegalArgumentException("a polygon needs at least one ring");
            }
        }

        void checkReferences(int arcCount, String owner) {
            for (int[] ring : rings) {
                for (int ref : ring) {
                    int index = ref < 0 ? ~ref : ref;
                    if (index >= arcCount) {
                        throw new IllegalArgumentException(owner + " refers to arc " + index + " of " + arcCount);
                    }
                }
            }
        }
    }

    /** A country: ISO 3166 numeric code as Natural Earth gives it (may be empty) and English name. */
    public record Country(String id, String name, List<Polygon> polygons) {
        public Country {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            polygons = List.copyOf(polygons);
        }
    }

    /** The grid coordinates of a ring, arcs joined (the shared end point of two arcs kept once). */
    public int[] ringCoordinates(int[] arcRefs) {
        int total = 0;
        for (int ref : arcRefs) {
            total += arcs.get(ref < 0 ? ~ref : ref).length;
        }
        int[] out = new int[total];
        int n = 0;
        for (int k = 0; k < arcRefs.length; k++) {
            int ref = arcRefs[k];
            int[] arc = arcs.get(ref < 0 ? ~ref : ref);
            int points = arc.length / 2;
            for (int p = k == 0 ? 0 : 1; p < points; p++) {
                int src = ref < 0 ? points - 1 - p : p;
                out[n++] = arc[2 * src];
                out[n++] = arc[2 * src + 1];
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
