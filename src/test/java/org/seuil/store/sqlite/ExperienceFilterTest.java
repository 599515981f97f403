package org.seuil.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Experience;
import org.seuil.domain.ExperienceKind;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Need;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.store.PlaceFilter;
import org.seuil.store.PlaceView;

/** "Has experiences for these needs" as the store answers it, on a real SQLite file. */
class ExperienceFilterTest {
    private static final Instant T = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    Path dir;
    SqlitePlaceStore store;
    final PlaceId forWheelchairs = PlaceId.osm("node", 1);
    final PlaceId forBlindAndWalking = PlaceId.osm("node", 2);
    final PlaceId surveyedOnly = PlaceId.osm("node", 3);
    final PlaceId deletedStory = PlaceId.osm("node", 4);
    final PlaceId nothing = PlaceId.osm("node", 5);

    @BeforeEach
    void fill() {
        store = SqlitePlaceStore.open(dir.resolve("seuil.db"));
        for (PlaceId id : List.of(forWheelchairs, forBlindAndWalking, surveyedOnly, deletedStory, nothing)) {
            store.savePlace(new Place(id, new GeoPoint(43.73, 7.42), "place " + id.value(), "amenity=cafe", null));
        }
        store.saveReport(report(forWheelchairs, List.of(story(ExperienceKind.TIP, Need.WHEELCHAIR))));
        store.saveReport(report(forBlindAndWalking, List.of(story(ExperienceKind.POSITIVE, Need.BLIND_LOW_VISION, Need.WALKING_AID))));
        store.saveReport(report(surveyedOnly, List.of()));
        Report gone = report(deletedStory, List.of(story(ExperienceKind.NEGATIVE, Need.WHEELCHAIR)));
        store.saveReport(gone);
        store.deleteReport(gone.id(), T.plusSeconds(60));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Experience story(ExperienceKind kind, Need... needs) {
        return new Experience(kind, "side door with a ramp", Set.of(needs), "en");
    }

    private static Report report(PlaceId place, List<Experience> experiences) {
        return new Report(ReportId.generate(), place, "alice", T, 1, Accessibility.LIMITED, null, null, null, null, null,
                Map.of(), List.of(), experiences, false);
    }

    private Set<String> found(Need... needs) {
        PlaceFilter filter = PlaceFilter.ALL.withExperienceNeeds(Set.of(needs));
        Set<String> ids = new TreeSet<>();
        for (PlaceView v : store.query(filter, 100)) {
            ids.add(v.place().id().value());
        }
        assertEquals(ids.size(), store.stats(filter).places(), "stats count what query finds");
        return ids;
    }

    @Test
    void onlyPlacesWithALiveExperienceForOneOfTheNeedsPass() {
        assertEquals(Set.of(forWheelchairs.value()), found(Need.WHEELCHAIR));
        assertEquals(Set.of(forBlindAndWalking.value()), found(Need.WALKING_AID));
        assertEquals(Set.of(forWheelchairs.value(), forBlindAndWalking.value()), found(Need.WHEELCHAIR, Need.BLIND_LOW_VISION));
        assertEquals(Set.of(), found(Need.COGNITIVE));
        assertEquals(5, found().size(), "no need chosen: no filter");
    }

    @Test
    void theNeedsCombineWithTheOtherFilters() {
        PlaceFilter filter = new PlaceFilter(null, Set.of(Accessibility.NO), Set.of(), null).withExperienceNeeds(Set.of(Need.WHEELCHAIR));
        assertEquals(0, store.query(filter, 100).size());
        filter = new PlaceFilter(null, Set.of(Accessibility.LIMITED), Set.of("amenity"), T).withExperienceNeeds(Set.of(Need.WHEELCHAIR));
        assertEquals(List.of(forWheelchairs), store.query(filter, 100).stream().map(v -> v.place().id()).toList());
    }
}
