package org.seuil.store.sqlite;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.Entrance;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Quantity;
import org.seuil.domain.Ramp;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.domain.Toilet;

/**
 * Made-up OSM places for benchmarks: random points in {@link #AREA} (about the density of a
 * city region), names from syllables, one OSM report each with a few criteria. Generated lazily,
 * so a million records never sit in memory at once. The same seed gives the same places.
 */
public final class SyntheticPlaces implements Iterator<PlaceRecord> {
    /** 5° x 5°: a million places make about a hundred in a 0.05° viewport. */
    public static final BoundingBox AREA = new BoundingBox(2.0, 43.0, 7.0, 48.0);
    private static final String[] SYLLABLES = {"ca", "fé", "bou", "lan", "ge", "rie", "pha", "mar", "ci", "to",
            "mai", "son", "du", "pain", "bis", "tro", "ho", "tel", "gare", "mu", "sée", "pi", "zza", "ba"};
    private static final String[] CATEGORIES = {"amenity=cafe", "amenity=restaurant", "shop=bakery", "amenity=pharmacy",
            "tourism=hotel", "amenity=toilets", "shop=supermarket", "amenity=bar", "tourism=museum", "amenity=bank"};
    private static final Accessibility[] GRADES = {Accessibility.YES, Accessibility.LIMITED, Accessibility.NO,
            Accessibility.DESIGNATED, Accessibility.UNKNOWN};
    private static final Instant START = Instant.parse("2015-01-01T00:00:00Z");

    private final SplittableRandom random;
    private final int count;
    private int made;

    public SyntheticPlaces(int count, long seed) {
        this.count = count;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public boolean hasNext() {
        return made < count;
    }

    @Override
    public PlaceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        made++;
        PlaceId id = PlaceId.osm("node", made);
        GeoPoint at = new GeoPoint(AREA.minLat() + random.nextDouble() * (AREA.maxLat() - AREA.minLat()),
                AREA.minLon() + random.nextDouble() * (AREA.maxLon() - AREA.minLon()));
        String name = word() + " " + word();
        Place place = new Place(id, at, name, CATEGORIES[random.nextInt(CATEGORIES.length)],
                random.nextInt(100) + " rue " + word());
        Entrance entrance = new Entrance(random.nextInt(4), null, random.nextBoolean() ? Ramp.FIXED : null,
                Quantity.centimetres(70 + random.nextInt(50)), random.nextBoolean(), null);
        Toilet toilet = random.nextInt(3) == 0 ? new Toilet(Quantity.centimetres(80 + random.nextInt(20)), null, true) : null;
        Report report = new Report(ReportId.fromOsm(id), id, Report.OSM_AUTHOR,
                START.plusSeconds(random.nextLong(300_000_000L)), 1, GRADES[random.nextInt(GRADES.length)],
                GRADES[random.nextInt(GRADES.length)], entrance, toilet, null, null, Map.of(), List.of(), List.of(), false);
        return new PlaceRecord(place, List.of(report));
    }

    private String word() {
        int syllables = 2 + random.nextInt(2);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        word.setCharAt(0, Character.toUpperCase(word.charAt(0)));
        return word.toString();
    }
}
