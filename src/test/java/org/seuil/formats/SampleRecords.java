package org.seuil.formats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.seuil.domain.Accessibility;
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
import org.seuil.domain.PlaceId;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Quantity;
import org.seuil.domain.Ramp;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.domain.Smoothness;
import org.seuil.domain.Surface;
import org.seuil.domain.Toilet;

/**
 * Seeded random places that between them use every field of a report: all units, tombstones,
 * descriptions in several languages, photos, experiences, and names in many scripts.
 */
public final class SampleRecords {
    private static final String[] NAMES = {"Café de Paris", "Bäckerei Müller", "Łódź Kaliska", "東京駅", "Кафе «Пушкин»",
            "مقهى", "Crêperie \"Le Seuil\"", "O'Brien's, Pub", "Tab\there", "Line\nbreak", "😀 Emoji bar", "Ærø", "Zoë's"};
    private static final String[] CATEGORIES = {"amenity=cafe", "amenity=toilets", "shop=bakery", "tourism=museum", "amenity=pharmacy"};
    private static final String[] LANGUAGES = {"fr", "en", "de", "pt-BR", "zh-Hant"};
    private static final LengthUnit[] LENGTHS = {LengthUnit.METRE, LengthUnit.CENTIMETRE, LengthUnit.MILLIMETRE, LengthUnit.INCH};

    private final Random random;

    public SampleRecords(long seed) {
        random = new Random(seed);
    }

    public List<PlaceRecord> records(int count) {
        List<PlaceRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(record());
        }
        return records;
    }

    public PlaceRecord record() {
        PlaceId id = random.nextInt(5) == 0 ? PlaceId.osm(random.nextBoolean() ? "node" : "way", 1 + random.nextInt(1_000_000_000))
                : new PlaceId(new java.util.UUID(random.nextLong(), random.nextLong()).toString());
        GeoPoint point = switch (random.nextInt(8)) {
            case 0 -> new GeoPoint(90, 180);
            case 1 -> new GeoPoint(-90, -180);
            case 2 -> new GeoPoint(1e-9 * random.nextDouble(), -1e-7);
            default -> new GeoPoint(random.nextDouble() * 180 - 90, random.nextDouble() * 360 - 180);
        };
        Place place = new Place(id, point, maybe(NAMES), maybe(CATEGORIES), random.nextBoolean() ? "12 rue de l’Église, 75001 Paris" : null);
        int reportCount = random.nextInt(4);
        List<Report> reports = new ArrayList<>();
        for (int r = 0; r < reportCount; r++) {
            reports.add(report(id));
        }
        return new PlaceRecord(place, reports);
    }

    public Report report(PlaceId place) {
        ReportId id = random.nextInt(6) == 0 ? new ReportId("r-" + Long.toHexString(random.nextLong()) + "." + random.nextInt(1000))
                : new ReportId(new java.util.UUID(random.nextLong(), random.nextLong()).toString());
        Instant at = Instant.ofEpochSecond(946_684_800L + (long) (random.nextDouble() * 1_000_000_000L), random.nextInt(1_000_000_000));
        String author = random.nextBoolean() ? "marie.dupont@example.org" : "Zoë 42";
        Report report = new Report(id, place, author, at, 1 + random.nextInt(5),
                pick(Accessibility.values()), pick(Accessibility.values()),
                new Entrance(random.nextBoolean() ? 1 + random.nextInt(5) : null, maybeLength(),
                        random.nextBoolean() ? pick(Ramp.values()) : null, maybeLength(), maybeBool(), maybeBool()),
                new Toilet(maybeLength(), maybeLength(), maybeBool()),
                new Parking(random.nextBoolean() ? random.nextInt(20) : null, maybeBool()),
                new PathCondition(random.nextBoolean() ? pick(Kerb.values()) : null, random.nextBoolean() ? pick(Surface.values()) : null,
                        random.nextBoolean() ? pick(Smoothness.values()) : null, maybeSlope()),
                descriptions(), photos(), experiences(), false);
        return random.nextInt(10) == 0 ? report.tombstone(at.plusSeconds(3600)) : report;
    }

    private Map<String, String> descriptions() {
        Map<String, String> d = new TreeMap<>();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            d.put(pick(LANGUAGES), "Marche de " + random.nextInt(30) + " cm à l’entrée — \"attention\"\n2ᵉ ligne, 東京 😀");
        }
        return d;
    }

    private List<String> photos() {
        List<String> photos = new ArrayList<>();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            photos.add(String.format("%016x%016x%016x%016x", random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong()));
        }
        return photos;
    }

    private List<Experience> experiences() {
        List<Experience> experiences = new ArrayList<>();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            Set<Need> needs = EnumSet.noneOf(Need.class);
            needs.add(pick(Need.values()));
            if (random.nextBoolean()) {
                needs.add(pick(Need.values()));
            }
            experiences.add(new Experience(pick(ExperienceKind.values()), "Ça roule ! The staff brought a ramp.", needs, pick(LANGUAGES)));
        }
        return experiences;
    }

    private Quantity maybeLength() {
        if (random.nextBoolean()) {
            return null;
        }
        LengthUnit unit = pick(LENGTHS);
        double metres = random.nextDouble() * 2;
        double value = switch (unit) {
            case CENTIMETRE -> metres * 100;
            case MILLIMETRE -> Math.rint(metres * 1000);
            case INCH -> metres / 0.0254;
            default -> metres;
        };
        return new Quantity(value, unit, random.nextBoolean());
    }

    private Quantity maybeSlope() {
        if (random.nextBoolean()) {
            return null;
        }
        return random.nextBoolean() ? new Quantity(random.nextDouble() * 30 - 15, LengthUnit.PERCENT, random.nextBoolean())
                : new Quantity(random.nextDouble() * 10 - 5, LengthUnit.DEGREE, random.nextBoolean());
    }

    private Boolean maybeBool() {
        return random.nextBoolean() ? random.nextBoolean() : null;
    }

    private String maybe(String[] values) {
        return random.nextInt(4) == 0 ? null : pick(values);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
