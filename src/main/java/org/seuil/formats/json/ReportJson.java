package org.seuil.formats.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Entrance;
import org.seuil.domain.Experience;
import org.seuil.domain.ExperienceKind;
import org.seuil.domain.InvalidValueException;
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
 * The JSON form of a {@link Report}, shared by GeoJSON files, the local store and the sync
 * protocol so that all three say the same thing the same way. Empty sections and unsurveyed
 * fields are left out; unknown fields are refused so a typo is not silently lost.
 */
public final class ReportJson {
    private static final Set<String> REPORT_FIELDS = Set.of("id", "placeId", "author", "surveyedAt", "revision",
            "wheelchair", "toiletsWheelchair", "entrance", "toilet", "parking", "path", "descriptions", "photos",
            "experiences", "deleted");
    private static final Set<String> ENTRANCE_FIELDS = Set.of("stepCount", "stepHeight", "ramp", "doorWidth", "automaticDoor", "doorbell");
    private static final Set<String> TOILET_FIELDS = Set.of("doorWidth", "turningSpace", "grabBars");
    private static final Set<String> PARKING_FIELDS = Set.of("disabledSpaces", "stepFreeToEntrance");
    private static final Set<String> PATH_FIELDS = Set.of("kerb", "surface", "smoothness", "incline");
    private static final Set<String> QUANTITY_FIELDS = Set.of("value", "unit", "measured");
    private static final Set<String> EXPERIENCE_FIELDS = Set.of("kind", "text", "needs", "language");

    private static final ObjectMapper TREES = new ObjectMapper(Json.FACTORY);

    private ReportJson() {
    }

    /**
     * Thrown by {@link #readPlain} when the report strays from what it reads without a tree: the
     * caller then reads the same text with {@link #read(JsonNode, String)}, which accepts or
     * refuses it with the message naming the field. One shared instance, without a stack trace:
     * it is a signal, not an error.
     */
    public static final class NotPlain extends RuntimeException {
        public static final NotPlain INSTANCE = new NotPlain();

        private NotPlain() {
            super("not in the plain form of a report; read it with ReportJson.read(JsonNode, String)", null, false, false);
        }
    }

    /**
     * Reads the report object at the parser's current token ({@code START_OBJECT}) without building a
     * tree, leaving the parser on its {@code END_OBJECT}. It gives the same record as
     * {@link #read(JsonNode, String)} for every report that method accepts in the form {@link #write}
     * produces (fields in any order); for anything else (an unknown or repeated field, another
     * type, an invalid value, another time format) it throws {@link NotPlain} and the caller re-reads.
     */
    public static Report readPlain(JsonParser parser) throws IOException {
        return PlainReportReader.read(parser);
    }

