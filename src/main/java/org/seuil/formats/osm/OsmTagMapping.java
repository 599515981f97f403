package org.seuil.formats.osm;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Entrance;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.InvalidValueException;
import org.seuil.domain.Kerb;
import org.seuil.domain.Parking;
import org.seuil.domain.PathCondition;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Quantity;
import org.seuil.domain.Ramp;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.domain.Smoothness;
import org.seuil.domain.Surface;
import org.seuil.domain.Toilet;

/**
 * Which OSM elements are places, and how their tags become a {@link Place} and the one report
 * authored {@code osm}. The table of tags is in docs/osm-import.md; keep the two in step.
 */
final class OsmTagMapping {
    /** Keys whose presence makes a venue, whatever the value (but "no"). */
    static final List<String> VENUE_KEYS = List.of("amenity", "shop", "tourism", "leisure", "office", "healthcare", "craft");
    private static final Map<String, Set<String>> TRANSIT = Map.of(
            "public_transport", Set.of("platform", "stop_position", "station"),
            "highway", Set.of("bus_stop", "platform"),
            "railway", Set.of("station", "halt", "platform", "tram_stop", "subway_entrance"));
    /** The category is the first of these keys present: venue keys first, then what else can carry a wheelchair tag. */
    static final List<String> CATEGORY_KEYS = List.of("amenity", "shop", "tourism", "leisure", "office", "healthcare", "craft",
            "public_transport", "railway", "highway", "aeroway", "historic", "building", "entrance", "man_made", "barrier", "natural", "place");
    /** The language of {@code wheelchair:description} without a suffix: BCP 47 "undetermined". */
    static final String UNSUFFIXED_DESCRIPTION_LANGUAGE = "und";
    private static final String DESCRIPTION = "wheelchair:description";
    private static final Pattern CATEGORY_VALUE = Pattern.compile("[^=\\s]{1,100}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern ENUM_NAME = Pattern.compile("[A-Z_]+");
    private static final Pattern GRAB_BAR_SIDES = Pattern.compile("(left|right|both|back|fold_down|fixed)([;,]\\s*(left|right|both|back|fold_down|fixed))*");
    private static final int MAX_TEXT = 500;
    private static final double MIN_DOOR_METRES = 0.3;
    private static final double MAX_DOOR_METRES = 5;
    private static final Instant EARLIEST_CHECK = Instant.parse("1990-01-01T00:00:00Z");
    private static final Instant LATEST_CHECK = Instant.parse("2100-01-01T00:00:00Z");

    private final OsmTags tags;
    private final String element;
    private final Warnings warnings;

    private OsmTagMapping(OsmTags tags, String element, Warnings warnings) {
        this.tags = tags;
        this.element = element;
        this.warnings = warnings;
    }

    /** A venue or anything with a wheelchair tag is a place; route relations are lines, never places. */
    static boolean isPlace(ElementType type, OsmTags tags) {
        if (tags.isEmpty()) {
            return false;
        }
        if (type == ElementType.RELATION) {
            String relationType = tags.get("type");
            if ("route".equals(relationType) || "route_master".equals(relationType)) {
                return false;
            }
        }
        return isVenue(tags) || hasWheelchairTag(tags);
    }

    static boolean isVenue(OsmTags tags) {
        for (String key : VENUE_KEYS) {
            String value = tags.get(key);
            if (value != null && !value.equals("no")) {
                return true;
            }
        }
        for (Map.Entry<String, Set<String>> transit : TRANSIT.entrySet()) {
            String value = tags.get(transit.getKey());
            if (value != null && transit.getValue().contains(value)) {
                return true;
            }
        }
        return false;
    }

    /** {@code wheelchair}, {@code wheelchair:*}, {@code *:wheelchair} and {@code *:wheelchair:*}. */
    static boolean hasWheelchairTag(OsmTags tags) {
        for (String key : tags.keys()) {
            if (key.equals("wheelchair") || key.startsWith("wheelchair:") || key.endsWith(":wheelchair") || key.contains(":wheelchair:")) {
                return true;
            }
        }
        return false;
    }

    static Place place(PlaceId id, GeoPoint location, OsmTags tags, Warnings warnings) {
        OsmTagMapping mapping = new OsmTagMapping(tags, id.value().substring(4), warnings);
        return new Place(id, location, mapping.name(), mapping.category(), mapping.address());
    }

    /**
     * The element's tags as one report. It is made even when no accessibility tag is left, so that
     * a re-import replaces a report whose tags were removed in OSM since the last import.
     *
     * @param elementTime when the element was last edited
     */
    static Report report(PlaceId id, Instant elementTime, OsmTags tags, Warnings warnings) {
        OsmTagMapping mapping = new OsmTagMapping(tags, id.value().substring(4), warnings);
        return new Report(ReportId.fromOsm(id), id, Report.OSM_AUTHOR, mapping.surveyedAt(elementTime), 1,
                mapping.grade("wheelchair"), mapping.grade("toilets:wheelchair"),
                mapping.part("entrance", mapping::entrance, Entrance.NOT_SURVEYED),
                mapping.part("toilet", mapping::toilet, Toilet.NOT_SURVEYED),
                mapping.part("parking", mapping::parking, Parking.NOT_SURVEYED),
                mapping.part("path", mapping::path, PathCondition.NOT_SURVEYED),
                mapping.descriptions(), List.of(), List.of(), false);
    }

    private String name() {
        return text(tags.firstKey("name", "name:en", "name:fr"));
    }

    private String category() {
        for (String key : CATEGORY_KEYS) {
            String value = tags.get(key);
            if (value == null || value.equals("no")) {
                continue;
            }
            String normalized = WHITESPACE.matcher(value).replaceAll("_");
            if (CATEGORY_VALUE.matcher(normalized).matches()) {
                return key + "=" + normalized;
            }
            warnings.add(element, key, "'" + abbreviate(value) + "' cannot be a category (1-100 characters, no '=')");
        }
        return null;
    }

    private String address() {
        String street = tags.first("addr:street", "addr:place");
        String number = tags.get("addr:housenumber");
        String postcode = tags.get("addr:postcode");
        String city = tags.get("addr:city");
        String line1 = join(" ", number, street);
        String line2 = join(" ", postcode, city);
        String address = join(", ", line1, line2);
        if (address == null) {
            return null;
        }
        if (address.length() > MAX_TEXT || address.indexOf('\0') >= 0) {
            warnings.add(element, "addr:*", "address is longer than " + MAX_TEXT + " characters or holds a NUL");
            return null;
        }
        return address;
    }

    private static String join(String separator, String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + separator + second;
    }

    /** A free-text tag, or null when absent, blank, too long or holding a NUL (a warning). */
    private String text(String key) {
        if (key == null) {
            return null;
        }
        String value = tags.get(key);
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_TEXT || value.indexOf('\0') >= 0) {
            warnings.add(element, key, "is longer than " + MAX_TEXT + " characters or holds a NUL");
            return null;
        }
        return value;
    }

