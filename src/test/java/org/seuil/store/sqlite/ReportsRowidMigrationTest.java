package org.seuil.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Report;
import org.seuil.store.ImportSource;
import org.seuil.store.PlaceFilter;

/**
 * Schema 4 moves the reports from a table keyed by their id (WITHOUT ROWID) to a table with a
 * rowid and a unique id. A store of schema 3 must come out of the upgrade with every report, found
 * by id and by place as before, and still take new reports and refuse a taken id.
 */
class ReportsRowidMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aSchema3StoreKeepsEveryReportWhenItsReportsMoveToARowidTable() throws Exception {
        Path file = dir.resolve("seuil.db");
        List<Place> places = new ArrayList<>();
        List<Report> personal = new ArrayList<>();
        try (SqlitePlaceStore store = SqlitePlaceStore.open(file)) {
            List<PlaceRecord> records = new ArrayList<>();
            for (int i = 1; i <= 30; i++) {
                Place place = Fixtures.place(i, 43.7 + i / 1000.0, 7.4, "Place " + i, "amenity=cafe");
                places.add(place);
                records.add(Fixtures.osmRecord(place, Accessibility.values()[i % 4]));
            }
            store.importRecords(records.iterator(), ImportSource.OSM);
            for (int i = 0; i < 10; i++) {
                Report report = Fixtures.personReport(places.get(i), "alice", Fixtures.T0.plusSeconds(60 + i), Accessibility.NO, i);
                store.saveReport(report);
                personal.add(report);
            }
        }
        List<List<Report>> before = reportsOfEachPlace(file, places);
        toSchema3(file);
        assertTrue(Fixtures.sqlText(file, "SELECT sql FROM sqlite_schema WHERE name = 'reports'").contains("WITHOUT ROWID"));

        try (SqlitePlaceStore store = SqlitePlaceStore.open(file)) {
            for (int i = 0; i < places.size(); i++) {
                assertEquals(before.get(i), store.reports(places.get(i).id()), "reports of " + places.get(i).id());
            }
            for (Report report : personal) {
                assertEquals(report, store.report(report.id()).orElseThrow());
            }
            assertEquals(40, store.stats(PlaceFilter.ALL).reports());
            Report later = Fixtures.personReport(places.get(20), "bob", Fixtures.T0.plusSeconds(500), Accessibility.YES, 0);
            store.saveReport(later);
            assertEquals(later, store.report(later.id()).orElseThrow());
        }
        assertEquals(String.valueOf(Migrations.latest()), Fixtures.sqlText(file, "PRAGMA user_version"));
        assertFalse(Fixtures.sqlText(file, "SELECT sql FROM sqlite_schema WHERE name = 'reports'").contains("WITHOUT ROWID"));
        assertEquals("1", Fixtures.sqlText(file, "SELECT count(*) FROM sqlite_schema WHERE name = 'reports_by_place'"));
        assertEquals("ok", Fixtures.sqlText(file, "PRAGMA integrity_check"));
        // The id is still unique: a second row with a taken id is refused by the table itself.
        assertEquals("UNIQUE constraint failed: reports.id", refusedInsert(file, personal.get(0).id().value()));
    }

    private static List<List<Report>> reportsOfEachPlace(Path file, List<Place> places) {
        List<List<Report>> reports = new ArrayList<>();
        try (SqlitePlaceStore store = SqlitePlaceStore.open(file)) {
            for (Place place : places) {
                reports.add(store.reports(place.id()));
            }
        }
        return reports;
    }

    /** Puts the reports back in the table of schemas 1 to 3 and marks the store as schema 3. */
    private static void toSchema3(Path file) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("BEGIN");
            s.execute("CREATE TABLE reports_v3 (id TEXT PRIMARY KEY, place_id TEXT NOT NULL, author TEXT NOT NULL,"
                    + " surveyed_at INTEGER NOT NULL, revision INTEGER NOT NULL, deleted INTEGER NOT NULL, body TEXT NOT NULL) WITHOUT ROWID");
            s.execute("INSERT INTO reports_v3 SELECT id, place_id, author, surveyed_at, revision, deleted, body FROM reports");
            s.execute("DROP TABLE reports");
            s.execute("ALTER TABLE reports_v3 RENAME TO reports");
            s.execute("CREATE INDEX reports_by_place ON reports(place_id, surveyed_at)");
            s.execute("PRAGMA user_version = 3");
            s.execute("COMMIT");
        }
    }

    private static String refusedInsert(Path file, String takenId) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("INSERT INTO reports (id, place_id, author, surveyed_at, revision, deleted, body)"
                    + " VALUES ('" + takenId + "', 'osm:node/1', 'x', 0, 1, 0, '{}')");
            return "inserted";
        } catch (java.sql.SQLException e) {
            return e.getMessage().replaceFirst(".*\\((UNIQUE[^)]*)\\).*", "$1").strip();
        }
    }
}
