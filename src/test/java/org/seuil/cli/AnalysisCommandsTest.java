package org.seuil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.formats.GdalTools;
import org.seuil.formats.SyntheticPlaces;
import org.seuil.formats.osm.OsmReader;
import org.seuil.store.ImportSource;
import org.seuil.store.PlaceFilter;
import org.seuil.store.PlaceView;
import org.seuil.store.sqlite.SqlitePlaceStore;
import picocli.CommandLine;

/** The analysis commands end to end: a real store file, the real command line, GDAL reading what they wrote. */
class AnalysisCommandsTest {
    @TempDir
    Path dir;

    private Path db;

    private Path syntheticStore(int places) {
        db = dir.resolve("seuil.db");
        try (SqlitePlaceStore store = SqlitePlaceStore.open(db)) {
            store.importRecords(SyntheticPlaces.monaco(places, 11).iterator(), ImportSource.FILE);
        }
        return db;
    }

    private static String run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = new CommandLine(command);
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        int code = line.execute(args);
        assertEquals(0, code, String.join(" ", args) + " failed: " + err + out);
        return out.toString();
    }

    private static long featureCount(String ogrinfo, String layer) {
        Matcher m = Pattern.compile("Layer name: " + layer + "\\R(?:.*\\R)*?Feature Count: (\\d+)").matcher(ogrinfo);
        assertTrue(m.find(), "no feature count for " + layer + " in\n" + ogrinfo);
        return Long.parseLong(m.group(1));
    }

    @Test
    void heatmapWritesAGeoTiffThatGdalinfoGeoreferencesWithStatistics() {
        syntheticStore(400);
        Path tif = dir.resolve("out/barriers.tif");
        String said = run(new HeatmapCommand(), "--db", db.toString(), "--out", tif.toString(), "--where", "wheelchair=no,limited",
                "--cell", "20", "--bandwidth", "150");
        assertTrue(said.contains("barriers/km²"), said);
        String info = GdalTools.run("gdalinfo", "-stats", tif.toString());
        assertTrue(info.contains("ID[\"EPSG\",3857]"), info);
        assertTrue(info.contains("Type=Float32"), info);
        assertTrue(info.contains("NoData Value=-9999"), info);
        double pixel = Double.parseDouble(info.replaceAll("(?s).*Pixel Size = \\(([0-9.]+),.*", "$1"));
        assertEquals(20 / Math.cos(Math.toRadians(43.7375)), pixel, 0.01, "20 ground metres at Monaco's latitude");
        double max = Double.parseDouble(info.replaceAll("(?s).*STATISTICS_MAXIMUM=([0-9.]+).*", "$1"));
        assertTrue(max > 1, "some barrier density: " + max);
    }

    @Test
    void heatmapAsPngComesWithWorldFileAndLegend() {
        syntheticStore(100);
        Path png = dir.resolve("heat.png");
        run(new HeatmapCommand(), "--db", db.toString(), "--out", png.toString(), "--kernel", "gaussian", "--bandwidth", "80");
        assertTrue(Files.exists(dir.resolve("heat.pgw")));
        assertTrue(Files.exists(dir.resolve("heat-legend.png")));
        String info = GdalTools.run("gdalinfo", png.toString());
        assertTrue(info.contains("Driver: PNG/Portable Network Graphics"), info);
        assertTrue(info.contains("Pixel Size = ("), info);
    }

    @Test
    void gridCellsHoldEveryPlaceOnceInEachFormat() {
        syntheticStore(300);
        Path gpkg = dir.resolve("cells.gpkg");
        run(new GridCommand(), "--db", db.toString(), "--shape", "hex", "--size", "250", "--out", gpkg.toString());
        String sum = GdalTools.run("ogrinfo", "-ro", "-sql", "SELECT SUM(places) AS total, COUNT(*) AS cells FROM cells", gpkg.toString());
        assertTrue(sum.contains("total (Integer64) = 300") || sum.contains("total (Integer) = 300"), sum);
        long cells = Long.parseLong(sum.replaceAll("(?s).*cells \\(Integer(?:64)?\\) = (\\d+).*", "$1"));

        Path geojson = dir.resolve("cells.geojson");
        run(new GridCommand(), "--db", db.toString(), "--shape", "hex", "--size", "250", "--out", geojson.toString());
        String info = GdalTools.run("ogrinfo", "-ro", "-so", "-al", geojson.toString());
        assertTrue(info.contains("Feature Count: " + cells), info);
        assertTrue(info.contains("Geometry: Polygon"), info);

        Path csv = dir.resolve("cells.csv");
        run(new GridCommand(), "--db", db.toString(), "--shape", "square", "--size", "500", "--out", csv.toString());
        String csvInfo = GdalTools.run("ogrinfo", "-ro", "-so", "-al", "-oo", "GEOM_POSSIBLE_NAMES=wkt", "-oo", "KEEP_GEOM_COLUMNS=NO", csv.toString());
        assertTrue(csvInfo.contains("Geometry: Polygon") || csvInfo.contains("Geometry: Unknown"), csvInfo);
        assertTrue(csvInfo.contains("share_no: "), csvInfo);
    }

    @Test
    void exportGpkgAndKmlCountTheFilteredPlaces() {
        syntheticStore(250);
        long expected;
        try (SqlitePlaceStore store = SqlitePlaceStore.open(db)) {
            expected = store.stats(new PlaceFilter(null, java.util.EnumSet.of(Accessibility.NO, Accessibility.LIMITED), null, null)).places();
        }
        assertTrue(expected > 0 && expected < 250);
        Path gpkg = dir.resolve("export.gpkg");
        run(new ExportGpkgCommand(), "--db", db.toString(), "--out", gpkg.toString(), "--where", "wheelchair=no,limited", "--grid", "hex");
        String info = GdalTools.run("ogrinfo", "-ro", "-so", "-al", gpkg.toString());
        assertEquals(expected, featureCount(info, "places"));
        assertTrue(featureCount(info, "cells") > 0);

        Path kml = dir.resolve("export.kml");
        run(new ExportKmlCommand(), "--db", db.toString(), "--out", kml.toString(), "--where", "wheelchair=no,limited");
        String kmlInfo = GdalTools.run("ogrinfo", "-ro", "-so", "-al", kml.toString());
        assertTrue(kmlInfo.contains("Feature Count: " + expected), kmlInfo);
    }

    @Test
    void monacoImportedFromOsmWithSyntheticReportsExportsWithTheStoreCounts() {
        Path pbf = Path.of(System.getProperty("seuil.shared.data", "../shared/data"), "osm", "monaco-2021-04-21.osm.pbf");
        assumeTrue(Files.isRegularFile(pbf), pbf.toAbsolutePath() + " is absent: skipping the end-to-end test on Monaco");
        db = dir.resolve("monaco.db");
        long places;
        try (SqlitePlaceStore store = SqlitePlaceStore.open(db)) {
            store.importRecords(OsmReader.read(pbf).places(), ImportSource.OSM);
            // People survey a third of the venues: synthetic reports with random grades.
            Random random = new Random(1);
            Accessibility[] grades = {Accessibility.NO, Accessibility.LIMITED, Accessibility.YES};
            List<PlaceView> all = new ArrayList<>(store.query(PlaceFilter.ALL, 100_000));
            for (int i = 0; i < all.size(); i += 3) {
                var id = all.get(i).place().id();
                store.saveReport(new Report(ReportId.generate(), id, "auditor", Instant.parse("2026-03-01T10:00:00Z").plusSeconds(i * 3600L), 1,
                        grades[random.nextInt(3)], null, null, null, null, null, Map.of(), List.of(), List.of(), false));
            }
            places = store.stats(PlaceFilter.ALL).places();
        }
        assertTrue(places > 500, "Monaco has hundreds of venues, got " + places);
        Path gpkg = dir.resolve("monaco.gpkg");
        run(new ExportGpkgCommand(), "--db", db.toString(), "--out", gpkg.toString(), "--grid", "hex", "--grid-size", "200");
        String info = GdalTools.run("ogrinfo", "-ro", "-so", "-al", gpkg.toString());
        assertEquals(places, featureCount(info, "places"));
        String sum = GdalTools.run("ogrinfo", "-ro", "-sql", "SELECT SUM(places) AS total FROM cells", gpkg.toString());
        assertTrue(sum.matches("(?s).*total \\(Integer(64)?\\) = " + places + "\\b.*"), sum);

        Path tif = dir.resolve("monaco.tif");
        run(new HeatmapCommand(), "--db", db.toString(), "--out", tif.toString(), "--bbox", "7.405,43.72,7.44,43.755");
        String raster = GdalTools.run("gdalinfo", "-stats", tif.toString());
        assertTrue(raster.contains("ID[\"EPSG\",3857]"), raster);
        assertTrue(raster.contains("STATISTICS_MAXIMUM="), raster);
    }
}
