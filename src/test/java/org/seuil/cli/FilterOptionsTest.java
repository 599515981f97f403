package org.seuil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.formats.SyntheticPlaces;
import org.seuil.store.ImportSource;
import org.seuil.store.PlaceFilter;
import org.seuil.store.sqlite.SqlitePlaceStore;
import picocli.CommandLine;

/** The planner's filter options on the real command line: what they keep, and one clear line for each bad value. */
class FilterOptionsTest {
    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = SeuilCommand.commandLine();
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        int code = line.execute(args);
        return new Outcome(code, out.toString(), err.toString().strip());
    }

    @Test
    void surveyedBetweenTakesWholeUtcDaysAndOpenEnds() {
        assertEquals(Instant.parse("2020-01-01T00:00:00Z"), FilterOptions.parseBetween("2020-01-01..2024-12-31")[0]);
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), FilterOptions.parseBetween("2020-01-01..2024-12-31")[1]);
        assertEquals(null, FilterOptions.parseBetween("2023-01-01..")[1]);
        assertEquals(null, FilterOptions.parseBetween("..2022-12-31")[0]);
    }

    @Test
    void badValuesNameTheOptionAndWhatIsWrong() throws Exception {
        Path db = dir.resolve("seuil.db");
        try (SqlitePlaceStore store = SqlitePlaceStore.open(db)) {
            store.importRecords(SyntheticPlaces.monaco(50, 3).iterator(), ImportSource.FILE);
        }
        Path out = dir.resolve("x.gpkg");
        String[][] cases = {
            {"--surveyed-between", "2024-12-31..2020-01-01", "seuil: --surveyed-between: the start 2024-12-31 is after the end 2020-01-01"},
            {"--surveyed-between", "2024-13-01..", "seuil: --surveyed-between: the start '2024-13-01' is not a day written YYYY-MM-DD"},
            {"--surveyed-between", "2024", "seuil: --surveyed-between: '2024' is not FROM..TO, e.g. 2020-01-01..2024-12-31"},
            {"--where", "toilets=maybe", null},
            {"--where", "campaign=old-town", "seuil: --where campaign: there is no campaign 'old-town' in " + db.toAbsolutePath()
                + " (see seuil audit list)"},
            {"--where", "campaign=a,b", "seuil: --where campaign: names one campaign, got 'a,b'"},
            {"--polygon", dir.resolve("none.geojson").toString(), "seuil: --polygon: " + dir.resolve("none.geojson") + ": no such file"},
        };
        for (String[] c : cases) {
            Outcome o = run("export", "gpkg", "--db", db.toString(), "--out", out.toString(), c[0], c[1]);
            assertEquals(2, o.code(), String.join(" ", c) + " -> " + o);
            if (c[2] != null) {
                assertEquals(c[2], o.err());
            } else {
                assertTrue(o.err().startsWith("seuil: --where toilets"), o.err());
            }
            assertTrue(!Files.exists(out), "nothing written for a refused filter");
        }
    }

    @Test
    void polygonAndDatesKeepWhatTheStoreSaysThoseFiltersKeep() throws Exception {
        Path db = dir.resolve("seuil.db");
        try (SqlitePlaceStore store = SqlitePlaceStore.open(db)) {
            store.importRecords(SyntheticPlaces.monaco(2000, 5).iterator(), ImportSource.FILE);
        }
        Path district = dir.resolve("district.geojson");
        Files.writeString(district, "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[7.41,43.725],[7.43,43.725],[7.43,43.74],[7.41,43.725]]]}}");
        Path out = dir.resolve("district.gpkg");
        Outcome o = run("export", "gpkg", "--db", db.toString(), "--out", out.toString(), "--polygon", district.toString(),
                "--surveyed-between", "2000-01-01..2100-12-31");
        assertEquals(0, o.code(), o.toString());
        FilterOptions options = new FilterOptions();
        options.polygon = district;
        options.surveyedBetween = "2000-01-01..2100-12-31";
        PlaceFilter filter = options.filter(null);
        long expected;
        try (SqlitePlaceStore store = SqlitePlaceStore.open(db)) {
            expected = store.stats(filter).places();
            assertTrue(expected > 10 && expected < store.stats(PlaceFilter.ALL).places(), "the triangle keeps some: " + expected);
        }
        assertEquals(expected + " places written to " + out, o.out().strip());

        // --rating toilets: the cells count toilet grades. The synthetic places rate wheelchair access
        // only, so by toilets every place of the triangle is unknown, by wheelchair far from all.
        Path byToilets = dir.resolve("toilets.gpkg");
        Path byWheelchair = dir.resolve("wheelchair.gpkg");
        for (String[] r : new String[][] {{"toilets", byToilets.toString()}, {"wheelchair", byWheelchair.toString()}}) {
            Outcome grid = run("export", "gpkg", "--db", db.toString(), "--out", r[1], "--polygon", district.toString(),
                    "--grid", "hex", "--rating", r[0]);
            assertEquals(0, grid.code(), grid.toString());
        }
        long inTriangle;
        try (SqlitePlaceStore store = SqlitePlaceStore.open(db)) {
            inTriangle = store.stats(filter.withSurveyed(null, null)).places();
        }
        String sql = "SELECT sum(unknown) AS u, sum(places) AS p FROM cells";
        String toilets = org.seuil.formats.GdalTools.run("ogrinfo", "-ro", "-q", byToilets.toString(), "-sql", sql);
        assertTrue(toilets.contains("u (Integer) = " + inTriangle) && toilets.contains("p (Integer) = " + inTriangle), toilets);
        String wheelchair = org.seuil.formats.GdalTools.run("ogrinfo", "-ro", "-q", byWheelchair.toString(), "-sql", sql);
        assertTrue(wheelchair.contains("p (Integer) = " + inTriangle) && !wheelchair.contains("u (Integer) = " + inTriangle), wheelchair);

        // The heatmap of the triangle ends at its edge: its box's other corner is nodata.
        Path tif = dir.resolve("district.tif");
        Outcome heat = run("heatmap", "--db", db.toString(), "--out", tif.toString(), "--polygon", district.toString(),
                "--weights", "no=1,limited=1,yes=1,unknown=1");
        assertEquals(0, heat.code(), heat.toString());
        String outside = org.seuil.formats.GdalTools.run("gdallocationinfo", "-valonly", "-wgs84", tif.toString(), "7.412", "43.739").strip();
        String inside = org.seuil.formats.GdalTools.run("gdallocationinfo", "-valonly", "-wgs84", tif.toString(), "7.427", "43.728").strip();
        assertEquals("-9999", outside);
        assertTrue(Double.parseDouble(inside) >= 0, inside);
    }

    @Test
    void aCampaignFilterKeepsThePlacesInsideItsDistrictAsThePolygonFileDoes() throws Exception {
        Path db = dir.resolve("seuil.db");
        try (SqlitePlaceStore store = SqlitePlaceStore.open(db)) {
            store.importRecords(SyntheticPlaces.monaco(2000, 5).iterator(), ImportSource.FILE);
        }
        Path district = dir.resolve("district.geojson");
        Files.writeString(district, "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":"
                + "[[[7.41,43.725],[7.43,43.725],[7.43,43.74],[7.41,43.725]]]}}");
        Outcome created = run("audit", "create", "--db", db.toString(), "--name", "Triangle", "--district", district.toString());
        assertEquals(0, created.code(), created.toString());

        Outcome byCampaign = run("stats", "--db", db.toString(), "--where", "campaign=Triangle");
        Outcome byPolygon = run("stats", "--db", db.toString(), "--polygon", district.toString());
        Outcome all = run("stats", "--db", db.toString());
        assertEquals(0, byCampaign.code(), byCampaign.toString());
        assertEquals(byPolygon.out(), byCampaign.out(), "the district's places, counted the same way");
        assertTrue(!all.out().equals(byCampaign.out()), "the district keeps only some places");
    }
}
