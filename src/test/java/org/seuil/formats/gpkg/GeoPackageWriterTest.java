package org.seuil.formats.gpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.seuil.domain.PlaceRecord;
import org.seuil.formats.GdalTools;
import org.seuil.formats.SyntheticPlaces;
import org.seuil.formats.cells.CellLayer;
import org.seuil.formats.cells.CellSummary;

class GeoPackageWriterTest {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    @TempDir
    Path dir;

    static CellLayer twoSquares() {
        double s = 345.6;
        CellSummary a = new CellSummary("square:2390:15681", square(2390 * s, 15681 * s, s), 4, 1, 1, 1, 1, 12.5);
        CellSummary b = new CellSummary("square:2391:15681", square(2391 * s, 15681 * s, s), 2, 0, 0, 0, 2, null);
        return new CellLayer(3857, "square", 250, List.of(a, b));
    }

    static org.locationtech.jts.geom.Polygon square(double x, double y, double s) {
        return GEOMETRY.createPolygon(new Coordinate[] {
            new Coordinate(x, y), new Coordinate(x + s, y), new Coordinate(x + s, y + s), new Coordinate(x, y + s), new Coordinate(x, y)});
    }

    private Path writeSample(int places) throws Exception {
        Path gpkg = dir.resolve("audit.gpkg");
        try (GeoPackageWriter writer = GeoPackageWriter.create(gpkg)) {
            GeoPackageWriter.PlacesLayer layer = writer.places();
            SyntheticPlaces.monaco(places, 3).forEach(layer);
            writer.cells("cells", twoSquares());
        }
        return gpkg;
    }

    @Test
    void ogrinfoListsBothLayersWithTheirCountsGeometryAndCrs() throws Exception {
        Path gpkg = writeSample(500);
        String summary = GdalTools.run("ogrinfo", "-ro", "-so", "-al", gpkg.toString());
        assertTrue(summary.contains("Layer name: places"), summary);
        assertTrue(summary.contains("Layer name: cells"), summary);
        String places = summary.substring(summary.indexOf("Layer name: places"), summary.indexOf("Layer name: cells"));
        String cells = summary.substring(summary.indexOf("Layer name: cells"));
        assertTrue(places.contains("Geometry: Point"), places);
        assertTrue(places.contains("Feature Count: 500"), places);
        assertTrue(places.contains("ID[\"EPSG\",4326]"), places);
        for (String field : GeoPackageWriter.PLACE_FIELDS) {
            assertTrue(places.contains("\n" + field + ": "), "places has field " + field + ":\n" + places);
        }
        assertTrue(places.contains("last_surveyed: DateTime"), places);
        assertTrue(places.contains("door_width_m: Real"), places);
        assertTrue(cells.contains("Geometry: Polygon"), cells);
        assertTrue(cells.contains("Feature Count: 2"), cells);
        assertTrue(cells.contains("ID[\"EPSG\",3857]"), cells);
        for (String field : GeoPackageWriter.CELL_FIELDS) {
            assertTrue(cells.contains("\n" + field + ": "), "cells has field " + field + ":\n" + cells);
        }
    }

    @Test
    void ogrinfoReadsThePlaceValuesBack() throws Exception {
        Path gpkg = writeSample(20);
        PlaceRecord eleventh = SyntheticPlaces.monaco(20, 3).get(11);
        String feature = GdalTools.run("ogrinfo", "-ro", "-al", "-where", "id = '" + eleventh.place().id().value() + "'", gpkg.toString(), "places");
        assertTrue(feature.contains("name (String) = Café n°11 \"<&>\""), feature);
        assertTrue(feature.contains("wheelchair (String) = limited"), "11 % 5 = 1 is limited:\n" + feature);
        assertTrue(feature.contains("step_count (Integer64) = 3"), feature);
        assertTrue(feature.contains("door_width_m (Real) = 0.8"), feature);
        assertTrue(feature.contains("last_surveyed (DateTime) = 2026/05/21 00:00:00+00"), feature);
        assertTrue(feature.contains("report_count (Integer64) = 1"), feature);
        assertTrue(feature.contains(String.format(java.util.Locale.ROOT, "POINT (%s %s)",
                trim(eleventh.place().location().lon()), trim(eleventh.place().location().lat()))), feature);
        String cell = GdalTools.run("ogrinfo", "-ro", "-al", "-where", "cell_id = 'square:2391:15681'", gpkg.toString(), "cells");
        assertTrue(cell.contains("share_unknown (Real) = 1"), cell);
        assertTrue(cell.contains("median_survey_age_days (Real) = (null)"), cell);
    }

    private static String trim(double v) {
        // ogrinfo prints 15 significant digits without trailing zeros.
        return new java.math.BigDecimal(v).round(new java.math.MathContext(15)).stripTrailingZeros().toPlainString();
    }

    @Test
    void theFileIsAGeoPackage13WithRtreeIndexesOnBothLayers() throws Exception {
        Path gpkg = writeSample(50);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg); Statement s = c.createStatement()) {
            ResultSet id = s.executeQuery("PRAGMA application_id");
            assertEquals(0x47504B47, id.getInt(1), "application_id is 'GPKG'");
            ResultSet version = s.executeQuery("PRAGMA user_version");
            assertEquals(10300, version.getInt(1));
            ResultSet ext = s.executeQuery("SELECT group_concat(table_name) FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index'");
            String indexed = ext.getString(1);
            assertTrue(indexed.contains("places") && indexed.contains("cells"), indexed);
            ResultSet rtree = s.executeQuery("SELECT count(*) FROM rtree_places_geom");
            assertEquals(50, rtree.getInt(1));
            // Each index entry boxes its point (the R-tree stores float32, rounded outwards).
            ResultSet mismatched = s.executeQuery("SELECT count(*) FROM rtree_places_geom r JOIN places p ON p.fid = r.id"
                    + " WHERE r.minx > 7.445 OR r.maxx < 7.4 OR r.miny > 43.755 OR r.maxy < 43.72");
            assertEquals(0, mismatched.getInt(1));
            ResultSet cellEntries = s.executeQuery("SELECT count(*) FROM rtree_cells_geom");
            assertEquals(2, cellEntries.getInt(1));
            ResultSet triggers = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree_places_geom_%'");
            assertTrue(triggers.getInt(1) >= 4, "triggers keep the index in step with edits");
        }
        // GDAL uses the index for spatial filters: a box around part of Monaco finds fewer places.
        String filtered = GdalTools.run("ogrinfo", "-ro", "-so", "-spat", "7.405", "43.725", "7.42", "43.75", gpkg.toString(), "places");
        assertTrue(filtered.contains("Feature Count: "), filtered);
        int count = Integer.parseInt(filtered.replaceAll("(?s).*Feature Count: (\\d+).*", "$1"));
        assertTrue(count > 0 && count < 50, "spatial filter found " + count);
    }
}
