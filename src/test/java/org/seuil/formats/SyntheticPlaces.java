package org.seuil.formats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Entrance;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Quantity;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;

/** Reproducible places with reports around Monaco, for export and analysis tests. */
public final class SyntheticPlaces {
    public static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final Accessibility[] GRADES = {Accessibility.NO, Accessibility.LIMITED, Accessibility.YES, Accessibility.DESIGNATED, Accessibility.UNKNOWN};

    private SyntheticPlaces() {
    }

    /** Place i has grade GRADES[i % 5], i % 4 steps, a door of 0.7 + (i % 5) / 10 m, surveyed i days before NOW; every 7th has no report. */
    public static List<PlaceRecord> monaco(int n, long seed) {
        Random random = new Random(seed);
        List<PlaceRecord> records = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            PlaceId id = new PlaceId(new UUID(seed, i).toString().toLowerCase());
            GeoPoint at = new GeoPoint(43.725 + random.nextDouble() * 0.025, 7.405 + random.nextDouble() * 0.035);
            Place place = new Place(id, at, i % 3 == 0 ? null : "Café n°" + i + " \"<&>\"", i % 2 == 0 ? "amenity=cafe" : "shop=bakery",
                    i % 4 == 0 ? null : i + " boulevard des Moulins");
            List<Report> reports = new ArrayList<>();
            if (i % 7 != 0) {
                Entrance entrance = new Entrance(i % 4, null, null, Quantity.metres(0.7 + (i % 5) / 10.0), null, null);
                reports.add(new Report(new ReportId(new UUID(seed + 1, i).toString()), id, "tester", NOW.minus(Duration.ofDays(i)), 1,
                        GRADES[i % 5], Accessibility.UNKNOWN, entrance, null, null, null, Map.of(), List.of(), List.of(), false));
            }
            records.add(new PlaceRecord(place, reports));
        }
        return records;
    }
}
