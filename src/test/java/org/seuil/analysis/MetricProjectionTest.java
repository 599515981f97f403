package org.seuil.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

class MetricProjectionTest {
    @Test
    void webMercatorClosedFormAgreesWithProj4j() {
        CRSFactory factory = new CRSFactory();
        CoordinateTransform proj4j = new CoordinateTransformFactory()
                .createTransform(factory.createFromParameters("WGS84", "+proj=longlat +datum=WGS84 +no_defs"),
                        factory.createFromParameters("Web Mercator", "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs"));
        MetricProjection mercator = MetricProjection.webMercator();
        double[][] points = {{7.4246, 43.7384}, {-73.98, 40.75}, {151.2, -33.87}, {0, 0}, {179.9, 84.9}};
        for (double[] p : points) {
            ProjCoordinate expected = new ProjCoordinate();
            proj4j.transform(new ProjCoordinate(p[0], p[1]), expected);
            double[] actual = mercator.forward(p[0], p[1]);
            assertEquals(expected.x, actual[0], 1e-6);
            assertEquals(expected.y, actual[1], 1e-6);
            double[] back = mercator.inverse(actual[0], actual[1]);
            assertEquals(p[0], back[0], 1e-9);
            assertEquals(p[1], back[1], 1e-9);
        }
    }

    @Test
    void webMercatorStretchesGroundMetresByOneOverCosineOfLatitude() {
        MetricProjection mercator = MetricProjection.webMercator();
        for (double lat : new double[] {0, 43.73, 60}) {
            double scale = mercator.scaleAt(7.42, lat);
            // On the ellipsoid the stretch differs from the spherical 1/cos by at most 0.7 %.
            assertEquals(1 / Math.cos(Math.toRadians(lat)), scale, 0.007 / Math.cos(Math.toRadians(lat)), "at latitude " + lat);
        }
    }

    @Test
    void aUtmZoneIsNearlyTrueToScale() {
        MetricProjection utm = MetricProjection.epsg(32632);
        double scale = utm.scaleAt(7.42, 43.73);
        assertTrue(Math.abs(scale - 1) < 0.001, "UTM 32N scale at Monaco " + scale);
        double[] xy = utm.forward(9, 45);
        assertEquals(500_000, xy[0], 1e-3, "9°E is the zone's central meridian");
    }

    @Test
    void geographicOrUnknownCodesAreRefusedWithTheReason() {
        IllegalArgumentException geographic = assertThrows(IllegalArgumentException.class, () -> MetricProjection.epsg(4326));
        assertTrue(geographic.getMessage().contains("not a projected CRS in metres"), geographic.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> MetricProjection.epsg(999999));
        assertTrue(unknown.getMessage().contains("EPSG:999999"), unknown.getMessage());
    }
}