    /** The element's time, or the check date of its wheelchair tags when that is later. */
    private Instant surveyedAt(Instant elementTime) {
        Instant surveyed = elementTime;
        for (String key : new String[] {"check_date:wheelchair", "check_date"}) {
            String value = tags.get(key);
            if (value == null) {
                continue;
            }
            Instant checked = checkDate(key, value);
            if (checked != null && checked.isAfter(surveyed)) {
                surveyed = checked;
            }
        }
        return surveyed;
    }

    private Instant checkDate(String key, String value) {
        Instant date;
        try {
            if (value.length() == 10) {
                date = LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else if (value.length() == 7) {
                date = YearMonth.parse(value).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                throw new DateTimeParseException("not a date", value, 0);
            }
        } catch (DateTimeParseException e) {
            warnings.add(element, key, "'" + abbreviate(value) + "' is not a date such as 2021-04-21");
            return null;
        }
        if (date.isBefore(EARLIEST_CHECK) || date.isAfter(LATEST_CHECK)) {
            warnings.add(element, key, value + " is not between 1990 and 2100");
            return null;
        }
        return date;
    }

    /** yes / limited / no / designated; anything else (unknown included) is a warning and UNKNOWN. */
    private Accessibility grade(String key) {
        String value = tags.get(key);
        if (value == null) {
            return Accessibility.UNKNOWN;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "yes":
                return Accessibility.YES;
            case "limited":
                return Accessibility.LIMITED;
            case "no":
                return Accessibility.NO;
            case "designated":
                return Accessibility.DESIGNATED;
            default:
                warnings.add(element, key, "'" + abbreviate(value) + "' is not yes, limited, no or designated");
                return Accessibility.UNKNOWN;
        }
    }

    private Entrance entrance() {
        Integer steps = read("entrance:step_count", TagValues::count, "step_count");
        Quantity stepHeight = read("entrance:step:height", TagValues::length, "step:height");
        if (steps != null && steps == 0 && stepHeight != null && stepHeight.value() > 0) {
            warnings.add(element, "step:height", "a step height is given but the step count is 0");
            stepHeight = null;
        }
        Ramp ramp = read("ramp:wheelchair", v -> Ramp.fromOsm("ramp:wheelchair", v), "ramp");
        Quantity doorWidth = read("door:width", TagValues::length, "entrance:width");
        if (doorWidth == null && (tags.get("entrance") != null || tags.get("door") != null)) {
            doorWidth = read("width", TagValues::length);
        }
        if (doorWidth != null && (doorWidth.metres() < MIN_DOOR_METRES || doorWidth.metres() > MAX_DOOR_METRES)) {
            warnings.add(element, "door:width", doorWidth + " is not a door width (" + MIN_DOOR_METRES + " to " + MAX_DOOR_METRES + " m)");
            doorWidth = null;
        }
        Boolean automatic = read("automatic_door", this::automaticDoor);
        Boolean doorbell = read("entrance:doorbell", TagValues::yesNo, "doorbell");
        return new Entrance(steps, stepHeight, ramp, doorWidth, automatic, doorbell);
    }

    /** OSM {@code automatic_door} says how the door opens: button, motion, floor... all mean yes. */
    private Boolean automaticDoor(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "no" -> false;
            case "yes", "button", "motion", "floor", "continuous", "slowdown_button" -> true;
            default -> throw new IllegalArgumentException("'" + value + "' is not no, yes, button, motion, floor, continuous or slowdown_button");
        };
    }

