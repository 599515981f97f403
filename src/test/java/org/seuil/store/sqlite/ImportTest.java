package org.seuil.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seuil.store.sqlite.Fixtures.T0;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Report;
import org.seuil.store.ImportSource;
import org.seuil.store.ImportSummary;
import org.seuil.store.OutboxEntry;
import org.seuil.store.PlaceFilter;
import org.seuil.store.PlaceView;
import org.seuil.store.StoreException;
import org.seuil.store.StoreStats;

class ImportTest {
    @TempDir
    Path dir;
    SqlitePlaceStore store;

    final Place cafe = Fixtures.place(1, 43.7384, 7.4246, "Café de Paris", "amenity=cafe");
    final Place bakery = Fixtures.place(2, 43.7310, 7.4190, "Boulangerie", "shop=bakery");
    final Place toilets = Fixtures.place(3, 43.7400, 7.4300, null, "amenity=toilets");

    @BeforeEach
    void open() {
        store = SqlitePlaceStore.open(dir.resolve("seuil.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<PlaceRecord> extract() {
        return List.of(Fixtures.osmRecord(cafe, Accessibility.YES), Fixtures.osmRecord(bakery, Accessibility.LIMITED),
                Fixtures.osmRecord(toilets, Accessibility.YES));
    }

    private ImportSummary importOsm(List<PlaceRecord> records) {
        return store.importRecords(records.iterator(), ImportSource.OSM);
    }

    @Test
    void anOsmImportCreatesPlacesAndReportsAndQueuesNothingForSync() {
        ImportSummary summary = importOsm(extract());

        assertEquals(new ImportSummary(3, 0, 0, 3, 0, 0, Map.of(Accessibility.YES, 2L, Accessibility.LIMITED, 1L)), summary);
        PlaceView view = store.place(cafe.id()).orElseThrow();
        assertEquals(cafe, view.place());
        assertEquals(Accessibility.YES, view.accessibility().wheelchair());
        assertEquals(1, view.reportCount());
        assertEquals(List.of(Fixtures.osmReport(cafe, Accessibility.YES, T0)), store.reports(cafe.id()));
        assertEquals(0, store.pendingChanges());
    }

    @Test
    void reimportingTheSameExtractChangesNothing() {
        importOsm(extract());
        StoreStats before = store.stats(PlaceFilter.ALL);

        ImportSummary again = importOsm(extract());

        assertEquals(new ImportSummary(0, 0, 3, 0, 0, 3, Map.of(Accessibility.YES, 2L, Accessibility.LIMITED, 1L)), again);
        assertEquals(before, store.stats(PlaceFilter.ALL));
    }

    @Test
    void aChangedTagUpdatesThePlaceOrItsOsmReport() {
        importOsm(extract());
        Place renamed = new Place(cafe.id(), new GeoPoint(43.7390, 7.4250), "Café de Paris Monte-Carlo", "amenity=cafe", null);

        ImportSummary summary = importOsm(List.of(Fixtures.osmRecord(renamed, Accessibility.YES),
                Fixtures.osmRecord(bakery, Accessibility.NO), Fixtures.osmRecord(toilets, Accessibility.YES)));

        assertEquals(1, summary.placesUpdated());
        assertEquals(2, summary.placesUnchanged());
        assertEquals(1, summary.reportsUpdated());
        assertEquals(2, summary.reportsUnchanged());
        assertEquals(renamed, store.place(cafe.id()).orElseThrow().place());
        assertEquals(Accessibility.NO, store.place(bakery.id()).orElseThrow().accessibility().wheelchair());
        assertEquals(List.of(renamed.id()), ids(store.search("monte", 10)));
        assertEquals(List.of(renamed.id()), ids(store.query(PlaceFilter.ALL.withBbox(new BoundingBox(7.4249, 43.7389, 7.4251, 43.7391)), 10)));
        assertEquals(List.of(), ids(store.query(PlaceFilter.ALL.withBbox(new BoundingBox(7.4245, 43.7383, 7.4247, 43.7385)), 10)));
    }

    @Test
    void anOsmImportNeverTouchesReportsByPeople() {
        importOsm(extract());
        Report mine = Fixtures.personReport(cafe, "marie", T0.plusSeconds(3600), Accessibility.NO, 2);
        store.saveReport(mine);
        long pending = store.pendingChanges();

        importOsm(List.of(new PlaceRecord(cafe, List.of(Fixtures.osmReport(cafe, Accessibility.LIMITED, T0.plusSeconds(60))))));

        assertEquals(mine, store.report(mine.id()).orElseThrow());
        List<Report> reports = store.reports(cafe.id());
        assertEquals(2, reports.size());
        assertEquals(Accessibility.LIMITED, reports.get(0).wheelchair());
        // The person's later survey still wins.
        assertEquals(Accessibility.NO, store.place(cafe.id()).orElseThrow().accessibility().wheelchair());
        assertEquals(pending, store.pendingChanges());
    }

    @Test
    void anOsmImportDropsTheOsmReportOfAnElementThatLostItsTagsAndKeepsPlacesMissingFromTheExtract() {
        importOsm(extract());

        ImportSummary summary = importOsm(List.of(new PlaceRecord(cafe, List.of())));

        assertEquals(1, summary.reportsUpdated());
        assertEquals(List.of(), store.reports(cafe.id()));
        assertEquals(Accessibility.UNKNOWN, store.place(cafe.id()).orElseThrow().accessibility().wheelchair());
        assertEquals(0, store.place(cafe.id()).orElseThrow().reportCount());
        assertTrue(store.place(bakery.id()).isPresent());
        assertEquals(3, store.stats(PlaceFilter.ALL).places());
    }

    @Test
    void aBulkFileImportQueuesEveryChangeInOrderAndRebuildsTheReportIndex() throws Exception {
        List<PlaceRecord> records = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 600; i++) {
            Place place = Fixtures.place(i, 43.70 + i * 1e-5, 7.40, "Place " + i, "amenity=cafe");
            Report report = Fixtures.personReport(place, "marie", T0.plusSeconds(i), Accessibility.YES, 1);
            records.add(new PlaceRecord(place, List.of(report)));
            expected.add("place " + place.id());
            expected.add("report " + report.id());
            if (i == 300) {
                // The same place again, renamed, in the middle of a batch: the ordinary path.
                Place renamed = new Place(place.id(), place.location(), "Renamed", place.category(), place.address());
                records.add(new PlaceRecord(renamed, List.of(report)));
                expected.add("place " + place.id());
            }
        }

        store.importRecords(records.iterator(), ImportSource.FILE);

        assertEquals(expected, entries(store.outbox(2000)));
        Path file = dir.resolve("seuil.db");
        assertEquals("1", Fixtures.sqlText(file, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'reports_by_place'"));
        assertEquals("ok", Fixtures.sqlText(file, "PRAGMA integrity_check"));
        assertEquals("Renamed", store.place(records.get(299).place().id()).orElseThrow().place().name());
    }

    @Test
    void aFailedBulkImportKeepsTheReportIndex() throws Exception {
        Iterator<PlaceRecord> failing = new Iterator<>() {
            int n;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public PlaceRecord next() {
                if (++n > 1000) {
                    throw new IllegalStateException("broken source");
                }
                return Fixtures.osmRecord(Fixtures.place(n, 43.7, 7.4, "P" + n, "amenity=cafe"), Accessibility.YES);
            }
        };

        assertThrows(IllegalStateException.class, () -> store.importRecords(failing, ImportSource.FILE));

        Path file = dir.resolve("seuil.db");
        assertEquals("1", Fixtures.sqlText(file, "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'reports_by_place'"));
        assertEquals(0, store.stats(PlaceFilter.ALL).places());
        assertEquals(0, store.pendingChanges());
    }

    @Test
    void aFileImportUpsertsReportsByRevisionAndQueuesWhatChanged() {
        Report v1 = Fixtures.personReport(cafe, "marie", T0, Accessibility.LIMITED, 1);
        ImportSummary first = store.importRecords(List.of(new PlaceRecord(cafe, List.of(v1))).iterator(), ImportSource.FILE);
        assertEquals(new ImportSummary(1, 0, 0, 1, 0, 0, Map.of(Accessibility.LIMITED, 1L)), first);
        assertEquals(List.of("place " + cafe.id(), "report " + v1.id()), entries(store.outbox(10)));

        ImportSummary same = store.importRecords(List.of(new PlaceRecord(cafe, List.of(v1))).iterator(), ImportSource.FILE);
        assertEquals(new ImportSummary(0, 0, 1, 0, 0, 1, Map.of(Accessibility.LIMITED, 1L)), same);
        assertEquals(2, store.pendingChanges());

        Report v2 = new Report(v1.id(), cafe.id(), "marie", T0.plusSeconds(60), 2, Accessibility.YES, null, null, null,
                null, null, Map.of("fr", "rampe installée"), List.of(), List.of(), false);
        ImportSummary newer = store.importRecords(List.of(new PlaceRecord(cafe, List.of(v2))).iterator(), ImportSource.FILE);
        assertEquals(1, newer.reportsUpdated());
        assertEquals(v2, store.report(v1.id()).orElseThrow());
        assertEquals(Accessibility.YES, store.place(cafe.id()).orElseThrow().accessibility().wheelchair());
        assertEquals(List.of("place " + cafe.id(), "report " + v1.id(), "report " + v1.id()), entries(store.outbox(10)));

        ImportSummary older = store.importRecords(List.of(new PlaceRecord(cafe, List.of(v1))).iterator(), ImportSource.FILE);
        assertEquals(1, older.reportsUnchanged());
        assertEquals(v2, store.report(v1.id()).orElseThrow());
        assertEquals(3, store.pendingChanges());
    }

    @Test
    void anImportIsRolledBackWhenTheIteratorThrowsMidway() {
        importOsm(extract());
        StoreStats before = store.stats(PlaceFilter.ALL);
        List<Report> cafeReports = store.reports(cafe.id());
        IllegalStateException broken = new IllegalStateException("line 1001: not a number");
        Iterator<PlaceRecord> failing = failingAfter(1000, broken, ImportSource.FILE);

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> store.importRecords(failing, ImportSource.FILE));

        assertSame(broken, thrown);
        assertEquals(before, store.stats(PlaceFilter.ALL));
        assertEquals(cafeReports, store.reports(cafe.id()));
        assertEquals(0, store.pendingChanges());
    }

    @Test
    void aBulkImportIntoAnEmptyStoreIsRolledBackWhenTheIteratorThrows() {
        IllegalStateException broken = new IllegalStateException("truncated file");

        assertSame(broken, assertThrows(IllegalStateException.class,
                () -> store.importRecords(failingAfter(5000, broken, ImportSource.OSM), ImportSource.OSM)));

        assertEquals(0, store.stats(PlaceFilter.ALL).places());
        assertEquals(List.of(), store.search("place", 10));
        // The store still works, and its next import is again a bulk one.
        importOsm(extract());
        assertEquals(3, store.stats(PlaceFilter.ALL).places());
        assertEquals(List.of(cafe.id()), ids(store.search("paris", 10)));
    }

    /** A thousand good records (new places, and a change to the café), then a failure. */
    private Iterator<PlaceRecord> failingAfter(int good, RuntimeException failure, ImportSource source) {
        List<PlaceRecord> records = new ArrayList<>();
        records.add(new PlaceRecord(new Place(cafe.id(), cafe.location(), "Renamed", "amenity=bar", null),
                List.of(Fixtures.personReport(cafe, "paul", T0.plusSeconds(10), Accessibility.NO, 3))));
        for (int i = 1; i < good; i++) {
            Place p = Fixtures.place(1000 + i, 43 + i * 1e-4, 7, "Place " + i, "amenity=bench");
            records.add(source == ImportSource.OSM ? Fixtures.osmRecord(p, Accessibility.YES)
                    : new PlaceRecord(p, List.of(Fixtures.personReport(p, "paul", T0, Accessibility.YES, null))));
        }
        Iterator<PlaceRecord> good1 = records.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public PlaceRecord next() {
                if (good1.hasNext()) {
                    return good1.next();
                }
                throw failure;
            }
        };
    }

    @Test
    void aPlaceTwiceInOneBulkImportEndsWhereItsLastRecordPutsIt() {
        Place moved = new Place(cafe.id(), new GeoPoint(44.0, 8.0), "Café moved", "amenity=cafe", null);

        ImportSummary summary = importOsm(List.of(Fixtures.osmRecord(cafe, Accessibility.YES), Fixtures.osmRecord(bakery, Accessibility.NO),
                Fixtures.osmRecord(moved, Accessibility.NO)));

        assertEquals(2, summary.placesCreated());
        assertEquals(1, summary.placesUpdated());
        assertEquals(List.of(cafe.id()), ids(store.query(PlaceFilter.ALL.withBbox(new BoundingBox(7.9, 43.9, 8.1, 44.1)), 10)));
        assertEquals(List.of(bakery.id()), ids(store.query(PlaceFilter.ALL.withBbox(new BoundingBox(7.3, 43.6, 7.5, 43.8)), 10)));
        assertEquals(List.of(cafe.id()), ids(store.search("moved", 10)));
        assertEquals(Accessibility.NO, store.place(cafe.id()).orElseThrow().accessibility().wheelchair());
    }

    @Test
    void aReportStoredForAnotherPlaceStopsTheImport() {
        Report mine = Fixtures.personReport(cafe, "marie", T0, Accessibility.NO, null);
        store.importRecords(List.of(new PlaceRecord(cafe, List.of(mine))).iterator(), ImportSource.FILE);
        Report stolen = new Report(mine.id(), bakery.id(), "marie", T0, 2, Accessibility.YES, null, null, null, null,
                null, Map.of(), List.of(), List.of(), false);

        StoreException refused = assertThrows(StoreException.class, () -> store.importRecords(
                List.of(new PlaceRecord(bakery, List.of(stolen))).iterator(), ImportSource.FILE));

        assertTrue(refused.getMessage().contains("report " + mine.id()), refused.getMessage());
        assertTrue(store.place(bakery.id()).isEmpty());
        assertEquals(mine, store.report(mine.id()).orElseThrow());
    }

    @Test
    void oneReportIdForTwoPlacesOfABulkImportStopsIt() {
        Report shared = Fixtures.personReport(cafe, "marie", T0, Accessibility.NO, null);
        Report sameId = new Report(shared.id(), bakery.id(), "marie", T0, 1, Accessibility.YES, null, null, null, null,
                null, Map.of(), List.of(), List.of(), false);

        StoreException refused = assertThrows(StoreException.class, () -> store.importRecords(List.of(
                new PlaceRecord(cafe, List.of(shared)), new PlaceRecord(bakery, List.of(sameId))).iterator(), ImportSource.FILE));

        assertTrue(refused.getMessage().contains("report " + shared.id()), refused.getMessage());
        assertEquals(0, store.stats(PlaceFilter.ALL).places());
        assertEquals(0, store.pendingChanges());
        assertEquals(new ImportSummary(3, 0, 0, 3, 0, 0, Map.of(Accessibility.YES, 2L, Accessibility.LIMITED, 1L)), importOsm(extract()));
    }

    static List<org.seuil.domain.PlaceId> ids(List<PlaceView> views) {
        return views.stream().map(v -> v.place().id()).toList();
    }

    static List<String> entries(List<OutboxEntry> outbox) {
        return outbox.stream().map(e -> e.kind() + " " + e.entityId()).toList();
    }
}
