package org.seuil.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seuil.store.sqlite.Fixtures.T0;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.EnumSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.Criterion;
import org.seuil.domain.Entrance;
import org.seuil.domain.Experience;
import org.seuil.domain.ExperienceKind;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Kerb;
import org.seuil.domain.LengthUnit;
import org.seuil.domain.Need;
import org.seuil.domain.Parking;
import org.seuil.domain.PathCondition;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceAccessibility;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Quantity;
import org.seuil.domain.Ramp;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.domain.Smoothness;
import org.seuil.domain.Surface;
import org.seuil.domain.Toilet;
import org.seuil.store.OutboxEntry;
import org.seuil.store.PlaceFilter;
import org.seuil.store.PlaceView;
import org.seuil.store.StaleRevisionException;
import org.seuil.store.StoreException;

class LocalWritesTest {
    @TempDir
    Path dir;
    SqlitePlaceStore store;
    final Place cafe = new Place(PlaceId.generate(), new GeoPoint(45.76, 4.83), "Le Bouchon", "amenity=restaurant", "3 rue Mercière, Lyon");

    @BeforeEach
    void open() {
        store = SqlitePlaceStore.open(dir.resolve("seuil.db"));
        store.savePlace(cafe);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theLatestSurveyOfEachCriterionWins() {
        Report early = Fixtures.personReport(cafe, "marie", T0, Accessibility.YES, 2);
        Report late = Fixtures.personReport(cafe, "paul", T0.plusSeconds(86400), Accessibility.NO, null);
        store.saveReport(late);
        store.saveReport(early);

        PlaceView view = store.place(cafe.id()).orElseThrow();

        assertEquals(Accessibility.NO, view.accessibility().wheelchair());
        assertEquals(late.id(), view.accessibility().current().get(Criterion.WHEELCHAIR).reportId());
        assertEquals(2, view.accessibility().value(Criterion.STEP_COUNT));
        assertEquals(early.id(), view.accessibility().current().get(Criterion.STEP_COUNT).reportId());
        assertEquals(2, view.reportCount());
        assertEquals(List.of(early, late), store.reports(cafe.id()));
    }

    @Test
    void everyKindOfObservationRoundTripsExactlyThroughTheStore() {
        Report full = new Report(ReportId.generate(), cafe.id(), "marie", Instant.parse("2024-05-01T10:00:00.123456789Z"), 1,
                Accessibility.DESIGNATED, Accessibility.LIMITED,
                new Entrance(1, new Quantity(6.5, LengthUnit.CENTIMETRE, false), Ramp.REMOVABLE, Quantity.metres(0.85), true, false),
                new Toilet(new Quantity(31.5, LengthUnit.INCH, true), Quantity.metres(1.5), true),
                new Parking(3, true),
                new PathCondition(Kerb.LOWERED, Surface.PAVING_STONES, Smoothness.INTERMEDIATE, new Quantity(-4.7, LengthUnit.PERCENT, false)),
                Map.of("fr", "Sonnette \"à gauche\"", "en", "Bell on the left"), List.of("a".repeat(64)),
                List.of(new Experience(ExperienceKind.POSITIVE, "Très bon accueil", EnumSet.of(Need.WHEELCHAIR), "fr")), false);
        store.saveReport(full);

        PlaceView view = store.place(cafe.id()).orElseThrow();

        assertEquals(Criterion.values().length, view.accessibility().current().size());
        assertEquals(PlaceAccessibility.derive(List.of(full)), view.accessibility());
        assertEquals(full, store.report(full.id()).orElseThrow());
    }

    @Test
    void theDerivedColumnIsACompactArrayAndTheObjectFormOfEarlierStoresStillReads() throws Exception {
        Report report = new Report(ReportId.generate(), cafe.id(), "marie", Instant.parse("2024-05-01T10:00:00Z"), 1,
                Accessibility.NO, null, new Entrance(2, null, null, Quantity.metres(0.85), null, null), null, null, null,
                Map.of(), List.of(), List.of(), false);
        store.saveReport(report);
        PlaceView written = store.place(cafe.id()).orElseThrow();
        Path file = dir.resolve("seuil.db");
        String where = " FROM places WHERE id = '" + cafe.id().value() + "'";
        assertEquals("[[\"" + report.id().value() + "\",\"marie\",1714557600000000000],0,\"NO\",2,2,5,[0.85,\"METRE\",true]]",
                Fixtures.sqlText(file, "SELECT accessibility" + where));

        Fixtures.sqlUpdate(file, "UPDATE places SET accessibility = '{\"reports\":[[\"" + report.id().value()
                + "\",\"marie\",1714557600000000000]],\"values\":{\"wheelchair\":[\"NO\",0],\"entrance:step_count\":[2,0],"
                + "\"door:width\":[[0.85,\"METRE\",true],0]}}'" + where.replace(" FROM places", ""));
        assertTrue(Fixtures.sqlText(file, "SELECT accessibility" + where).startsWith("{"), "the old form is in the column");
        assertEquals(written.accessibility(), store.place(cafe.id()).orElseThrow().accessibility());
    }

    @Test
    void editingAReportNeedsTheRevisionAfterTheStoredOne() {
        Report v1 = Fixtures.personReport(cafe, "marie", T0, Accessibility.YES, null);
        store.saveReport(v1);

        StaleRevisionException again = assertThrows(StaleRevisionException.class, () -> store.saveReport(v1));
        assertEquals(v1, again.stored());
        assertThrows(StaleRevisionException.class, () -> store.saveReport(v1.withRevision(3)));

        Report v2 = new Report(v1.id(), cafe.id(), "marie", T0.plusSeconds(5), 2, Accessibility.LIMITED, null, null, null,
                null, null, Map.of(), List.of(), List.of(), false);
        store.saveReport(v2);
        assertEquals(v2, store.report(v1.id()).orElseThrow());
        assertEquals(Accessibility.LIMITED, store.place(cafe.id()).orElseThrow().accessibility().wheelchair());
    }

    @Test
    void deletingAReportLeavesATombstoneThatSyncs() {
        Report early = Fixtures.personReport(cafe, "marie", T0, Accessibility.YES, null);
        Report late = Fixtures.personReport(cafe, "paul", T0.plusSeconds(60), Accessibility.NO, null);
        store.saveReport(early);
        store.saveReport(late);
        Instant at = T0.plusSeconds(3600);

        store.deleteReport(late.id(), at);

        assertEquals(late.tombstone(at), store.report(late.id()).orElseThrow());
        assertEquals(2, store.report(late.id()).orElseThrow().revision());
        assertEquals(List.of(early, late.tombstone(at)), store.reports(cafe.id()));
        PlaceView view = store.place(cafe.id()).orElseThrow();
        assertEquals(Accessibility.YES, view.accessibility().wheelchair());
        assertEquals(1, view.reportCount());
        List<OutboxEntry> outbox = store.outbox(10);
        assertEquals(List.of("place " + cafe.id(), "report " + early.id(), "report " + late.id(), "report " + late.id()),
                ImportTest.entries(outbox));
        // Deleting what is already deleted changes nothing.
        store.deleteReport(late.id(), at.plusSeconds(1));
        assertEquals(4, store.pendingChanges());
        assertThrows(StoreException.class, () -> store.deleteReport(ReportId.generate(), at));
    }

    @Test
    void aReportAboutAPlaceNotInTheStoreIsRefused() {
        Place elsewhere = new Place(PlaceId.generate(), new GeoPoint(0, 0), "Nowhere", null, null);
        StoreException refused = assertThrows(StoreException.class,
                () -> store.saveReport(Fixtures.personReport(elsewhere, "marie", T0, Accessibility.NO, null)));
        assertTrue(refused.getMessage().contains("not in the store"), refused.getMessage());
        assertEquals(1, store.pendingChanges());
    }

    @Test
    void theOutboxGivesTheOldestChangesFirstUntilTheyAreMarkedSynced() {
        for (int i = 0; i < 5; i++) {
            store.saveReport(Fixtures.personReport(cafe, "marie", T0.plusSeconds(i), Accessibility.YES, i));
        }
        List<OutboxEntry> first = store.outbox(3);
        assertEquals(3, first.size());
        assertEquals("place", first.get(0).kind());
        assertTrue(first.get(0).sequence() < first.get(1).sequence() && first.get(1).sequence() < first.get(2).sequence());

        store.markSynced(first.stream().map(OutboxEntry::sequence).toList());

        assertEquals(3, store.pendingChanges());
        List<OutboxEntry> rest = store.outbox(10);
        assertEquals(3, rest.size());
        assertTrue(rest.get(0).sequence() > first.get(2).sequence());
    }

    @Test
    void editingAPlaceMovesItInTheIndexesAndQueuesIt() {
        Place moved = new Place(cafe.id(), new GeoPoint(48.85, 2.35), "Chez Marcel", "amenity=restaurant", "Paris");

        store.savePlace(moved);
        store.savePlace(moved);

        assertEquals(moved, store.place(cafe.id()).orElseThrow().place());
        assertEquals(List.of(), store.search("bouchon", 10));
        assertEquals(List.of(cafe.id()), ImportTest.ids(store.search("marcel", 10)));
        assertEquals(List.of(), store.query(PlaceFilter.ALL.withBbox(new BoundingBox(4.8, 45.7, 4.9, 45.8)), 10));
        assertEquals(List.of(cafe.id()), ImportTest.ids(store.query(PlaceFilter.ALL.withBbox(new BoundingBox(2.3, 48.8, 2.4, 48.9)), 10)));
        assertEquals(2, store.pendingChanges());
    }
}
