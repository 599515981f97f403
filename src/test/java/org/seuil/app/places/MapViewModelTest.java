package org.seuil.app.places;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.app.task.CurrentThreadTaskExecutor;
import org.seuil.store.PlaceStore;
import org.seuil.store.sqlite.SqlitePlaceStore;
import org.seuil.app.testing.QueuedTaskExecutor;
import org.seuil.app.testing.RecordingStore;
import org.seuil.app.testing.Seed;
import org.seuil.domain.Accessibility;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.domain.WheelchairProfile;
import org.seuil.store.PlaceView;

class MapViewModelTest {
    @TempDir
    Path dir;
    PlaceStore store;
    MapViewModel map;
    FiltersViewModel filters;

    @BeforeEach
    void load() {
        store = SqlitePlaceStore.open(dir.resolve("s.db"));
        Seed.monaco(store);
        map = new MapViewModel(store, new CurrentThreadTaskExecutor());
        filters = new FiltersViewModel(map.filtersProperty());
        map.reload();
    }

    private Set<PlaceId> shown() {
        return shownBy(map);
    }

    @Test
    void everyPlaceIsShownWithoutFilters() {
        assertEquals(154, map.places().size());
        assertEquals(154, map.places().index().size());
    }

    @Test
    void theStepFreeFilterKeepsPlacesWithoutStepsOrWithAFixedRampOrGradedYes() {
        filters.stepFreeProperty().set(true);
        assertTrue(shown().contains(Seed.CAFE));
        assertTrue(!shown().contains(Seed.BAKERY) && !shown().contains(Seed.MUSEUM) && !shown().contains(Seed.PHARMACY));
    }

    @Test
    void theToiletFilterAndGradeTicksCombine() {
        filters.accessibleToiletProperty().set(true);
        assertEquals(Set.of(Seed.CAFE), shown());
        filters.clear();
        for (Accessibility a : FiltersViewModel.GRADES) {
            filters.gradeProperty(a).set(a == Accessibility.NO);
        }
        assertTrue(shown().contains(Seed.BAKERY));
        assertTrue(map.places().size() < 154);
        filters.gradeProperty(Accessibility.NO).set(false);
        assertEquals(0, map.places().size(), "no grade ticked shows nothing");
    }

    @Test
    void filtersTickedWhileTheBackgroundIsBusyLoadOnlyOnceWithTheLastOnes() {
        List<Object> queried = new ArrayList<>();
        // The background threads are busy (a reload of a big store takes seconds): the work waits.
        QueuedTaskExecutor busy = new QueuedTaskExecutor();
        MapViewModel busyMap = new MapViewModel(RecordingStore.of(store, "query", queried), busy);
        FiltersViewModel ticks = new FiltersViewModel(busyMap.filtersProperty());
        ticks.categoryProperty().set("amenity");
        ticks.accessibleToiletProperty().set(true);
        ticks.stepFreeProperty().set(true);
        assertTrue(busyMap.loadingProperty().get());
        busy.runAll();
        assertEquals(1, queried.size(), "only the last filters were loaded");
        assertEquals(Set.of(Seed.CAFE), shownBy(busyMap));
        assertFalse(busyMap.loadingProperty().get());
    }

    private static Set<PlaceId> shownBy(MapViewModel m) {
        Set<PlaceId> ids = new HashSet<>();
        for (int i = 0; i < m.places().size(); i++) {
            ids.add(m.places().view(i).place().id());
        }
        return ids;
    }

    @Test
    void theCategoryAndDateFiltersGoToTheStore() {
        filters.categoryProperty().set("amenity");
        assertEquals(Set.of(Seed.CAFE, Seed.PHARMACY), shown());
        filters.categoryProperty().set("");
        filters.surveyedSinceProperty().set(LocalDate.of(2024, 5, 5));
        assertEquals(0, map.places().size());
    }

    @Test
    void aNewGradeOnAShownPlaceIsAppliedWithoutReclustering() {
        MapPlaces before = map.places();
        store.saveReport(new Report(ReportId.generate(), Seed.PHARMACY, "carol", Instant.now(), 1, Accessibility.NO, null,
                null, null, null, null, Map.of(), List.of(), List.of(), false));
        map.placeChanged(Seed.PHARMACY);
        assertSame(before, map.places(), "same index");
        PlaceView v = map.places().view(map.places().indexOf(Seed.PHARMACY));
        assertEquals(PinStyle.BAD, map.style(v));
    }

    @Test
    void aNewPlaceRebuildsTheIndex() {
        MapPlaces before = map.places();
        PlaceId id = PlaceId.generate();
        store.savePlace(new org.seuil.domain.Place(id, new org.seuil.domain.GeoPoint(43.74, 7.43), "Nouveau", null, null));
        map.placeChanged(id);
        assertNotSame(before, map.places());
        assertTrue(map.places().indexOf(id) >= 0);
    }

    @Test
    void aProfileRecoloursPinsByFit() {
        PlaceView cafe = map.places().view(map.places().indexOf(Seed.CAFE));
        PlaceView museum = map.places().view(map.places().indexOf(Seed.MUSEUM));
        assertEquals(PinStyle.GOOD, map.style(cafe));
        assertEquals(PinStyle.LIMITED, map.style(museum));
        map.profileProperty().set(new WheelchairProfile(1.0, 0.06, 6)); // a wide power chair that climbs 6 cm
        assertEquals(PinStyle.BAD, map.style(cafe), "95 cm door, 100 cm chair");
        assertEquals(PinStyle.GOOD, map.style(museum), "one 5 cm step, 120 cm door");
    }

    @Test
    void fitToDataCoversEveryPlace() {
        var box = map.places().bounds();
        for (int i = 0; i < map.places().size(); i++) {
            assertTrue(box.contains(map.places().view(i).place().location()));
        }
    }
}
