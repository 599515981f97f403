package org.seuil.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.InvalidValueException;
import org.seuil.formats.InputException;
import org.seuil.formats.area.AreaReader;
import org.seuil.store.PlaceFilter;
import org.seuil.store.sqlite.SqlitePlaceStore;
import picocli.CommandLine.Option;

/**
 * {@code --bbox}, {@code --where} (including an audit campaign's district), {@code --surveyed-between} and {@code --polygon}: which places an
 * export or a statistic covers. Every bad value is refused with the option's name and what is wrong.
 */
public final class FilterOptions {
    @Option(names = "--bbox", paramLabel = "minLon,minLat,maxLon,maxLat", description = "Only places in this box (WGS 84 degrees).")
    String bbox;

    @Option(names = "--where", paramLabel = "KEY=V1,V2", description = {
            "Only places matching, e.g. wheelchair=no,limited, toilets=no (the toilet rating), category=amenity,shop=bakery",
            "or campaign=NAME (inside the district of that audit campaign: its id, id prefix or name).",
            "Repeatable; conditions add up."})
    String[] where = new String[0];

    @Option(names = "--surveyed-between", paramLabel = "FROM..TO", description = {
            "Only places last surveyed between these days (UTC, both included), e.g. 2020-01-01..2024-12-31;",
            "either end may be left out: 2023-01-01.. or ..2022-12-31. Places never surveyed are left out."})
    String surveyedBetween;

    @Option(names = "--polygon", paramLabel = "FILE", description = {
            "Only places inside the polygon(s) of this GeoJSON (.geojson, .json) or KML (.kml) file, in WGS 84."})
    Path polygon;

    /** @param store opened only when a campaign is named, to read its district */
    public PlaceFilter filter(StoreOption store) {
        BoundingBox box = bbox == null ? BoundingBox.WORLD : BoundingBox.parse(bbox);
        Set<Accessibility> grades = EnumSet.noneOf(Accessibility.class);
        Set<Accessibility> toilets = EnumSet.noneOf(Accessibility.class);
        Set<String> categories = new HashSet<>();
        String campaign = null;
        for (String condition : where) {
            int eq = condition.indexOf('=');
            if (eq <= 0) {
                throw new InvalidValueException("--where", "'" + condition + "' is not KEY=VALUE[,VALUE...]");
            }
            String key = condition.substring(0, eq).strip();
            String[] values = condition.substring(eq + 1).split(",");
            switch (key) {
                case "wheelchair" -> {
                    for (String v : values) {
                        grades.add(Accessibility.fromOsm("--where wheelchair", v));
                    }
                }
                case "toilets", "toilets:wheelchair" -> {
                    for (String v : values) {
                        toilets.add(Accessibility.fromOsm("--where " + key, v));
                    }
                }
                case "category" -> {
                    for (String v : values) {
                        categories.add(v.strip());
                    }
                }
                case "campaign" -> {
                    if (campaign != null || values.length != 1 || values[0].isBlank()) {
                        throw new InvalidValueException("--where campaign", "names one campaign, got '" + condition.substring(eq + 1) + "'");
                    }
                    campaign = values[0].strip();
                }
                default -> throw new InvalidValueException("--where", "unknown key '" + key + "', expected wheelchair, toilets, category or campaign");
            }
        }
        Instant[] between = surveyedBetween == null ? new Instant[2] : parseBetween(surveyedBetween);
        Geometry area = polygon == null ? null : readPolygon(polygon);
        if (campaign != null) {
            Geometry district = districtOf(store, campaign);
            // Both given: the part of the file's polygon that lies in the district.
            area = area == null ? district : area.intersection(district);
        }
        return new PlaceFilter(box, grades, toilets, categories, between[0], between[1], area);
    }

    /** {@code FROM..TO} as [start of FROM, start of the day after TO) in UTC; a missing end is null. */
    static Instant[] parseBetween(String text) {
        String option = "--surveyed-between";
        int dots = text.indexOf("..");
        if (dots < 0) {
            throw new InvalidValueException(option, "'" + text + "' is not FROM..TO, e.g. 2020-01-01..2024-12-31");
        }
        String from = text.substring(0, dots).strip();
        String to = text.substring(dots + 2).strip();
        if (from.isEmpty() && to.isEmpty()) {
            throw new InvalidValueException(option, "'" + text + "' gives neither a start nor an end day");
        }
        LocalDate start = from.isEmpty() ? null : day(option, "start", from);
        LocalDate end = to.isEmpty() ? null : day(option, "end", to);
        if (start != null && end != null && start.isAfter(end)) {
            throw new InvalidValueException(option, "the start " + start + " is after the end " + end);
        }
        return new Instant[] {start == null ? null : start.atStartOfDay().toInstant(ZoneOffset.UTC),
            end == null ? null : end.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)};
    }

    private static LocalDate day(String option, String which, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(option, "the " + which + " '" + text + "' is not a day written YYYY-MM-DD");
        }
    }

    private static Geometry districtOf(StoreOption store, String campaign) {
        try (SqlitePlaceStore s = store.open()) {
            return s.campaigns().find(campaign).district().area();
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("--where campaign", e.getMessage());
        }
    }

    private static Geometry readPolygon(Path file) {
        try {
            return AreaReader.read(file);
        } catch (InputException e) {
            throw new InvalidValueException("--polygon", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("--polygon", file + ": " + e.getMessage());
        }
    }
}