    private Toilet toilet() {
        Quantity door = read("toilets:door:width", TagValues::length, "toilets:wheelchair:door:width");
        Quantity turning = read("toilets:wheelchair:turning_circle", TagValues::length);
        Boolean grabBars = read("toilets:wheelchair:grab_bars", this::grabBars, "toilets:wheelchair:grab_rails", "toilets:grab_rails");
        return new Toilet(door, turning, grabBars);
    }

    /** Grab rails are tagged yes / no or by side (left, right, both...): any side is yes. */
    private Boolean grabBars(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.equals("no")) {
            return false;
        }
        if (v.equals("yes") || GRAB_BAR_SIDES.matcher(v).matches()) {
            return true;
        }
        throw new IllegalArgumentException("'" + value + "' is not yes, no or a side (left, right, both)");
    }

    private Parking parking() {
        String key = "capacity:disabled";
        String value = tags.get(key);
        Integer spaces = null;
        if (value != null && !value.equals("yes")) {
            // "yes" says there are disabled spaces without saying how many: not a count.
            spaces = value.equals("no") ? Integer.valueOf(0) : read(key, TagValues::count);
        }
        Boolean stepFree = read("parking:step_free", TagValues::yesNo);
        return new Parking(spaces, stepFree);
    }

    private PathCondition path() {
        Kerb kerb = read("kerb", this::kerb);
        if (kerb == null) {
            Quantity height = read("kerb:height", TagValues::length);
            if (height != null) {
                kerb = kerbOfHeight(height);
            }
        }
        Surface surface = read("surface", this::surface);
        Smoothness smoothness = read("smoothness", v -> Enum.valueOf(Smoothness.class, enumName(v)));
        Quantity incline = read("incline", TagValues::incline);
        return new PathCondition(kerb, surface, smoothness, incline);
    }

    private Kerb kerb(String value) {
        if (value.equals("yes")) {
            return null; // a kerb of unknown height says nothing a wheelchair user can use
        }
        return Enum.valueOf(Kerb.class, enumName(value));
    }

    /** As the OSM wiki reads kerb:height: 0 is flush, up to 3 cm lowered, higher raised. */
    static Kerb kerbOfHeight(Quantity height) {
        double metres = height.metres();
        if (metres == 0) {
            return Kerb.FLUSH;
        }
        return metres <= 0.03 ? Kerb.LOWERED : Kerb.RAISED;
    }

    private Surface surface(String value) {
        String base = value.toLowerCase(Locale.ROOT);
        int colon = base.indexOf(':');
        if (colon > 0) {
            base = base.substring(0, colon); // concrete:plates, concrete:lanes
        }
        if (base.equals("earth") || base.equals("mud")) {
            base = "dirt";
        }
        return Enum.valueOf(Surface.class, enumName(base));
    }

    private static String enumName(String value) {
        String name = value.strip().toUpperCase(Locale.ROOT);
        if (!ENUM_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a known value");
        }
        return name;
    }

    private Map<String, String> descriptions() {
        TreeMap<String, String> descriptions = new TreeMap<>();
        for (String key : tags.keys()) {
            if (!key.equals(DESCRIPTION) && !key.startsWith(DESCRIPTION + ":")) {
                continue;
            }
            String language = key.equals(DESCRIPTION) ? UNSUFFIXED_DESCRIPTION_LANGUAGE
                    : key.substring(DESCRIPTION.length() + 1).replace('_', '-');
            if (!LANGUAGE.matcher(language).matches()) {
                warnings.add(element, key, "'" + abbreviate(language) + "' is not a language tag such as en or fr");
                continue;
            }
            String text = text(key);
            if (text != null && descriptions.size() < 20) {
                descriptions.put(language, text);
            }
        }
        return descriptions;
    }

    /** Builds a part of the report; a combination the domain rejects is a warning and leaves the part out. */
    private <T> T part(String name, Supplier<T> build, T none) {
        try {
            return build.get();
        } catch (InvalidValueException e) {
            warnings.add(element, name, e.getMessage());
            return none;
        }
    }

    @FunctionalInterface
    private interface ValueReader<T> {
        T read(String value);
    }

    /** The value of the first key present, read; an unreadable value is a warning and null. */
    private <T> T read(String key, ValueReader<T> reader, String... fallbackKeys) {
        String[] keys = new String[fallbackKeys.length + 1];
        keys[0] = key;
        System.arraycopy(fallbackKeys, 0, keys, 1, fallbackKeys.length);
        String found = tags.firstKey(keys);
        if (found == null) {
            return null;
        }
        String value = tags.get(found);
        try {
            return reader.read(value);
        } catch (IllegalArgumentException e) {
            String reason = e instanceof InvalidValueException invalid ? invalid.getMessage().substring(invalid.field().length() + 2)
                    : e.getMessage();
            if (reason == null || reason.startsWith("No enum constant")) {
                reason = "'" + abbreviate(value) + "' is not a known value";
            }
            warnings.add(element, found, reason);
            return null;
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 60) + "…";
    }
}
