package org.seuil.sync.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Entrance;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Quantity;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;

/** Small places and reports in Monaco for protocol, server and sync tests. */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private Fixtures() {
    }

    public static Place place(String uuid, double lon, double lat) {
        return new Place(new PlaceId(uuid), new GeoPoint(lat, lon), "Café " + uuid.substring(0, 4), "amenity=cafe", "1 rue Grimaldi");
    }

    public static Report report(String reportUuid, Place place, String author, int revision, Accessibility grade, int steps) {
        return new Report(new ReportId(reportUuid), place.id(), author, T0.plusSeconds(revision), revision, grade, Accessibility.UNKNOWN,
                new Entrance(steps, steps == 0 ? null : Quantity.centimetres(6), null, Quantity.centimetres(90), null, null),
                null, null, null, Map.of("fr", "Entrée côté port"), List.of(), List.of(), false);
    }

    public static ReportFeature feature(String placeUuid, String reportUuid, String author, int revision, Accessibility grade, int steps) {
        Place p = place(placeUuid, 7.42 + (placeUuid.hashCode() % 100) / 10_000.0, 43.73 + (reportUuid.hashCode() % 100) / 10_000.0);
        return new ReportFeature(p, report(reportUuid, p, author, revision, grade, steps));
    }

    public static String uuid(int n) {
        return String.format("00000000-0000-4000-8000-%012d", n);
    }
}
