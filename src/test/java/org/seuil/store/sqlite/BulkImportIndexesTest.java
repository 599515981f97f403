package org.seuil.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seuil.store.sqlite.Fixtures.T0;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.PlaceRecord;
import org.seuil.store.ImportSource;
import org.seuil.store.PlaceFilter;
import org.seuil.store.PlaceView;

/**
 * An import into a store without places builds its spatial and name indexes beside the rows
 * ({@link SideIndexes}) and writes through the rollback journal ({@link Database#writeBulk}). The
 * indexes must be the ones the store keeps row by row, and the store must end as any other.
 */
class BulkImportIndexesTest {
    private static final String[] WORDS = {"Café", "Gare", "Hôtel", "Boulangerie", "Musée", "Pharmacie", "Mairie", "Théâtre"};

    @TempDir
    Path dir;

    private final Random random = new Random(7);

    @Test
    void aBulkImportIndexesPlacesAsRowByRowWritesDo() throws Exception {
        List<PlaceRecord> records = new ArrayList<>();
        for (int i = 1; i <= 70_000; i++) {
            records.add(randomRecord(i));
        }
        Path bulkFile = dir.resolve("bulk.db");
        Path rowsFile = dir.resolve("rows.db");
        try (SqlitePlaceStore bulk = SqlitePlaceStore.open(bulkFile); SqlitePlaceStore rows = SqlitePlaceStore.open(rowsFile)) {
            bulk.importRecords(records.iterator(), ImportSource.FILE);
            // One place first, so the rest goes through the row-by-row path.
            rows.importRecords(records.subList(0, 1).iterator(), ImportSource.FILE);
            rows.importRecords(records.subList(1, records.size()).iterator(), ImportSource.FILE);

            for (String words : List.of("caf", "gare hot", "théâtre", "THEATRE mai", "rue 12", "musee pharmacie")) {
                assertEquals(ids(rows.search(words, 500)), ids(bulk.search(words, 500)), words);
            }
            for (int i = 0; i < 50; i++) {
                double lon = 7.38 + random.nextDouble() * 0.08;
                double lat = 43.70 + random.nextDouble() * 0.06;
                PlaceFilter box = PlaceFilter.ALL.withBbox(new BoundingBox(lon, lat, lon + 0.004, lat + 0.003));
                assertEquals(ids(rows.query(box, 10_000)), ids(bulk.query(box, 10_000)));
            }
            assertEquals(rows.pendingChanges(), bulk.pendingChanges());
        }
        checkIndexes(bulkFile, 70_000);
        assertEquals("wal", Fixtures.sqlText(bulkFile, "PRAGMA journal_mode"));
    }

    @Test
    void aPlaceChangedAgainInItsOwnBulkImportIsIndexedWhereItEnds() throws Exception {
        Place first = Fixtures.place(1, 43.70, 7.40, "Ancienne Poste", "amenity=post_office");
        Place moved = Fixtures.place(1, 43.75, 7.45, "Nouvelle Bibliothèque", "amenity=library");
        List<PlaceRecord> records = new ArrayList<>();
        records.add(Fixtures.osmRecord(first, Accessibility.YES));
        for (int i = 2; i <= 3000; i++) {
            records.add(randomRecord(i));
        }
        records.add(Fixtures.osmRecord(moved, Accessibility.NO));
        Path file = dir.resolve("seuil.db");
        try (SqlitePlaceStore store = SqlitePlaceStore.open(file)) {
            store.importRecords(records.iterator(), ImportSource.OSM);

            assertEquals(List.of(), store.search("ancienne", 10));
            assertEquals(List.of(first.id()), ids(store.search("bibliotheque", 10)));
            assertEquals(List.of(), ids(store.query(PlaceFilter.ALL.withBbox(new BoundingBox(7.3999, 43.6999, 7.4001, 43.7001)), 10)));
            assertEquals(List.of(first.id()), ids(store.query(PlaceFilter.ALL.withBbox(new BoundingBox(7.4499, 43.7499, 7.4501, 43.7501)), 10)));
        }
        checkIndexes(file, 3000);
    }

