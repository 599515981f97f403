package org.seuil.formats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Criterion;
import org.seuil.domain.Entrance;
import org.seuil.domain.InvalidValueException;
import org.seuil.domain.Kerb;
import org.seuil.domain.LengthUnit;
import org.seuil.domain.OsmValues;
import org.seuil.domain.Parking;
import org.seuil.domain.PathCondition;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Quantity;
import org.seuil.domain.Ramp;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.domain.Smoothness;
import org.seuil.domain.Surface;
import org.seuil.domain.Toilet;

/**
 * Criterion values as flat OSM-style tag values ({@code wheelchair=limited}, {@code door:width=0.9}),
 * the form of CSV columns and of third-party GeoJSON properties. Lengths are written in metres and
 * slopes in percent, as plain numbers; reading also takes a unit suffix ({@code 90 cm}, {@code 5°}).
 */
public final class CriterionTags {
    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("(-?[0-9]+(?:[.,][0-9]+)?)\\s*([a-z%°]*)");
    private static final String DESCRIPTION = "wheelchair:description";
    /** BCP 47 "undetermined": a bare {@code wheelchair:description} does not say its language. */
    private static final String UNDETERMINED_LANGUAGE = "und";

    private CriterionTags() {
    }

    /**
     * The id of the one report an import makes for a place read from flat tags. It is derived from
     * the place, author and survey time, so importing the same file twice updates that report
     * instead of adding a copy.
     */
    public static ReportId importedReportId(PlaceId place, String author, Instant surveyedAt) {
        String name = "seuil-import|" + place.value() + "|" + author + "|" + surveyedAt;
        return new ReportId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
    }

    /** The tag value of a criterion value, as {@link Criterion#valueIn} returns it. */
    public static String format(Criterion criterion, Object value) {
        if (value == null) {
            return null;
        }
        return switch (criterion) {
            case STEP_HEIGHT, DOOR_WIDTH, TOILET_DOOR_WIDTH, TOILET_TURNING_SPACE -> micro(((Quantity) value).metres());
            case INCLINE -> micro(((Quantity) value).percent());
            case RAMP -> ((Ramp) value).osm();
            case AUTOMATIC_DOOR, DOORBELL, TOILET_GRAB_BARS, PARKING_STEP_FREE -> (Boolean) value ? "yes" : "no";
            case STEP_COUNT, PARKING_SPACES -> value.toString();
            case WHEELCHAIR, TOILETS_WHEELCHAIR, KERB, SURFACE, SMOOTHNESS -> OsmValues.of((Enum<?>) value);
        };
    }

