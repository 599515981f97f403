package org.seuil.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceRecord;
import org.seuil.store.ImportSource;
import org.seuil.store.PlaceFilter;
import org.seuil.store.PlaceView;

/** Kills (SIGKILL) a JVM in the middle of an import and checks the store did not notice. */
class KillDuringImportTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "store holding {0} places")
    @ValueSource(ints = {0, 100})
    void killingTheImportingProcessLeavesThePreviousContentIntact(int previous) throws Exception {
        Path file = dir.resolve("seuil.db");
        List<PlaceRecord> before = new ArrayList<>();
        for (int i = 1; i <= previous; i++) {
            Place place = Fixtures.place(i, 43.7 + i * 1e-4, 7.4, "Original " + i, "amenity=cafe");
            before.add(Fixtures.osmRecord(place, Accessibility.YES));
        }
        try (SqlitePlaceStore store = SqlitePlaceStore.open(file)) {
            store.importRecords(before.iterator(), ImportSource.OSM);
        }

        long sizeBefore = Files.size(file);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), SlowImportMain.class.getName(), file.toString(), "30000")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            CompletableFuture<Boolean> marker = CompletableFuture.supplyAsync(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (line.equals(SlowImportMain.MARKER)) {
                            return true;
                        }
                    }
                    return false;
                } catch (java.io.IOException e) {
                    return false;
                }
            });
            if (!marker.get(180, TimeUnit.SECONDS)) {
                fail("the importing process ended before its import was under way, exit " + child.waitFor());
            }
            // Wait until uncommitted pages of the import are on disk: in the WAL, or, for an import
            // into a store without places (rollback journal, decisions/0008), in the file itself.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (uncommittedBytes(file, sizeBefore) < (2 << 20) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(uncommittedBytes(file, sizeBefore) >= (2 << 20),
                    "the import wrote only " + uncommittedBytes(file, sizeBefore) + " bytes");
            if (previous == 0) {
                assertTrue(Files.exists(Path.of(file + "-journal")), "an import into an empty store uses the rollback journal");
            }
            assertTrue(child.isAlive(), "the import finished before it was killed");
        } finally {
            child.destroyForcibly();
            child.waitFor(60, TimeUnit.SECONDS);
        }

        assertEquals("ok", Fixtures.sqlText(file, "PRAGMA integrity_check"));
        try (SqlitePlaceStore store = SqlitePlaceStore.open(file)) {
            assertEquals(previous, store.stats(PlaceFilter.ALL).places());
            for (PlaceRecord record : before) {
                PlaceView view = store.place(record.place().id()).orElseThrow();
                assertEquals(record.place(), view.place());
                assertEquals(Accessibility.YES, view.accessibility().wheelchair());
                assertEquals(record.reports(), store.reports(record.place().id()));
            }
            assertEquals(List.of(), store.search("changed", 5));
            // The store goes on working after the crash.
            store.importRecords(List.of(Fixtures.osmRecord(Fixtures.place(5_000_000, 43.8, 7.5, "After", null), Accessibility.NO))
                    .iterator(), ImportSource.OSM);
            assertEquals(previous + 1, store.stats(PlaceFilter.ALL).places());
        }
        assertEquals("ok", Fixtures.sqlText(file, "PRAGMA integrity_check"));
        assertEquals("ok", Fixtures.sqlText(file, "SELECT rtreecheck('place_index')"));
    }

    /** What the import wrote beyond the file's size before it: the WAL, and pages appended to the file. */
    private static long uncommittedBytes(Path file, long sizeBefore) throws java.io.IOException {
        Path wal = Path.of(file + "-wal");
        return (Files.exists(wal) ? Files.size(wal) : 0) + Files.size(file) - sizeBefore;
    }
}
