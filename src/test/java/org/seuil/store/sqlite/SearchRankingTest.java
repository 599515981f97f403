package org.seuil.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.formats.osm.OsmReader;
import org.seuil.store.ImportSource;
import org.seuil.store.PlaceView;

/** Search order: whole name, then name prefix, then the rest; venues before transport stops of the same name. */
class SearchRankingTest {
    @TempDir
    Path dir;

    private static List<String> names(List<PlaceView> found) {
        return found.stream().map(v -> v.place().name() + " (" + v.place().category() + ")").toList();
    }

    @Test
    void wholeNamesComeFirstThenPrefixesThenTheRestAccentsIgnored() {
        try (SqlitePlaceStore store = SqlitePlaceStore.open(dir.resolve("seuil.db"))) {
            // Saved in the wrong order on purpose, and the exact one has the longest address.
            store.savePlace(place(1, "Grand Café", "amenity=cafe", null));
            store.savePlace(place(2, "Café de Paris", "amenity=cafe", null));
            store.savePlace(place(3, "Café", "highway=bus_stop", null));
            store.savePlace(place(4, "Cafe", "amenity=cafe", "Café, rue du Café, place du Café"));

            assertEquals(List.of("Cafe (amenity=cafe)", "Café (highway=bus_stop)", "Café de Paris (amenity=cafe)", "Grand Café (amenity=cafe)"),
                    names(store.search("café", 10)));
            assertEquals(names(store.search("café", 10)), names(store.search("CAFE", 10)));
            assertEquals(List.of("Café de Paris (amenity=cafe)"), names(store.search("cafe de", 10)).subList(0, 1));
        }
    }

    private static Place place(long n, String name, String category, String address) {
        return new Place(PlaceId.osm("node", n), new GeoPoint(43.73 + n / 1000.0, 7.42), name, category, address);
    }

    @Test
    void theMuseumComesBeforeTheBusStopsNamedAfterItInMonaco() {
        Path pbf = Path.of(System.getProperty("seuil.shared.data", "../shared/data"), "osm", "monaco-2021-04-21.osm.pbf");
        Assumptions.assumeTrue(Files.isRegularFile(pbf), pbf.toAbsolutePath() + " is absent: skipping the Monaco search ranking test");
        try (SqlitePlaceStore store = SqlitePlaceStore.open(dir.resolve("monaco.db"))) {
            store.importRecords(OsmReader.places(pbf), ImportSource.OSM);

            for (String typed : List.of("Musée Océanographique", "musee oceanographique", "Musée Océano")) {
                List<PlaceView> found = store.search(typed, 10);
                assertEquals("tourism=museum", found.get(0).place().category(), typed + ": " + names(found));
                assertEquals(true, found.size() >= 4, names(found).toString());
                for (PlaceView stop : found.subList(1, 4)) {
                    assertEquals("public_transport", stop.place().category().substring(0, stop.place().category().indexOf('=')), names(found).toString());
                }
            }
        }
    }
}
