package org.seuil.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One person's survey of one place at one time. Reports are observations: they are appended,
 * edited only by their author (each edit raises {@code revision}), and deleted as tombstones so the
 * deletion can sync.
 *
 * @param descriptions free text per language tag, OSM {@code wheelchair:description:<lang>}
 * @param photos       SHA-256 (lower-case hex) of photo files kept in the data folder
 */
public record Report(ReportId id, PlaceId placeId, String author, Instant surveyedAt, int revision,
                     Accessibility wheelchair, Accessibility toiletsWheelchair,
                     Entrance entrance, Toilet toilet, Parking parking, PathCondition path,
                     Map<String, String> descriptions, List<String> photos, List<Experience> experiences,
                     boolean deleted) {
    public static final String OSM_AUTHOR = "osm";
    private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public Report {
        if (id == null) {
            throw new InvalidValueException("id", "is required");
        }
        if (placeId == null) {
            throw new InvalidValueException("placeId", "is required");
        }
        if (author == null || !TextShapes.isAuthor(author)) {
            throw new InvalidValueException("author", "'" + PlaceId.abbreviate(author) + "' must be 1-100 letters, digits, spaces or . _ @ -");
        }
        if (surveyedAt == null) {
            throw new InvalidValueException("surveyedAt", "is required");
        }
        if (surveyedAt.isBefore(EARLIEST) || surveyedAt.isAfter(LATEST)) {
            throw new InvalidValueException("surveyedAt", surveyedAt + " is not between 1990 and 2100");
        }
        if (revision < 1) {
            throw new InvalidValueException("revision", "must be at least 1, got " + revision);
        }
        wheelchair = wheelchair == null ? Accessibility.UNKNOWN : wheelchair;
        toiletsWheelchair = toiletsWheelchair == null ? Accessibility.UNKNOWN : toiletsWheelchair;
        entrance = entrance == null ? Entrance.NOT_SURVEYED : entrance;
        toilet = toilet == null ? Toilet.NOT_SURVEYED : toilet;
        parking = parking == null ? Parking.NOT_SURVEYED : parking;
        path = path == null ? PathCondition.NOT_SURVEYED : path;
        descriptions = checkDescriptions(descriptions);
        photos = Checks.list("photos", photos);
        for (String photo : photos) {
            if (!SHA256.matcher(photo).matches()) {
                throw new InvalidValueException("photos", "'" + PlaceId.abbreviate(photo) + "' is not a lower-case SHA-256");
            }
        }
        experiences = Checks.list("experiences", experiences);
    }

    private static Map<String, String> checkDescriptions(Map<String, String> descriptions) {
        if (descriptions == null || descriptions.isEmpty()) {
            return Map.of();
        }
        Checks.noNullEntries("descriptions", descriptions);
        if (descriptions.size() > 20) {
            throw new InvalidValueException("descriptions", "has " + descriptions.size() + " languages, at most 20 allowed");
        }
        TreeMap<String, String> checked = new TreeMap<>();
        descriptions.forEach((lang, text) -> {
            String field = "descriptions." + lang;
            LanguageTag.check(field, lang);
            String t = Checks.optionalText(field, text, Checks.MAX_TEXT);
            if (t != null) {
                checked.put(lang, t);
            }
        });
        return java.util.Collections.unmodifiableMap(checked);
    }

    /** A new report with nothing surveyed yet, for builders and forms. */
    public static Report blank(ReportId id, PlaceId placeId, String author, Instant surveyedAt) {
        return new Report(id, placeId, author, surveyedAt, 1, Accessibility.UNKNOWN, Accessibility.UNKNOWN,
                null, null, null, null, Map.of(), List.of(), List.of(), false);
    }

    public boolean fromOsm() {
        return OSM_AUTHOR.equals(author);
    }

    /** The tombstone that replaces this report when its author deletes it. */
    public Report tombstone(Instant at) {
        return new Report(id, placeId, author, at, revision + 1, Accessibility.UNKNOWN, Accessibility.UNKNOWN,
                null, null, null, null, Map.of(), List.of(), List.of(), true);
    }

    public Report withRevision(int newRevision) {
        return new Report(id, placeId, author, surveyedAt, newRevision, wheelchair, toiletsWheelchair, entrance, toilet,
                parking, path, descriptions, photos, experiences, deleted);
    }
}
