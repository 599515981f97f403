package org.seuil.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.store.PlaceFilter;
import org.seuil.store.PlaceView;

/** The planner's filters in the store: a polygon (box through the R*Tree, then point in polygon), survey dates, toilet grades. */
class AreaAndDateFilterTest {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    @TempDir
    Path dir;

    /** An L: its box holds the grid's top-right quarter, the L itself does not. */
    private static Geometry lShapeWithHole() {
        LinearRing shell = ring(0, 0, 10, 0, 10, 5, 5, 5, 5, 10, 0, 10, 0, 0);
        LinearRing hole = ring(1, 1, 2, 1, 2, 2, 1, 2, 1, 1);
        return GEOMETRY.createPolygon(shell, new LinearRing[] {hole});
    }

    private static LinearRing ring(double... xy) {
        Coordinate[] c = new Coordinate[xy.length / 2];
        for (int i = 0; i < c.length; i++) {
            c[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
        }
        return GEOMETRY.createLinearRing(c);
    }

    /** Places on a 0.5° grid from -1.75 to 11.75, each surveyed on day (i + j) of 2024, toilets no when i is even. */
    private SqlitePlaceStore seeded() {
        SqlitePlaceStore store = SqlitePlaceStore.open(dir.resolve("filters.db"));
        for (int i = 0; i < 28; i++) {
            for (int j = 0; j < 28; j++) {
                PlaceId id = new PlaceId("osm:node/" + (i * 100 + j + 1));
                double lon = -1.75 + 0.5 * i;
                double lat = -1.75 + 0.5 * j;
                store.savePlace(new Place(id, new GeoPoint(lat, lon), null, "shop=bakery", null));
                Instant at = Instant.parse("2024-01-01T12:00:00Z").plusSeconds(86_400L * (i + j));
                store.saveReport(new Report(ReportId.generate(), id, "bob", at, 1, Accessibility.NO,
                        i % 2 == 0 ? Accessibility.NO : Accessibility.YES, null, null, null, null, Map.of(), List.of(), List.of(), false));
            }
        }
        return store;
    }

    private static Set<String> ids(List<PlaceView> views) {
        Set<String> ids = new TreeSet<>();
        views.forEach(v -> ids.add(v.place().id().value()));
        return ids;
    }

    private static Set<String> expected(SqlitePlaceStore store, java.util.function.Predicate<PlaceView> keep) {
        List<PlaceView> all = new ArrayList<>(store.query(PlaceFilter.ALL, 10_000));
        all.removeIf(keep.negate());
        return ids(all);
    }

    @Test
    void aPolygonKeepsOnlyThePlacesInsideItNotThoseOfItsBoxNorOfItsHole() {
        try (SqlitePlaceStore store = seeded()) {
            Geometry area = lShapeWithHole();
            PlaceFilter filter = PlaceFilter.ALL.withArea(area);
            Set<String> inside = expected(store, v -> {
                double x = v.place().location().lon();
                double y = v.place().location().lat();
                boolean inL = x >= 0 && y >= 0 && x <= 10 && y <= 10 && (x <= 5 || y <= 5);
                boolean inHole = x > 1 && x < 2 && y > 1 && y < 2;
                return inL && !inHole;
            });
            // 0.25, 0.75, ... 9.75 along each axis: 20 x 20, less the 10 x 10 of the missing quarter, less the hole's 2 x 2.
            assertEquals(400 - 100 - 4, inside.size());
            assertEquals(inside, ids(store.query(filter, 10_000)));
            assertEquals(inside.size(), store.stats(filter).places());
            List<String> streamed = new ArrayList<>();
            store.forEach(filter, r -> streamed.add(r.place().id().value()));
            assertEquals(inside, new TreeSet<>(streamed));
            assertEquals(inside.size(), streamed.size());
            // LIMIT counts only places that pass the polygon.
            assertEquals(50, store.query(filter, 50).size());
            // The same store answers a query without an area right after (the function is reinstalled per query).
            assertEquals(28 * 28, store.stats(PlaceFilter.ALL).places());
        }
    }

    @Test
    void aBoxAndAPolygonTogetherKeepTheirIntersectionAndDisjointOnesKeepNothing() {
        try (SqlitePlaceStore store = seeded()) {
            PlaceFilter both = new PlaceFilter(new BoundingBox(4, 4, 20, 20), Set.of(), Set.of(), null).withArea(lShapeWithHole());
            Set<String> kept = expected(store, v -> {
                double x = v.place().location().lon();
                double y = v.place().location().lat();
                return x >= 4 && y >= 4 && x <= 10 && y <= 10 && (x <= 5 || y <= 5);
            });
            assertEquals(kept, ids(store.query(both, 10_000)));
            PlaceFilter apart = new PlaceFilter(new BoundingBox(50, 50, 60, 60), Set.of(), Set.of(), null).withArea(lShapeWithHole());
            assertEquals(0, store.stats(apart).places());
            assertEquals(List.of(), store.query(apart, 10));
        }
    }

    @Test
    void surveyedBetweenKeepsTheStartAndExcludesTheEndInstant() {
        try (SqlitePlaceStore store = seeded()) {
            Instant from = Instant.parse("2024-01-11T00:00:00Z");
            Instant until = Instant.parse("2024-01-21T00:00:00Z");
            PlaceFilter filter = PlaceFilter.ALL.withSurveyed(from, until);
            // Surveyed at noon of day i + j: days 10..19 after Jan 1st pass.
            Set<String> kept = expected(store, v -> {
                Instant at = v.accessibility().lastSurveyed();
                return !at.isBefore(from) && at.isBefore(until);
            });
            assertEquals(kept, ids(store.query(filter, 10_000)));
            assertEquals(kept.size(), store.stats(filter).places());
            long days10to19 = 0;
            for (int i = 0; i < 28; i++) {
                for (int j = 0; j < 28; j++) {
                    days10to19 += i + j >= 10 && i + j <= 19 ? 1 : 0;
                }
            }
            assertEquals(days10to19, kept.size());
            assertThrows(IllegalArgumentException.class, () -> PlaceFilter.ALL.withSurveyed(until, from));
        }
    }

    @Test
    void theToiletRatingFilterUsesTheDerivedToiletGrade() {
        try (SqlitePlaceStore store = seeded()) {
            PlaceFilter filter = PlaceFilter.ALL.withToilets(Set.of(Accessibility.NO));
            assertEquals(14 * 28, store.stats(filter).places());
            for (PlaceView v : store.query(filter, 10_000)) {
                assertEquals(Accessibility.NO, v.accessibility().toiletsWheelchair());
            }
        }
    }

    @Test
    void aLineIsRefusedAsAnArea() {
        Geometry line = GEOMETRY.createLineString(new Coordinate[] {new Coordinate(0, 0), new Coordinate(1, 1)});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlaceFilter.ALL.withArea(line));
        assertEquals("area: a LineString is not a polygon", e.getMessage());
    }
}