    @Test
    void aBulkImportLeavesNoScratchFileWhetherItSucceedsOrFails() throws Exception {
        List<Path> before = scratchFiles();
        Path file = dir.resolve("seuil.db");
        try (SqlitePlaceStore store = SqlitePlaceStore.open(file)) {
            IllegalStateException broken = new IllegalStateException("the source broke");
            Iterator<PlaceRecord> failing = java.util.stream.IntStream.iterate(1, n -> n + 1).mapToObj(n -> {
                if (n == 5000) {
                    throw broken;
                }
                return randomRecord(n);
            }).iterator();
            assertEquals(broken, assertThrows(IllegalStateException.class, () -> store.importRecords(failing, ImportSource.FILE)));
            assertEquals(0, store.stats(PlaceFilter.ALL).places());
            assertEquals(0, store.pendingChanges());
            assertEquals(before, scratchFiles());

            List<PlaceRecord> records = new ArrayList<>();
            for (int i = 1; i <= 5000; i++) {
                records.add(randomRecord(i));
            }
            store.importRecords(records.iterator(), ImportSource.FILE);
            assertEquals(before, scratchFiles());
        }
        checkIndexes(file, 5000);
    }

    @Test
    void scratchFilesLeftByKilledImportsAreDeletedOnceADayOldAndOthersKept() throws Exception {
        Path leftover = Files.createTempFile(dir, SideIndexes.SCRATCH_PREFIX, ".db");
        Path recent = Files.createTempFile(dir, SideIndexes.SCRATCH_PREFIX, ".db");
        Path notOurs = Files.createTempFile(dir, "other-program", ".db");
        java.time.Instant now = java.time.Instant.now();
        Files.setLastModifiedTime(leftover, java.nio.file.attribute.FileTime.from(now.minus(java.time.Duration.ofDays(2))));
        Files.setLastModifiedTime(notOurs, java.nio.file.attribute.FileTime.from(now.minus(java.time.Duration.ofDays(2))));

        SideIndexes.deleteLeftovers(dir, now.minus(java.time.Duration.ofDays(1)));

        assertFalse(Files.exists(leftover), "a two-day-old scratch file was kept");
        assertTrue(Files.exists(recent), "a scratch file in use may not be deleted");
        assertTrue(Files.exists(notOurs), "another program's file was deleted");
    }

    private static void checkIndexes(Path file, int places) throws Exception {
        assertEquals("ok", Fixtures.sqlText(file, "PRAGMA integrity_check"));
        assertEquals("ok", Fixtures.sqlText(file, "SELECT rtreecheck('place_index')"));
        // Throws if the FTS5 index does not match the places table.
        Fixtures.sqlUpdate(file, "INSERT INTO place_names(place_names) VALUES ('integrity-check')");
        assertEquals(String.valueOf(places), Fixtures.sqlText(file, "SELECT count(*) FROM place_index"));
    }

    /** The scratch files in the temporary folder, but for day-old leftovers, which an import deletes. */
    private static List<Path> scratchFiles() throws IOException {
        java.time.Instant dayAgo = java.time.Instant.now().minus(java.time.Duration.ofHours(23));
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith(SideIndexes.SCRATCH_PREFIX))
                    .filter(p -> {
                        try {
                            return Files.getLastModifiedTime(p).toInstant().isAfter(dayAgo);
                        } catch (IOException e) {
                            return false; // deleted meanwhile
                        }
                    })
                    .sorted().toList();
        }
    }

    private PlaceRecord randomRecord(int n) {
        String name = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " " + n;
        Place place = new Place(PlaceId.osm("node", n), new GeoPoint(43.70 + random.nextDouble() * 0.06, 7.38 + random.nextDouble() * 0.08),
                name, "amenity=cafe", random.nextInt(40) + " rue " + WORDS[random.nextInt(WORDS.length)]);
        return new PlaceRecord(place, List.of(Fixtures.osmReport(place, Accessibility.YES, T0.plusSeconds(n))));
    }

    private static List<PlaceId> ids(List<PlaceView> views) {
        return views.stream().map(v -> v.place().id()).sorted((a, b) -> a.value().compareTo(b.value())).toList();
    }
}
