package org.seuil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Entrance;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Quantity;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.formats.geojson.GeoJsonWriter;
import org.seuil.store.ImportSource;
import org.seuil.store.PlaceFilter;
import org.seuil.store.sqlite.SqlitePlaceStore;
import org.seuil.store.sqlite.SyntheticPlaces;

class ImportExportCommandTest {
    @TempDir
    Path dir;

    private String db() {
        return dir.resolve("seuil.db").toString();
    }

    @Test
    void importingTheMonacoExtractPrintsTheGroundTruthCounts() {
        Path pbf = SharedData.file("osm/monaco-2021-04-21.osm.pbf");
        CommandLineRun run = CommandLineRun.of("import", "osm", pbf.toString(), "--db", db());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("wheelchair: yes 122, limited 5, no 6, designated 1"), run.out());
        assertTrue(run.out().contains("73 nodes") || run.out().contains("134 tagged"), run.out());
    }

    @Test
    void importingTheSameExtractTwiceChangesNothing() {
        Path pbf = SharedData.file("osm/monaco-2021-04-21.osm.pbf");
        assertEquals(0, CommandLineRun.of("import", "osm", pbf.toString(), "--db", db()).exitCode());
        CommandLineRun again = CommandLineRun.of("import", "osm", pbf.toString(), "--db", db());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("places: 0 created, 0 updated, 1436 unchanged"), again.out());
        assertTrue(again.out().contains("reports: 0 created, 0 updated, 1436 unchanged"), again.out());
    }

    @Test
    void theOlderGzippedXmlExtractImportsToo() {
        Path gz = SharedData.file("osm/monaco-2014.osm.gz");
        CommandLineRun run = CommandLineRun.of("import", "osm", gz.toString(), "--db", db());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("wheelchair: yes 1, limited 3, no 0, designated 0"), run.out());
    }

    @Test
    void exportThenImportIntoAnotherStoreThenExportGivesTheSameFile() throws Exception {
        Path pbf = SharedData.file("osm/monaco-2021-04-21.osm.pbf");
        assertEquals(0, CommandLineRun.of("import", "osm", pbf.toString(), "--db", db()).exitCode());
        Path first = dir.resolve("first.geojson");
        Path second = dir.resolve("second.geojson");
        assertEquals(0, CommandLineRun.of("export", "geojson", "--db", db(), "--out", first.toString()).exitCode());
        String other = dir.resolve("other.db").toString();
        CommandLineRun imported = CommandLineRun.of("import", "geojson", first.toString(), "--db", other);
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.out().contains("places: 1436 created"), imported.out());
        assertEquals(0, CommandLineRun.of("export", "geojson", "--db", other, "--out", second.toString()).exitCode());
        assertEquals(Files.readString(first), Files.readString(second));
    }

    @Test
    void theGeoJsonExportCopyingStoredReportsWritesTheBytesOfTheRecordExport() throws Exception {
        Path file = dir.resolve("seuil.db");
        try (SqlitePlaceStore store = SqlitePlaceStore.open(file)) {
            store.importRecords(new SyntheticPlaces(500, 3), ImportSource.FILE);
            // People's reports beside the OSM ones: several per place, an odd measure, a tombstone.
            PlaceId id = PlaceId.osm("node", 7);
            Report first = new Report(ReportId.generate(), id, "ana", Instant.parse("2025-03-01T09:30:00.123456789Z"), 1,
                    Accessibility.LIMITED, null, new Entrance(2, Quantity.centimetres(17.3), null, Quantity.metres(0.0815), null, true),
                    null, null, null, Map.of("fr", "Deux marches « hautes »", "en", "Two steps"), List.of(), List.of(), false);
            Report second = new Report(ReportId.generate(), id, "bo", Instant.parse("2026-01-02T00:00:00Z"), 1,
                    Accessibility.NO, null, null, null, null, null, Map.of(), List.of(), List.of(), false);
            store.saveReport(first);
            store.saveReport(second);
            store.deleteReport(second.id(), Instant.parse("2026-02-02T00:00:00Z"));
        }
        Path copied = dir.resolve("copied.geojson");
        assertEquals(0, CommandLineRun.of("export", "geojson", "--db", db(), "--out", copied.toString()).exitCode());
        Path encoded = dir.resolve("encoded.geojson");
        try (SqlitePlaceStore store = SqlitePlaceStore.open(file); GeoJsonWriter writer = GeoJsonWriter.open(encoded)) {
            store.forEach(PlaceFilter.ALL, writer);
        }
        String expected = Files.readString(encoded);
        assertTrue(expected.contains("Deux marches") && expected.contains("\"deleted\":true"), "the fixture has what it should");
        assertEquals(expected, Files.readString(copied));
    }

    @Test
    void exportsKeepOnlyThePlacesTheFiltersSelect() throws Exception {
        Path pbf = SharedData.file("osm/monaco-2021-04-21.osm.pbf");
        assertEquals(0, CommandLineRun.of("import", "osm", pbf.toString(), "--db", db()).exitCode());
        Path out = dir.resolve("barriers.csv");
        CommandLineRun run = CommandLineRun.of("export", "csv", "--db", db(), "--out", out.toString(), "--where", "wheelchair=no,limited");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("11 places"), run.out());
        assertEquals(12, Files.readAllLines(out, StandardCharsets.UTF_8).size(), "a header and 11 rows");
        CommandLineRun none = CommandLineRun.of("export", "geojson", "--db", db(), "--out", dir.resolve("none.geojson").toString(),
                "--bbox", "0,0,1,1");
        assertTrue(none.out().startsWith("0 places"), none.out());
    }

    @Test
    void aBadFeatureFailsTheWholeImportNamingFileFeatureAndFieldAndTheStoreIsUnchanged() throws Exception {
        Path good = dir.resolve("good.geojson");
        Files.writeString(good, featureCollection("43.73", "7.42"));
        assertEquals(0, CommandLineRun.of("import", "geojson", good.toString(), "--db", db()).exitCode());
        Path bad = dir.resolve("swapped.geojson");
        Files.writeString(bad, "{\"type\":\"FeatureCollection\",\"features\":["
                + feature("b0000000-0000-4000-8000-000000000002", "43.74", "7.43") + ","
                + feature("b0000000-0000-4000-8000-000000000003", "95.0", "7.42") + "]}");
        CommandLineRun run = CommandLineRun.of("import", "geojson", bad.toString(), "--db", db());
        assertTrue(run.exitCode() != 0);
        String message = run.err().strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.contains("swapped.geojson") && message.contains("feature 1") && message.contains("swapped"), message);
        assertEquals(1, countPlaces(), "the valid first import is all that is stored");
    }

    @Test
    void skipInvalidImportsTheRestAndListsWhatItSkipped() throws Exception {
        Path mixed = dir.resolve("mixed.geojson");
        Files.writeString(mixed, "{\"type\":\"FeatureCollection\",\"features\":["
                + feature("a0000000-0000-4000-8000-000000000001", "43.73", "7.42") + ","
                + feature("a0000000-0000-4000-8000-000000000002", "43.73", "200") + "]}");
        CommandLineRun run = CommandLineRun.of("import", "geojson", mixed.toString(), "--db", db(), "--skip-invalid");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("skipped") && run.err().contains("lon"), run.err());
        assertEquals(1, countPlaces());
    }

    @Test
    void aMissingFileIsOneClearLine() {
        CommandLineRun run = CommandLineRun.of("import", "osm", dir.resolve("nope.osm.pbf").toString(), "--db", db());
        assertTrue(run.exitCode() != 0);
        assertTrue(run.err().contains("nope.osm.pbf: no such file"), run.err());
    }

    @Test
    void everyCommandHasHelpAndTheRootHasAVersion() {
        for (String[] args : new String[][] {{"--help"}, {"import", "--help"}, {"import", "osm", "--help"}, {"import", "geojson", "--help"},
                {"import", "csv", "--help"}, {"export", "geojson", "--help"}, {"export", "csv", "--help"}, {"stats", "--help"},
                {"bench", "import", "--help"}}) {
            CommandLineRun run = CommandLineRun.of(args);
            assertEquals(0, run.exitCode(), String.join(" ", args));
            assertTrue(run.out().contains("Usage:"), String.join(" ", args));
        }
        CommandLineRun version = CommandLineRun.of("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("seuil "), version.out());
    }

    @Test
    void everyCommandOfTheWholeTreeAnswersHelp() {
        java.util.List<String> missing = new java.util.ArrayList<>();
        walk(SeuilCommand.commandLine(), new java.util.ArrayList<>(), missing);
        assertTrue(missing.isEmpty(), "commands without a working --help: " + missing);
    }

    private static void walk(picocli.CommandLine command, java.util.List<String> path, java.util.List<String> missing) {
        for (var entry : command.getSubcommands().entrySet()) {
            if (entry.getKey().equals("help")) {
                continue;
            }
            java.util.List<String> args = new java.util.ArrayList<>(path);
            args.add(entry.getKey());
            java.util.List<String> withHelp = new java.util.ArrayList<>(args);
            withHelp.add("--help");
            CommandLineRun run = CommandLineRun.of(withHelp.toArray(String[]::new));
            if (run.exitCode() != 0 || !run.out().contains("Usage:")) {
                missing.add(String.join(" ", args));
            }
            walk(entry.getValue(), args, missing);
        }
    }

    @Test
    void statsCountPlacesPerGradeAndCategory() {
        Path pbf = SharedData.file("osm/monaco-2021-04-21.osm.pbf");
        assertEquals(0, CommandLineRun.of("import", "osm", pbf.toString(), "--db", db()).exitCode());
        CommandLineRun stats = CommandLineRun.of("stats", "--db", db());
        assertEquals(0, stats.exitCode(), stats.err());
        assertTrue(stats.out().contains("places: 1436"), stats.out());
        assertTrue(stats.out().matches("(?s).*yes\\s+122.*"), stats.out());
        CommandLineRun inBox = CommandLineRun.of("stats", "--db", db(), "--bbox", "0,0,1,1");
        assertTrue(inBox.out().contains("places: 0"), inBox.out());
    }

    private int countPlaces() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db()); ResultSet rs = c.createStatement().executeQuery("select count(*) from places")) {
            return rs.getInt(1);
        }
    }

    private static String featureCollection(String lat, String lon) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + feature("b0000000-0000-4000-8000-000000000001", lat, lon) + "]}";
    }

    private static String feature(String id, String lat, String lon) {
        return "{\"type\":\"Feature\",\"id\":\"" + id + "\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + lon + "," + lat
                + "]},\"properties\":{\"name\":\"Café\",\"category\":\"amenity=cafe\",\"reports\":[]}}";
    }
}