    /**
     * A converted measure to six decimals, a micrometre or a millionth of a percent: finer than any
     * survey, and it hides conversion noise such as 31.5 in = 0.8000999999999999 m.
     */
    private static String micro(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    /** A number without exponent or trailing zeros, which every spreadsheet reads: 0.9, 12, 0.0001. */
    public static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /**
     * Parses the tag value of a criterion; an error names {@code field} (the column or property).
     * A blank value is "not surveyed" and gives null.
     */
    public static Object parse(Criterion criterion, String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        return switch (criterion) {
            case WHEELCHAIR, TOILETS_WHEELCHAIR -> Accessibility.fromOsm(field, value);
            case STEP_COUNT, PARKING_SPACES -> wholeNumber(field, value);
            case STEP_HEIGHT, DOOR_WIDTH, TOILET_DOOR_WIDTH, TOILET_TURNING_SPACE -> quantity(field, value, LengthUnit.METRE);
            case INCLINE -> quantity(field, value, LengthUnit.PERCENT);
            case RAMP -> Ramp.fromOsm(field, value);
            case AUTOMATIC_DOOR, DOORBELL, TOILET_GRAB_BARS, PARKING_STEP_FREE -> yesNo(field, value);
            case KERB -> OsmValues.parse(Kerb.class, field, value);
            case SURFACE -> OsmValues.parse(Surface.class, field, value);
            case SMOOTHNESS -> OsmValues.parse(Smoothness.class, field, value);
        };
    }

    /**
     * Builds one report from flat tags: every criterion key, plus {@code wheelchair:description}
     * and {@code wheelchair:description:<lang>}. Other tags are not this method's business.
     *
     * @param tags      looks a tag up by key, null when absent
     * @param fieldName turns a tag key into the field name errors should show (a column, a property path)
     */
    public static Report report(ReportId id, PlaceId place, String author, Instant surveyedAt,
                                Function<String, String> tags, Iterable<String> keys, Function<String, String> fieldName) {
        EnumMap<Criterion, Object> values = new EnumMap<>(Criterion.class);
        for (Criterion criterion : Criterion.values()) {
            Object value = parse(criterion, fieldName.apply(criterion.key()), tags.apply(criterion.key()));
            if (value != null) {
                values.put(criterion, value);
            }
        }
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (String key : keys) {
            if (key.equals(DESCRIPTION) || key.startsWith(DESCRIPTION + ":")) {
                String text = tags.apply(key);
                if (text != null && !text.isBlank()) {
                    String language = key.equals(DESCRIPTION) ? UNDETERMINED_LANGUAGE : key.substring(DESCRIPTION.length() + 1);
                    descriptions.put(language, text);
                }
            }
        }
        Entrance entrance = section(fieldName, Map.of("stepCount", Criterion.STEP_COUNT, "stepHeight", Criterion.STEP_HEIGHT,
                "doorWidth", Criterion.DOOR_WIDTH), () -> new Entrance((Integer) values.get(Criterion.STEP_COUNT),
                (Quantity) values.get(Criterion.STEP_HEIGHT), (Ramp) values.get(Criterion.RAMP),
                (Quantity) values.get(Criterion.DOOR_WIDTH), (Boolean) values.get(Criterion.AUTOMATIC_DOOR),
                (Boolean) values.get(Criterion.DOORBELL)));
        Toilet toilet = new Toilet((Quantity) values.get(Criterion.TOILET_DOOR_WIDTH),
                (Quantity) values.get(Criterion.TOILET_TURNING_SPACE), (Boolean) values.get(Criterion.TOILET_GRAB_BARS));
        Parking parking = new Parking((Integer) values.get(Criterion.PARKING_SPACES), (Boolean) values.get(Criterion.PARKING_STEP_FREE));
        PathCondition path = new PathCondition((Kerb) values.get(Criterion.KERB), (Surface) values.get(Criterion.SURFACE),
                (Smoothness) values.get(Criterion.SMOOTHNESS), (Quantity) values.get(Criterion.INCLINE));
        try {
            return new Report(id, place, author, surveyedAt, 1, (Accessibility) values.get(Criterion.WHEELCHAIR),
                    (Accessibility) values.get(Criterion.TOILETS_WHEELCHAIR), entrance, toilet, parking, path,
                    descriptions, List.of(), List.of(), false);
        } catch (InvalidValueException e) {
            if (e.field().startsWith("descriptions.")) {
                String language = e.field().substring("descriptions.".length());
                String key = language.equals(UNDETERMINED_LANGUAGE) ? DESCRIPTION : DESCRIPTION + ":" + language;
                throw new InvalidValueException(fieldName.apply(key), reason(e));
            }
            throw e;
        }
    }

    /** Runs a section constructor and names a failing field by its tag, not by the record component. */
    private static <T> T section(Function<String, String> fieldName, Map<String, Criterion> components,
                                 Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidValueException e) {
            Criterion criterion = components.get(e.field());
            if (criterion == null) {
                throw e;
            }
            throw new InvalidValueException(fieldName.apply(criterion.key()), reason(e));
        }
    }

    private static String reason(InvalidValueException e) {
        return e.getMessage().substring(e.field().length() + 2);
    }

    private static Integer wholeNumber(String field, String value) {
        if (!value.matches("[0-9]{1,9}")) {
            throw new InvalidValueException(field, "expected a whole number, got '" + abbreviate(value) + "'");
        }
        return Integer.valueOf(value);
    }

    private static Boolean yesNo(String field, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "true" -> Boolean.TRUE;
            case "no", "false" -> Boolean.FALSE;
            default -> throw new InvalidValueException(field, "expected yes or no, got '" + abbreviate(value) + "'");
        };
    }

    private static Quantity quantity(String field, String value, LengthUnit defaultUnit) {
        Matcher m = NUMBER_WITH_UNIT.matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidValueException(field, "expected a number" + (defaultUnit.isLength() ? " of metres" : " (percent)")
                    + ", got '" + abbreviate(value) + "'");
        }
        double number = Double.parseDouble(m.group(1).replace(',', '.'));
        LengthUnit unit = m.group(2).isEmpty() ? defaultUnit : LengthUnit.fromSymbol(field, m.group(2));
        if (unit.isLength() != defaultUnit.isLength()) {
            throw new InvalidValueException(field, "expected " + (defaultUnit.isLength() ? "a length" : "a slope in % or °")
                    + ", got '" + abbreviate(value) + "'");
        }
        try {
            return new Quantity(number, unit, true);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(field, reason(e));
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
