package org.seuil.formats.json;

import static org.seuil.formats.json.PlainJson.once;
import static org.seuil.formats.json.PlainJson.text;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Entrance;
import org.seuil.domain.Experience;
import org.seuil.domain.ExperienceKind;
import org.seuil.domain.Kerb;
import org.seuil.domain.LengthUnit;
import org.seuil.domain.Need;
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
 * Reads a report straight from the parser's tokens into the domain records, with no tree: a
 * Jackson tree per report was most of the time of reading a pushed batch or a change page.
 *
 * <p>It reads only what {@link ReportJson#read} accepts, in any field order, and gives the same
 * record; anything else (an unknown or repeated field, a value of another type, a value the
 * records refuse) stops it with {@link ReportJson.NotPlain}, and the caller reads the same text
 * again with {@link ReportJson#read}, whose message names the field. So there is one set of
 * rules and one set of messages, and the fast reader can only be faster, never more lenient.
 */
final class PlainReportReader {
    /** Where the records' own checks would name a field; unused, as errors are left to the tree reader. */
    private static final String NO_PATH = "report";

    private PlainReportReader() {
    }

    /** Reads the object starting at the parser's current token; leaves the parser on its END_OBJECT. */
    static Report read(JsonParser p) throws IOException {
        return PlainJson.read(p, PlainReportReader::readObject);
    }

    private static Report readObject(JsonParser p) throws IOException {
        expectObject(p.currentToken());
        String id = null;
        String placeId = null;
        String author = null;
        String surveyedAt = null;
        Integer revision = null;
        Boolean deleted = null;
        String wheelchair = null;
        String toilets = null;
        Entrance entrance = null;
        Toilet toilet = null;
        Parking parking = null;
        PathCondition path = null;
        Map<String, String> descriptions = null;
        List<String> photos = null;
        List<Experience> experiences = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            int bit;
            switch (name) {
                case "id" -> { bit = 1; id = text(p, t); }
                case "placeId" -> { bit = 1 << 1; placeId = text(p, t); }
                case "author" -> { bit = 1 << 2; author = text(p, t); }
                case "surveyedAt" -> { bit = 1 << 3; surveyedAt = text(p, t); }
                case "revision" -> { bit = 1 << 4; revision = integer(p, t); }
                case "deleted" -> { bit = 1 << 5; deleted = bool(t); }
                case "wheelchair" -> { bit = 1 << 6; wheelchair = text(p, t); }
                case "toiletsWheelchair" -> { bit = 1 << 7; toilets = text(p, t); }
                case "entrance" -> { bit = 1 << 8; entrance = t == JsonToken.VALUE_NULL ? null : entrance(p, t); }
                case "toilet" -> { bit = 1 << 9; toilet = t == JsonToken.VALUE_NULL ? null : toilet(p, t); }
                case "parking" -> { bit = 1 << 10; parking = t == JsonToken.VALUE_NULL ? null : parking(p, t); }
                case "path" -> { bit = 1 << 11; path = t == JsonToken.VALUE_NULL ? null : path(p, t); }
                case "descriptions" -> { bit = 1 << 12; descriptions = t == JsonToken.VALUE_NULL ? null : descriptions(p, t); }
                case "photos" -> { bit = 1 << 13; photos = t == JsonToken.VALUE_NULL ? null : strings(p, t); }
                case "experiences" -> { bit = 1 << 14; experiences = t == JsonToken.VALUE_NULL ? null : experiences(p, t); }
                default -> throw ReportJson.NotPlain.INSTANCE;
            }
            if ((seen & bit) != 0) {
                throw ReportJson.NotPlain.INSTANCE; // the tree keeps the last of repeated fields: leave that to it
            }
            seen |= bit;
        }
        if (id == null || placeId == null || author == null || surveyedAt == null) {
            throw ReportJson.NotPlain.INSTANCE;
        }
        Instant surveyed = ReportJson.secondsInUtc(surveyedAt);
        if (surveyed == null) {
            throw ReportJson.NotPlain.INSTANCE; // other ISO forms: the tree reader parses them fully
        }
        return new Report(new ReportId(id), new PlaceId(placeId), author, surveyed, revision == null ? 1 : revision,
                wheelchair == null ? null : Accessibility.fromOsm(NO_PATH, wheelchair),
                toilets == null ? null : Accessibility.fromOsm(NO_PATH, toilets),
                entrance, toilet, parking, path, descriptions == null ? Map.of() : descriptions,
                photos == null ? List.of() : photos, experiences == null ? List.of() : experiences,
                Boolean.TRUE.equals(deleted));
    }

    private static Entrance entrance(JsonParser p, JsonToken start) throws IOException {
        expectObject(start);
        Integer stepCount = null;
        Quantity stepHeight = null;
        String ramp = null;
        Quantity doorWidth = null;
        Boolean automaticDoor = null;
        Boolean doorbell = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            int bit;
            switch (name) {
                case "stepCount" -> { bit = 1; stepCount = integer(p, t); }
                case "stepHeight" -> { bit = 1 << 1; stepHeight = quantity(p, t); }
                case "ramp" -> { bit = 1 << 2; ramp = text(p, t); }
                case "doorWidth" -> { bit = 1 << 3; doorWidth = quantity(p, t); }
                case "automaticDoor" -> { bit = 1 << 4; automaticDoor = bool(t); }
                case "doorbell" -> { bit = 1 << 5; doorbell = bool(t); }
                default -> throw ReportJson.NotPlain.INSTANCE;
            }
            seen = once(seen, bit);
        }
        return new Entrance(stepCount, stepHeight, ramp == null ? null : OsmValues.parse(Ramp.class, NO_PATH, ramp),
                doorWidth, automaticDoor, doorbell);
    }

    private static Toilet toilet(JsonParser p, JsonToken start) throws IOException {
        expectObject(start);
        Quantity doorWidth = null;
        Quantity turningSpace = null;
        Boolean grabBars = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            int bit;
            switch (name) {
                case "doorWidth" -> { bit = 1; doorWidth = quantity(p, t); }
                case "turningSpace" -> { bit = 1 << 1; turningSpace = quantity(p, t); }
                case "grabBars" -> { bit = 1 << 2; grabBars = bool(t); }
                default -> throw ReportJson.NotPlain.INSTANCE;
            }
            seen = once(seen, bit);
        }
        return new Toilet(doorWidth, turningSpace, grabBars);
    }

    private static Parking parking(JsonParser p, JsonToken start) throws IOException {
        expectObject(start);
        Integer disabledSpaces = null;
        Boolean stepFree = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            int bit;
            switch (name) {
                case "disabledSpaces" -> { bit = 1; disabledSpaces = integer(p, t); }
                case "stepFreeToEntrance" -> { bit = 1 << 1; stepFree = bool(t); }
                default -> throw ReportJson.NotPlain.INSTANCE;
            }
            seen = once(seen, bit);
        }
        return new Parking(disabledSpaces, stepFree);
    }

    private static PathCondition path(JsonParser p, JsonToken start) throws IOException {
        expectObject(start);
        String kerb = null;
        String surface = null;
        String smoothness = null;
        Quantity incline = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            int bit;
            switch (name) {
                case "kerb" -> { bit = 1; kerb = text(p, t); }
                case "surface" -> { bit = 1 << 1; surface = text(p, t); }
                case "smoothness" -> { bit = 1 << 2; smoothness = text(p, t); }
                case "incline" -> { bit = 1 << 3; incline = quantity(p, t); }
                default -> throw ReportJson.NotPlain.INSTANCE;
            }
            seen = once(seen, bit);
        }
        return new PathCondition(kerb == null ? null : OsmValues.parse(Kerb.class, NO_PATH, kerb),
                surface == null ? null : OsmValues.parse(Surface.class, NO_PATH, surface),
                smoothness == null ? null : OsmValues.parse(Smoothness.class, NO_PATH, smoothness), incline);
    }

    /** A measure {@code {"value": 0.06, "unit": "m", "measured": true}}; null for a JSON null. */
    private static Quantity quantity(JsonParser p, JsonToken start) throws IOException {
        if (start == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject(start);
        Double value = null;
        String unit = null;
        Boolean measured = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            int bit;
            switch (name) {
                case "value" -> { bit = 1; value = number(p, t); }
                case "unit" -> { bit = 1 << 1; unit = text(p, t); }
                case "measured" -> { bit = 1 << 2; measured = bool(t); }
                default -> throw ReportJson.NotPlain.INSTANCE;
            }
            seen = once(seen, bit);
        }
        if (value == null) {
            throw ReportJson.NotPlain.INSTANCE;
        }
        return new Quantity(value, unit == null ? LengthUnit.METRE : LengthUnit.fromSymbol(NO_PATH, unit), measured == null || measured);
    }

    private static Map<String, String> descriptions(JsonParser p, JsonToken start) throws IOException {
        expectObject(start);
        Map<String, String> result = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String language = p.currentName();
            if (p.nextToken() != JsonToken.VALUE_STRING || result.put(language, p.getText()) != null) {
                throw ReportJson.NotPlain.INSTANCE;
            }
        }
        return result;
    }

    /** An array of strings; the parser is on its START_ARRAY. */
    private static List<String> strings(JsonParser p, JsonToken start) throws IOException {
        if (start != JsonToken.START_ARRAY) {
            throw ReportJson.NotPlain.INSTANCE;
        }
        List<String> result = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.VALUE_STRING) {
                throw ReportJson.NotPlain.INSTANCE;
            }
            result.add(p.getText());
        }
        return result;
    }

    private static List<Experience> experiences(JsonParser p, JsonToken start) throws IOException {
        if (start != JsonToken.START_ARRAY) {
            throw ReportJson.NotPlain.INSTANCE;
        }
        List<Experience> result = new ArrayList<>();
        JsonToken item;
        while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
            expectObject(item);
            String kind = null;
            String text = null;
            List<String> needNames = null;
            String language = null;
            int seen = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                int bit;
                switch (name) {
                    case "kind" -> { bit = 1; kind = text(p, t); }
                    case "text" -> { bit = 1 << 1; text = text(p, t); }
                    case "needs" -> { bit = 1 << 2; needNames = t == JsonToken.VALUE_NULL ? null : strings(p, t); }
                    case "language" -> { bit = 1 << 3; language = text(p, t); }
                    default -> throw ReportJson.NotPlain.INSTANCE;
                }
                seen = once(seen, bit);
            }
            Set<Need> needs = EnumSet.noneOf(Need.class);
            if (needNames != null) {
                for (String need : needNames) {
                    needs.add(OsmValues.parse(Need.class, NO_PATH, need));
                }
            }
            result.add(new Experience(kind == null ? null : OsmValues.parse(ExperienceKind.class, NO_PATH, kind), text, needs, language));
        }
        return result;
    }

    // ---------------------------------------------------------------- values

    private static void expectObject(JsonToken t) {
        if (t != JsonToken.START_OBJECT) {
            throw ReportJson.NotPlain.INSTANCE;
        }
    }

    private static Integer integer(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            return p.getIntValue();
        }
        throw ReportJson.NotPlain.INSTANCE;
    }

    /** A finite number, integral or not; null for a JSON null. */
    static Double number(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            double d = p.getDoubleValue();
            if (Double.isFinite(d)) {
                return d;
            }
        }
        throw ReportJson.NotPlain.INSTANCE;
    }

    private static Boolean bool(JsonToken t) {
        return switch (t) {
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw ReportJson.NotPlain.INSTANCE;
        };
    }
}