    /**
     * Reads a report from its JSON text: without a tree when the text is plain (as stored), else
     * through {@link #read(JsonNode, String)}, so errors name the field exactly as that method does.
     */
    public static Report parse(String json, String path) {
        try (JsonParser parser = Json.FACTORY.createParser(json)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                Report report = readPlain(parser);
                if (parser.nextToken() == null) {
                    return report;
                }
            }
        } catch (RuntimeException | IOException e) {
            // read again below, where the fault gets its message
        }
        try {
            return read(TREES.readTree(json), path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(JsonGenerator out, Report r) throws IOException {
        out.writeStartObject();
        out.writeStringField("id", r.id().value());
        out.writeStringField("placeId", r.placeId().value());
        out.writeStringField("author", r.author());
        out.writeStringField("surveyedAt", instantText(r.surveyedAt()));
        out.writeNumberField("revision", r.revision());
        if (r.deleted()) {
            out.writeBooleanField("deleted", true);
            out.writeEndObject();
            return;
        }
        if (r.wheelchair() != Accessibility.UNKNOWN) {
            out.writeStringField("wheelchair", r.wheelchair().osm());
        }
        if (r.toiletsWheelchair() != Accessibility.UNKNOWN) {
            out.writeStringField("toiletsWheelchair", r.toiletsWheelchair().osm());
        }
        Entrance e = r.entrance();
        if (!e.isEmpty()) {
            out.writeObjectFieldStart("entrance");
            writeInt(out, "stepCount", e.stepCount());
            writeQuantity(out, "stepHeight", e.stepHeight());
            if (e.ramp() != null) {
                out.writeStringField("ramp", OsmValues.of(e.ramp()));
            }
            writeQuantity(out, "doorWidth", e.doorWidth());
            writeBool(out, "automaticDoor", e.automaticDoor());
            writeBool(out, "doorbell", e.doorbell());
            out.writeEndObject();
        }
        Toilet t = r.toilet();
        if (!t.isEmpty()) {
            out.writeObjectFieldStart("toilet");
            writeQuantity(out, "doorWidth", t.doorWidth());
            writeQuantity(out, "turningSpace", t.turningSpace());
            writeBool(out, "grabBars", t.grabBars());
            out.writeEndObject();
        }
        Parking p = r.parking();
        if (!p.isEmpty()) {
            out.writeObjectFieldStart("parking");
            writeInt(out, "disabledSpaces", p.disabledSpaces());
            writeBool(out, "stepFreeToEntrance", p.stepFreeToEntrance());
            out.writeEndObject();
        }
        PathCondition path = r.path();
        if (!path.isEmpty()) {
            out.writeObjectFieldStart("path");
            if (path.kerb() != null) {
                out.writeStringField("kerb", path.kerb().osm());
            }
            if (path.surface() != null) {
                out.writeStringField("surface", path.surface().osm());
            }
            if (path.smoothness() != null) {
                out.writeStringField("smoothness", path.smoothness().osm());
            }
            writeQuantity(out, "incline", path.incline());
            out.writeEndObject();
        }
        if (!r.descriptions().isEmpty()) {
            out.writeObjectFieldStart("descriptions");
            for (Map.Entry<String, String> d : r.descriptions().entrySet()) {
                out.writeStringField(d.getKey(), d.getValue());
            }
            out.writeEndObject();
        }
        if (!r.photos().isEmpty()) {
            out.writeArrayFieldStart("photos");
            for (String photo : r.photos()) {
                out.writeString(photo);
            }
            out.writeEndArray();
        }
        if (!r.experiences().isEmpty()) {
            out.writeArrayFieldStart("experiences");
            for (Experience x : r.experiences()) {
                out.writeStartObject();
                out.writeStringField("kind", x.kind().osm());
                out.writeStringField("text", x.text());
                out.writeArrayFieldStart("needs");
                for (Need need : EnumSet.copyOf(x.needs())) {
                    out.writeString(need.osm());
                }
                out.writeEndArray();
                out.writeStringField("language", x.language());
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    /**
     * Reads a report from its JSON object. {@code path} prefixes field names in errors
     * (e.g. {@code reports[3]}); every failure is an {@link InvalidValueException}.
     */
    public static Report read(JsonNode node, String path) {
        Fields f = new Fields(node, path, REPORT_FIELDS);
        ReportId id = leaf(f.at("id"), () -> new ReportId(f.requiredText("id")));
        PlaceId placeId = leaf(f.at("placeId"), () -> new PlaceId(f.requiredText("placeId")));
        Instant surveyedAt = instant(f, "surveyedAt");
        Integer revision = f.integer("revision");
        boolean deleted = Boolean.TRUE.equals(f.bool("deleted"));
        Accessibility wheelchair = accessibility(f, "wheelchair");
        Accessibility toilets = accessibility(f, "toiletsWheelchair");
        Entrance entrance = section(f, "entrance", ENTRANCE_FIELDS, s -> new Entrance(s.integer("stepCount"),
                quantity(s, "stepHeight"), enumValue(s, "ramp", Ramp.class), quantity(s, "doorWidth"),
                s.bool("automaticDoor"), s.bool("doorbell")));
        Toilet toilet = section(f, "toilet", TOILET_FIELDS, s -> new Toilet(quantity(s, "doorWidth"),
                quantity(s, "turningSpace"), s.bool("grabBars")));
        Parking parking = section(f, "parking", PARKING_FIELDS, s -> new Parking(s.integer("disabledSpaces"),
                s.bool("stepFreeToEntrance")));
        PathCondition pathCondition = section(f, "path", PATH_FIELDS, s -> new PathCondition(enumValue(s, "kerb", Kerb.class),
                enumValue(s, "surface", Surface.class), enumValue(s, "smoothness", Smoothness.class), quantity(s, "incline")));
        Map<String, String> descriptions = descriptions(f);
        List<String> photos = strings(f, "photos");
        List<Experience> experiences = experiences(f);
        return build(path, () -> new Report(id, placeId, f.requiredText("author"), surveyedAt,
                revision == null ? 1 : revision, wheelchair, toilets, entrance, toilet, parking, pathCondition,
                descriptions, photos, experiences, deleted));
    }

    private interface SectionReader<T> {
        T read(Fields section);
    }

    private static <T> T section(Fields f, String field, Set<String> known, SectionReader<T> reader) {
        JsonNode node = f.raw(field);
        if (node == null) {
            return null;
        }
        Fields section = new Fields(node, f.at(field), known);
        return build(f.at(field), () -> reader.read(section));
    }

    /** Runs a constructor of nested records and gives its errors the full path of the field. */
    private static <T> T build(String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidValueException e) {
            if (path.isEmpty() || e.field().startsWith(path)) {
                throw e;
            }
            throw e.within(path);
        }
    }

    /** Runs the constructor of a single value (an id) and reports its error at {@code path}. */
    private static <T> T leaf(String path, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidValueException e) {
            throw new InvalidValueException(path, e.getMessage().substring(e.field().length() + 2));
        }
    }

    private static Instant instant(Fields f, String field) {
        String text = f.requiredText(field);
        Instant quick = secondsInUtc(text);
        if (quick != null) {
            return quick;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(f.at(field), "'" + text + "' is not an ISO 8601 UTC time such as 2024-05-01T10:00:00Z");
        }
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ssZ}, the form this class writes, read without {@link Instant#parse}
     * (which builds a formatter per call: a fifth of the server's time reading a pushed batch).
     * Null for any other text, which then goes through {@link Instant#parse} and its errors.
     */
    static Instant secondsInUtc(String t) {
        if (t.length() != 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':' || t.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > java.time.YearMonth.of(year, month).lengthOfMonth()
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        return java.time.LocalDateTime.of(year, month, day, hour, minute, second).toInstant(java.time.ZoneOffset.UTC);
    }

    /**
     * {@link Instant#toString()}, without its general formatter for the usual whole-second times of
     * years 1000-9999 (formatting was a tenth of the server's time storing a pushed batch).
     */
    public static String instantText(Instant t) {
        long seconds = t.getEpochSecond();
        if (t.getNano() != 0 || seconds < YEAR_1000 || seconds >= YEAR_10000) {
            return t.toString();
        }
        java.time.LocalDateTime d = java.time.LocalDateTime.ofEpochSecond(seconds, 0, java.time.ZoneOffset.UTC);
        char[] c = "0000-00-00T00:00:00Z".toCharArray();
        put(c, 0, 4, d.getYear());
        put(c, 5, 2, d.getMonthValue());
        put(c, 8, 2, d.getDayOfMonth());
        put(c, 11, 2, d.getHour());
        put(c, 14, 2, d.getMinute());
        put(c, 17, 2, d.getSecond());
        return new String(c);
    }

    private static final long YEAR_1000 = java.time.LocalDate.of(1000, 1, 1).toEpochDay() * 86_400;
    private static final long YEAR_10000 = java.time.LocalDate.of(10_000, 1, 1).toEpochDay() * 86_400;

    private static void put(char[] c, int from, int count, int value) {
        for (int i = from + count - 1; i >= from; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The number written with {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static Accessibility accessibility(Fields f, String field) {
        String text = f.text(field);
        return text == null ? null : Accessibility.fromOsm(f.at(field), text);
    }

    private static <E extends Enum<E>> E enumValue(Fields f, String field, Class<E> type) {
        String text = f.text(field);
        return text == null ? null : OsmValues.parse(type, f.at(field), text);
    }

    private static Quantity quantity(Fields f, String field) {
        JsonNode node = f.raw(field);
        if (node == null) {
            return null;
        }
        Fields q = new Fields(node, f.at(field), QUANTITY_FIELDS);
        Double value = q.number("value");
        if (value == null) {
            throw new InvalidValueException(q.at("value"), "is required");
        }
        String unit = q.text("unit");
        LengthUnit lengthUnit = unit == null ? LengthUnit.METRE : LengthUnit.fromSymbol(q.at("unit"), unit);
        Boolean measured = q.bool("measured");
        return build(f.at(field), () -> new Quantity(value, lengthUnit, measured == null || measured));
    }

    private static Map<String, String> descriptions(Fields f) {
        JsonNode node = f.raw("descriptions");
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new InvalidValueException(f.at("descriptions"), "expected an object of language: text, got " + Fields.describe(node));
        }
        Map<String, String> result = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw new InvalidValueException(f.at("descriptions." + e.getKey()), "expected a string, got " + Fields.describe(e.getValue()));
            }
            result.put(e.getKey(), e.getValue().textValue());
        });
        return result;
    }

    private static List<String> strings(Fields f, String field) {
        JsonNode node = f.raw(field);
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidValueException(f.at(field), "expected an array, got " + Fields.describe(node));
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isTextual()) {
                throw new InvalidValueException(f.at(field) + "[" + i + "]", "expected a string, got " + Fields.describe(item));
            }
            result.add(item.textValue());
        }
        return result;
    }

    private static List<Experience> experiences(Fields f) {
        JsonNode node = f.raw("experiences");
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new InvalidValueException(f.at("experiences"), "expected an array, got " + Fields.describe(node));
        }
        List<Experience> result = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String at = f.at("experiences") + "[" + i + "]";
            Fields x = new Fields(node.get(i), at, EXPERIENCE_FIELDS);
            ExperienceKind kind = enumValue(x, "kind", ExperienceKind.class);
            List<String> needNames = strings(x, "needs");
            Set<Need> needs = EnumSet.noneOf(Need.class);
            for (int n = 0; n < needNames.size(); n++) {
                needs.add(OsmValues.parse(Need.class, x.at("needs") + "[" + n + "]", needNames.get(n)));
            }
            result.add(build(at, () -> new Experience(kind, x.text("text"), needs, x.text("language"))));
        }
        return result;
    }

    private static void writeQuantity(JsonGenerator out, String field, Quantity q) throws IOException {
        if (q == null) {
            return;
        }
        out.writeObjectFieldStart(field);
        out.writeNumberField("value", q.value());
        out.writeStringField("unit", q.unit().symbol());
        out.writeBooleanField("measured", q.measured());
        out.writeEndObject();
    }

    private static void writeInt(JsonGenerator out, String field, Integer value) throws IOException {
        if (value != null) {
            out.writeNumberField(field, value);
        }
    }

    private static void writeBool(JsonGenerator out, String field, Boolean value) throws IOException {
        if (value != null) {
            out.writeBooleanField(field, value);
        }
    }
}
