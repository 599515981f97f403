package org.seuil.app.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Entrance;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Quantity;
import org.seuil.domain.Ramp;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.domain.Toilet;
import org.seuil.store.PlaceStore;

/** A small Monaco of named places with known surveys, plus unnamed shops around them for clusters. */
public final class Seed {
    public static final PlaceId CAFE = new PlaceId("osm:node/1001");
    public static final PlaceId MUSEUM = new PlaceId("osm:node/1002");
    public static final PlaceId BAKERY = new PlaceId("osm:node/1003");
    public static final PlaceId PHARMACY = new PlaceId("osm:node/1004");
    public static final Instant SURVEYED = Instant.parse("2024-05-04T10:00:00Z");

    private Seed() {
    }

    public static void monaco(PlaceStore store) {
        store.savePlace(new Place(CAFE, new GeoPoint(43.7396, 7.4276), "Café de Paris", "amenity=cafe", "Place du Casino"));
        store.saveReport(report(CAFE, "alice", Accessibility.YES, new Entrance(0, null, null, Quantity.centimetres(95), true, null),
                new Toilet(Quantity.centimetres(90), null, true), Accessibility.YES));
        store.savePlace(new Place(MUSEUM, new GeoPoint(43.7308, 7.4253), "Musée océanographique", "tourism=museum", "Avenue Saint-Martin"));
        store.saveReport(report(MUSEUM, "bob", Accessibility.LIMITED,
                new Entrance(1, Quantity.centimetres(5), Ramp.REMOVABLE, Quantity.centimetres(120), null, true), null, Accessibility.UNKNOWN));
        store.savePlace(new Place(BAKERY, new GeoPoint(43.7350, 7.4210), "Boulangerie du Port", "shop=bakery", null));
        store.saveReport(report(BAKERY, "bob", Accessibility.NO, new Entrance(3, Quantity.centimetres(15), Ramp.NONE, Quantity.centimetres(70), false, false),
                null, Accessibility.NO));
        store.savePlace(new Place(PHARMACY, new GeoPoint(43.7380, 7.4240), "Pharmacie centrale", "amenity=pharmacy", null));
        Random random = new Random(3);
        for (int i = 0; i < 150; i++) {
            PlaceId id = PlaceId.osm("node", 5000 + i);
            store.savePlace(new Place(id, new GeoPoint(43.725 + random.nextDouble() * 0.02, 7.41 + random.nextDouble() * 0.025), null, "shop=clothes", null));
            if (i % 3 == 0) {
                store.saveReport(report(id, "osm", Accessibility.values()[i % 4], null, null, Accessibility.UNKNOWN));
            }
        }
    }

    static Report report(PlaceId place, String author, Accessibility grade, Entrance entrance, Toilet toilet, Accessibility toilets) {
        return new Report(ReportId.generate(), place, author, SURVEYED, 1, grade, toilets, entrance, toilet, null, null,
                Map.of(), List.of(), List.of(), false);
    }
}
