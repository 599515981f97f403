package org.seuil.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.Accessibility;
import org.seuil.store.ImportSource;
import org.seuil.store.StoreException;

class OpeningTest {
    @TempDir
    Path dir;

    @Test
    void aNewStoreIsCreatedWithItsFoldersAtTheLatestSchemaInWalMode() throws Exception {
        Path file = dir.resolve("a/b/seuil.db");
        try (SqlitePlaceStore store = SqlitePlaceStore.open(file)) {
            assertEquals(file.toAbsolutePath(), store.file());
            assertEquals("wal", Fixtures.sqlText(file, "PRAGMA journal_mode"));
        }
        assertEquals(String.valueOf(Migrations.latest()), Fixtures.sqlText(file, "PRAGMA user_version"));
        assertEquals(String.valueOf(Migrations.APPLICATION_ID), Fixtures.sqlText(file, "PRAGMA application_id"));
        assertEquals("ok", Fixtures.sqlText(file, "PRAGMA integrity_check"));
    }

    @Test
    void reopeningAStoreKeepsItsContentAndAppliesNothingTwice() {
        Path file = dir.resolve("seuil.db");
        try (SqlitePlaceStore store = SqlitePlaceStore.open(file)) {
            store.importRecords(List.of(Fixtures.osmRecord(Fixtures.place(1, 43.7, 7.4, "Café", "amenity=cafe"),
                    Accessibility.YES)).iterator(), ImportSource.OSM);
        }
        try (SqlitePlaceStore store = SqlitePlaceStore.open(file)) {
            assertEquals(1, store.stats(org.seuil.store.PlaceFilter.ALL).places());
        }
    }

    @Test
    void theMigrationListNamesEveryMigrationFileInOrder() throws URISyntaxException, java.io.IOException {
        Path folder = Path.of(Migrations.class.getResource("migrations").toURI());
        List<String> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.map(p -> p.getFileName().toString()).sorted((a, b) -> number(a) - number(b)).toList();
        }
        assertEquals(files, Migrations.FILES);
        for (int i = 0; i < files.size(); i++) {
            assertEquals(i + 1, number(files.get(i)), files.get(i) + " is out of sequence");
        }
    }

    private static int number(String name) {
        Matcher m = Pattern.compile("V([0-9]+)__[a-z0-9_]+\\.sql").matcher(name);
        assertTrue(m.matches(), name + " is not named V<n>__<what>.sql");
        return Integer.parseInt(m.group(1));
    }

    @Test
    void aStoreFromANewerSeuilIsRefusedAndLeftByteForByte() throws Exception {
        Path file = dir.resolve("newer.db");
        SqlitePlaceStore.open(file).close();
        int newer = Migrations.latest() + 1;
        Fixtures.sqlUpdate(file, "PRAGMA user_version = " + newer);
        byte[] before = Files.readAllBytes(file);

        StoreException refused = assertThrows(StoreException.class, () -> SqlitePlaceStore.open(file));

        assertEquals(file.toAbsolutePath() + " was written by a newer Seuil (schema " + newer
                + ", this version knows up to " + Migrations.latest() + "); update Seuil", refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedWithItsName() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "these are my notes, not a database\n".repeat(200), StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(file);

        StoreException refused = assertThrows(StoreException.class, () -> SqlitePlaceStore.open(file));

        assertEquals(file.toAbsolutePath() + " is not a Seuil store: it is not an SQLite database", refused.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void anSqliteFileOfAnotherProgramIsRefused() throws Exception {
        Path file = dir.resolve("other.sqlite");
        Fixtures.sqlUpdate(file, "CREATE TABLE contacts (name TEXT)");

        StoreException refused = assertThrows(StoreException.class, () -> SqlitePlaceStore.open(file));

        assertTrue(refused.getMessage().contains("another program"), refused.getMessage());
        assertEquals("0", Fixtures.sqlText(file, "PRAGMA user_version"));
    }

    @Test
    void aFolderIsRefusedAsAStoreFile() {
        StoreException refused = assertThrows(StoreException.class, () -> SqlitePlaceStore.open(dir));
        assertTrue(refused.getMessage().contains("is a folder"), refused.getMessage());
    }

    @Test
    void migrationScriptsAreSplitAtSemicolonsThatEndALine() {
        assertEquals(List.of("CREATE TABLE a (x TEXT DEFAULT ';',\n    y TEXT);", "CREATE INDEX b ON a(x);"),
                Migrations.statements("-- a comment; not a statement\nCREATE TABLE a (x TEXT DEFAULT ';',\n    y TEXT);\n\nCREATE INDEX b ON a(x);\n"));
    }
}
