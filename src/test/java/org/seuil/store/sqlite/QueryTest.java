package org.seuil.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seuil.store.sqlite.Fixtures.T0;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Report;
import org.seuil.store.ImportSource;
import org.seuil.store.PlaceFilter;
import org.seuil.store.PlaceView;
import org.seuil.store.StoreStats;

class QueryTest {
    private static final String[] CATEGORIES = {"amenity=cafe", "amenity=toilets", "shop=bakery", "tourism=hotel"};
    private static final Accessibility[] GRADES = Accessibility.values();

    @TempDir
    Path dir;
    SqlitePlaceStore store;
    final Random random = new Random(7);
    /** What was stored, to compare the store's answers with. */
    final Map<PlaceId, PlaceRecord> stored = new HashMap<>();

    @BeforeEach
    void open() {
        store = SqlitePlaceStore.open(dir.resolve("seuil.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Random places around Monaco, some on shared coordinates; a bulk import, then saves one by one. */
    private void fill(int imported, int saved) {
        List<PlaceRecord> records = new ArrayList<>();
        for (int i = 1; i <= imported; i++) {
            records.add(randomRecord(i));
        }
        store.importRecords(records.iterator(), ImportSource.OSM);
        records.forEach(r -> stored.put(r.place().id(), r));
        for (int i = imported + 1; i <= imported + saved; i++) {
            PlaceRecord record = randomRecord(i);
            store.savePlace(record.place());
            Report person = Fixtures.personReport(record.place(), "marie", record.reports().get(0).surveyedAt(),
                    record.reports().get(0).wheelchair(), null);
            store.saveReport(person);
            stored.put(record.place().id(), new PlaceRecord(record.place(), List.of(person)));
        }
    }

    private PlaceRecord randomRecord(int n) {
        double lat = random.nextInt(10) == 0 ? 43.73 : 43.70 + random.nextDouble() * 0.06;
        double lon = random.nextInt(10) == 0 ? 7.42 : 7.38 + random.nextDouble() * 0.08;
        Place place = Fixtures.place(n, lat, lon, "Place " + n, CATEGORIES[random.nextInt(CATEGORIES.length)]);
        Report report = Fixtures.osmReport(place, GRADES[random.nextInt(GRADES.length)], T0.plusSeconds(random.nextInt(1000) * 86400L));
        return new PlaceRecord(place, List.of(report));
    }

    private BoundingBox randomBox() {
        double minLon = 7.37 + random.nextDouble() * 0.09;
        double minLat = 43.69 + random.nextDouble() * 0.07;
        if (random.nextInt(4) == 0) {
            // Edges exactly on stored coordinates, where rounding to 32-bit floats could lose them.
            GeoPoint a = new ArrayList<>(stored.values()).get(random.nextInt(stored.size())).place().location();
            GeoPoint b = new ArrayList<>(stored.values()).get(random.nextInt(stored.size())).place().location();
            return new BoundingBox(Math.min(a.lon(), b.lon()), Math.min(a.lat(), b.lat()), Math.max(a.lon(), b.lon()), Math.max(a.lat(), b.lat()));
        }
        return new BoundingBox(minLon, minLat, minLon + random.nextDouble() * 0.02, minLat + random.nextDouble() * 0.02);
    }

    private Set<String> bruteForce(PlaceFilter filter) {
        return stored.values().stream()
                .filter(r -> filter.bbox().contains(r.place().location()))
                .filter(r -> filter.accepts(r.place().category(), r.accessibility().wheelchair(), r.accessibility().lastSurveyed()))
                .map(r -> r.place().id().value()).collect(Collectors.toCollection(TreeSet::new));
    }

    private Set<String> ids(List<PlaceView> views) {
        return views.stream().map(v -> v.place().id().value()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void viewportQueriesFindExactlyThePlacesInTheBox() {
        fill(3000, 300);
        int nonEmpty = 0;
        for (int i = 0; i < 300; i++) {
            PlaceFilter filter = PlaceFilter.ALL.withBbox(randomBox());
            Set<String> expected = bruteForce(filter);
            assertEquals(expected, ids(store.query(filter, 100_000)), filter.bbox().toString());
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertTrue(nonEmpty > 200, "too few boxes had places: " + nonEmpty);
        assertEquals(50, store.query(PlaceFilter.ALL.withBbox(new BoundingBox(7.3, 43.6, 7.5, 43.8)), 50).size());
    }

    @Test
    void filtersOnGradeCategoryAndSurveyTimeAgreeWithPlaceFilter() {
        fill(2000, 100);
        for (int i = 0; i < 200; i++) {
            Set<Accessibility> grades = EnumSet.noneOf(Accessibility.class);
            for (Accessibility grade : GRADES) {
                if (random.nextInt(3) == 0) {
                    grades.add(grade);
                }
            }
            Set<String> categories = new TreeSet<>();
            if (random.nextBoolean()) {
                categories.add(CATEGORIES[random.nextInt(CATEGORIES.length)]);
            }
            if (random.nextInt(3) == 0) {
                categories.add(random.nextBoolean() ? "shop" : "tourism");
            }
            PlaceFilter filter = new PlaceFilter(random.nextBoolean() ? BoundingBox.WORLD : randomBox(), grades, categories,
                    random.nextBoolean() ? null : T0.plusSeconds(random.nextInt(1000) * 86400L));
            Set<String> expected = bruteForce(filter);
            assertEquals(expected, ids(store.query(filter, 100_000)), filter.toString());
            StoreStats stats = store.stats(filter);
            assertEquals(expected.size(), stats.places(), filter.toString());
            assertEquals(expected.size(), stats.reports(), "one live report per place");
            assertEquals(expected.size(), stats.placesPerGrade().values().stream().mapToLong(Long::longValue).sum());
            assertEquals(expected.size(), stats.placesPerCategory().values().stream().mapToLong(Long::longValue).sum());
        }
    }

    @Test
    void forEachStreamsEveryPlaceWithItsReportsInIdOrder() {
        fill(1500, 50);
        List<PlaceRecord> streamed = new ArrayList<>();

        store.forEach(PlaceFilter.ALL, streamed::add);

        assertEquals(stored.size(), streamed.size());
        List<String> order = streamed.stream().map(r -> r.place().id().value()).toList();
        assertEquals(order.stream().sorted().toList(), order);
        for (PlaceRecord record : streamed) {
            assertEquals(stored.get(record.place().id()), record);
        }
        BoundingBox box = new BoundingBox(7.40, 43.72, 7.43, 43.74);
        List<String> inBox = new ArrayList<>();
        store.forEach(PlaceFilter.ALL.withBbox(box), r -> inBox.add(r.place().id().value()));
        assertEquals(new ArrayList<>(bruteForce(PlaceFilter.ALL.withBbox(box))), inBox);
    }

    @Test
    void forEachGivesEachPlaceAllItsReportsOldestFirstAndPlacesWithoutReports() {
        Place none = Fixtures.place(1, 43.73, 7.42, "No reports", "amenity=cafe");
        Place many = Fixtures.place(2, 43.74, 7.43, "Three reports", "amenity=cafe");
        store.savePlace(none);
        store.savePlace(many);
        Report late = Fixtures.personReport(many, "marie", T0.plusSeconds(300), Accessibility.YES, 1);
        Report early = Fixtures.personReport(many, "paul", T0.plusSeconds(100), Accessibility.NO, 2);
        Report middle = Fixtures.personReport(many, "lea", T0.plusSeconds(200), Accessibility.LIMITED, null);
        store.saveReport(late);
        store.saveReport(early);
        store.saveReport(middle);

        List<PlaceRecord> streamed = new ArrayList<>();
        store.forEach(PlaceFilter.ALL, streamed::add);

        assertEquals(List.of(new PlaceRecord(none, List.of()), new PlaceRecord(many, List.of(early, middle, late))), streamed);
    }

    @Test
    void aFailingExportSinkStopsTheExportAndLeavesTheStoreUsable() {
        fill(3000, 0);
        IllegalStateException full = new IllegalStateException("disk full");
        int[] seen = {0};

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> store.forEach(PlaceFilter.ALL, r -> {
            if (++seen[0] == 700) {
                throw full;
            }
        }));

        assertSame(full, thrown);
        assertEquals(700, seen[0]);
        List<PlaceRecord> streamed = new ArrayList<>();
        store.forEach(PlaceFilter.ALL, streamed::add);
        assertEquals(3000, streamed.size());
    }

    @Test
    void thePackedSpatialIndexIsAValidRtreeBeforeAndAfterLaterInserts() throws Exception {
        fill(20_000, 0);
        Path file = store.file();
        assertEquals("ok", Fixtures.sqlText(file, "SELECT rtreecheck('place_index')"));
        for (int i = 0; i < 300; i++) {
            store.savePlace(randomRecord(30_000 + i).place());
        }
        assertEquals("ok", Fixtures.sqlText(file, "SELECT rtreecheck('place_index')"));
        assertEquals("ok", Fixtures.sqlText(file, "PRAGMA integrity_check"));
        assertEquals("20300", Fixtures.sqlText(file, "SELECT count(*) FROM place_index"));
    }

    @Test
    void searchMatchesWordPrefixesWhateverTheCaseAndAccents() {
        Place cafe = new Place(PlaceId.generate(), new GeoPoint(43.73, 7.42), "Café de la Gare", "amenity=cafe", "Place d'Armes");
        Place hotel = new Place(PlaceId.generate(), new GeoPoint(43.74, 7.43), "Hôtel de Paris", "tourism=hotel", "Place du Casino");
        store.savePlace(cafe);
        store.savePlace(hotel);

        assertEquals(List.of(cafe.id()), ImportTest.ids(store.search("caf", 10)));
        assertEquals(List.of(cafe.id()), ImportTest.ids(store.search("GARE CAFE", 10)));
        assertEquals(List.of(hotel.id()), ImportTest.ids(store.search("hotel par", 10)));
        assertEquals(List.of(hotel.id()), ImportTest.ids(store.search("casino", 10)));
        assertEquals(2, store.search("de", 10).size());
        assertEquals(1, store.search("de", 1).size());
        assertEquals(List.of(), store.search("gare paris", 10));
    }

    @Test
    void searchRanksNameMatchesBeforeAddressMatches() {
        Place street = new Place(PlaceId.generate(), new GeoPoint(43.73, 7.42), "Boulangerie", "shop=bakery", "Rue Grimaldi");
        Place named = new Place(PlaceId.generate(), new GeoPoint(43.74, 7.43), "Grimaldi Forum", "amenity=theatre", "Avenue Princesse Grace");
        store.savePlace(street);
        store.savePlace(named);

        assertEquals(List.of(named.id(), street.id()), ImportTest.ids(store.search("grimaldi", 10)));
    }

    @Test
    void searchTextIsNeverReadAsQuerySyntax() {
        Place cafe = new Place(PlaceId.generate(), new GeoPoint(43.73, 7.42), "Café \"Le Nord\"", "amenity=cafe", null);
        store.savePlace(cafe);
        for (String hostile : List.of("\"café", "AND OR *", "NEAR(", ")", "*", "^", "'", "\"\"\"", "name:café", "-café",
                "café OR", "NOT", "{name}: x", "", "   ", "\u0000", "caf\u00e9\"*")) {
            assertDoesNotThrow(() -> store.search(hostile, 10), hostile);
        }
        assertEquals(List.of(cafe.id()), ImportTest.ids(store.search("\"café", 10)));
        assertEquals(List.of(cafe.id()), ImportTest.ids(store.search("\"le nord\"", 10)));
        // Read as the words "name" and "café", not as a column filter that would find the café.
        assertEquals(List.of(), store.search("name:café", 10));
        assertEquals(List.of(), store.search("AND OR *", 10));
        assertEquals(List.of(), store.search(null, 10));
    }
}
