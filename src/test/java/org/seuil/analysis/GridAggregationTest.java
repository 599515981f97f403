package org.seuil.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.seuil.domain.Accessibility;
import org.seuil.formats.cells.CellLayer;
import org.seuil.formats.cells.CellSummary;

class GridAggregationTest {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    private static Polygon polygon(double[] ring) {
        Coordinate[] c = new Coordinate[ring.length / 2];
        for (int i = 0; i < c.length; i++) {
            c[i] = new Coordinate(ring[2 * i], ring[2 * i + 1]);
        }
        return GEOMETRY.createPolygon(c);
    }

    @ParameterizedTest
    @EnumSource(CellShape.class)
    void everyPointFallsInTheCellWhoseCentreIsNearestAndThatCellContainsIt(CellShape shape) {
        Random random = new Random(42);
        double s = 250;
        for (int i = 0; i < 5_000; i++) {
            double x = (random.nextDouble() - 0.5) * 20_000;
            double y = (random.nextDouble() - 0.5) * 20_000;
            long cell = shape.cellOf(x, y, s);
            double[] centre = shape.centre(cell, s);
            Point p = GEOMETRY.createPoint(new Coordinate(x, y));
            assertTrue(polygon(shape.ring(cell, s)).covers(p), shape + " cell " + shape.id(cell) + " does not contain " + x + "," + y);
            double mine = Math.hypot(x - centre[0], y - centre[1]);
            // The neighbours of the cell, and theirs: none has a nearer centre (squares: nearest in the max norm).
            int a = (int) (cell >> 32);
            int b = (int) cell;
            for (int da = -2; da <= 2; da++) {
                for (int db = -2; db <= 2; db++) {
                    if (da == 0 && db == 0) {
                        continue;
                    }
                    long other = CellShape.pack(a + da, b + db);
                    double[] oc = shape.centre(other, s);
                    if (shape == CellShape.SQUARE) {
                        double me = Math.max(Math.abs(x - centre[0]), Math.abs(y - centre[1]));
                        assertTrue(me <= Math.max(Math.abs(x - oc[0]), Math.abs(y - oc[1])) + 1e-9);
                    } else {
                        assertTrue(mine <= Math.hypot(x - oc[0], y - oc[1]) + 1e-9,
                                shape + ": " + shape.id(other) + " is nearer to " + x + "," + y + " than " + shape.id(cell));
                    }
                }
            }
        }
    }

    @Test
    void hexagonsHaveTheGivenEdgeAndTheirArea() {
        double s = 100;
        for (CellShape shape : new CellShape[] {CellShape.HEX_FLAT, CellShape.HEX_POINTY}) {
            Polygon hex = polygon(shape.ring(CellShape.pack(3, -2), s));
            assertEquals(3 * Math.sqrt(3) / 2 * s * s, hex.getArea(), 1e-6);
            assertEquals(6 * s, hex.getLength(), 1e-6);
        }
    }

    @Test
    void cellsCountPlacesGradesAndTheMedianSurveyAge() {
        double lon = 7.42;
        double lat = 43.735;
        GradedPoints points = GradedPoints.builder()
                .add(lon, lat, Accessibility.NO, NOW.minus(Duration.ofDays(10)).getEpochSecond())
                .add(lon + 1e-5, lat, Accessibility.LIMITED, NOW.minus(Duration.ofDays(20)).getEpochSecond())
                .add(lon, lat + 1e-5, Accessibility.DESIGNATED, NOW.minus(Duration.ofDays(40)).getEpochSecond())
                .add(lon + 1e-5, lat + 1e-5, Accessibility.UNKNOWN, GradedPoints.NEVER)
                .add(lon + 0.05, lat, Accessibility.UNKNOWN, GradedPoints.NEVER)
                .build();
        CellLayer layer = GridAggregation.aggregate(points, null, CellShape.SQUARE, 250, 3857, NOW);
        assertEquals(2, layer.cells().size());
        assertEquals(5, layer.places());
        CellSummary busy = layer.cells().stream().max(Comparator.comparingInt(CellSummary::places)).orElseThrow();
        assertEquals(4, busy.places());
        assertEquals(0.25, busy.shareNo());
        assertEquals(0.25, busy.shareLimited());
        assertEquals(0.25, busy.shareYes(), "designated counts as yes");
        assertEquals(0.25, busy.shareUnknown());
        assertEquals(20.0, busy.medianSurveyAgeDays(), 1e-9, "median of 10, 20 and 40 days");
        CellSummary lonely = layer.cells().stream().min(Comparator.comparingInt(CellSummary::places)).orElseThrow();
        assertNull(lonely.medianSurveyAgeDays(), "a cell whose places were never surveyed has no age");
    }

    @Test
    void cellSizeIsGroundMetresAndCellsComeBackInLongitudeLatitude() {
        GradedPoints points = GradedPoints.builder().add(7.42, 43.735, Accessibility.NO, GradedPoints.NEVER).build();
        CellLayer layer = GridAggregation.aggregate(points, null, CellShape.SQUARE, 250, 3857, NOW);
        Polygon cell = layer.cells().get(0).polygon();
        double side = cell.getEnvelopeInternal().getWidth();
        assertEquals(250 / Math.cos(Math.toRadians(43.735)), side, 2.5);
        CellLayer wgs84 = GridAggregation.toWgs84(layer);
        assertEquals(4326, wgs84.epsg());
        assertTrue(wgs84.cells().get(0).polygon().contains(GEOMETRY.createPoint(new Coordinate(7.42, 43.735))));
        // 250 m east-west at 43.7° N is 250 / (111320 cos 43.7°) degrees of longitude.
        assertEquals(250 / (111_320 * Math.cos(Math.toRadians(43.735))), wgs84.cells().get(0).polygon().getEnvelopeInternal().getWidth(), 3e-5);
    }
}
