package org.seuil.store.sqlite;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Criterion;
import org.seuil.domain.InvalidValueException;
import org.seuil.domain.Kerb;
import org.seuil.domain.LengthUnit;
import org.seuil.domain.Observation;
import org.seuil.domain.PlaceAccessibility;
import org.seuil.domain.Quantity;
import org.seuil.domain.Ramp;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.domain.Smoothness;
import org.seuil.domain.Surface;
import org.seuil.formats.json.Json;
import org.seuil.formats.json.ReportJson;
import org.seuil.store.StoreException;

/**
 * How values are written in the store's columns: reports as their canonical JSON, a place's derived
 * accessibility as a small JSON object keyed by criterion, times as nanoseconds since 1970 (exact
 * and ordered, where ISO text with optional fractions does not sort).
 */
final class Codecs {
    /** Only builds trees from parsers of {@link Json#FACTORY}, whose read limits then apply. */
    private static final ObjectMapper TREES = new ObjectMapper();
    private static final long NANOS = 1_000_000_000L;

    private Codecs() {
    }

    static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), NANOS), t.getNano());
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
    }

    static String reportBody(Report report) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator out = Json.FACTORY.createGenerator(text)) {
            ReportJson.write(out, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    static Report report(String body, String id) {
        try {
            return ReportJson.read(tree(body), "");
        } catch (InvalidValueException e) {
            throw new StoreException("the stored report " + id + " is damaged: " + e.getMessage(), e);
        }
    }

    /**
     * The code of each criterion in the derived-accessibility column: its index here. Stored in
     * every place row, so append only: never reorder, never reuse.
     */
    private static final Criterion[] CRITERION_CODES = {Criterion.WHEELCHAIR, Criterion.TOILETS_WHEELCHAIR,
            Criterion.STEP_COUNT, Criterion.STEP_HEIGHT, Criterion.RAMP, Criterion.DOOR_WIDTH, Criterion.AUTOMATIC_DOOR,
            Criterion.DOORBELL, Criterion.TOILET_DOOR_WIDTH, Criterion.TOILET_TURNING_SPACE, Criterion.TOILET_GRAB_BARS,
            Criterion.PARKING_SPACES, Criterion.PARKING_STEP_FREE, Criterion.KERB, Criterion.SURFACE, Criterion.SMOOTHNESS,
            Criterion.INCLINE};
    private static final int[] CODE_OF = new int[Criterion.values().length];

    static {
        java.util.Arrays.fill(CODE_OF, -1);
        for (int code = 0; code < CRITERION_CODES.length; code++) {
            CODE_OF[CRITERION_CODES[code].ordinal()] = code;
        }
        for (Criterion c : Criterion.values()) {
            if (CODE_OF[c.ordinal()] < 0) {
                throw new ExceptionInInitializerError("criterion " + c + " has no column code; append it to CRITERION_CODES");
            }
        }
    }

    /**
     * A place's derived accessibility as one short JSON array (it is in every place row, so its
     * size is a good part of an import's cost): first the reports it comes from, once each, as
     * {@code [id, author, nanos]}; then per criterion its code ({@link #CRITERION_CODES}), its
     * value and, only when there are several reports, the index of its report. For example
     * {@code [["osm:node/1","osm",1700000000000000000],0,"YES",2,1,5,[90.0,"CENTIMETRE",true]]}.
     * Quantities are {@code [value, "UNIT", measured]}; enums are written by constant name.
     * The object form of earlier versions ({@code {"reports":...,"values":...}}) is still read.
     */
    static String accessibility(PlaceAccessibility accessibility) {
        if (accessibility.current().isEmpty()) {
            return "{}";
        }
        List<ReportId> sources = new ArrayList<>(2);
        StringWriter text = new StringWriter(96);
        try (JsonGenerator out = Json.FACTORY.createGenerator(text)) {
            out.writeStartArray();
            for (Observation o : accessibility.current().values()) {
                if (!sources.contains(o.reportId())) {
                    sources.add(o.reportId());
                    out.writeStartArray();
                    out.writeString(o.reportId().value());
                    out.writeString(o.author());
                    out.writeNumber(nanos(o.surveyedAt()));
                    out.writeEndArray();
                }
            }
            boolean several = sources.size() > 1;
            for (Map.Entry<Criterion, Observation> entry : accessibility.current().entrySet()) {
                out.writeNumber(CODE_OF[entry.getKey().ordinal()]);
                writeValue(out, entry.getValue().value());
                if (several) {
                    out.writeNumber(sources.indexOf(entry.getValue().reportId()));
                }
            }
            out.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** A report a derived value comes from. */
    private record Source(ReportId reportId, String author, Instant surveyedAt) {
    }

    /** Reads the array form of {@link #accessibility(PlaceAccessibility)} with the streaming parser. */
    private static PlaceAccessibility compactAccessibility(String json) throws IOException {
        EnumMap<Criterion, Observation> current = new EnumMap<>(Criterion.class);
        try (JsonParser in = Json.FACTORY.createParser(json)) {
            expect(in.nextToken(), JsonToken.START_ARRAY);
            List<Source> sources = new ArrayList<>(2);
            JsonToken token = in.nextToken();
            while (token == JsonToken.START_ARRAY) {
                expect(in.nextToken(), JsonToken.VALUE_STRING);
                ReportId id = new ReportId(in.getText());
                expect(in.nextToken(), JsonToken.VALUE_STRING);
                String author = in.getText();
                expect(in.nextToken(), JsonToken.VALUE_NUMBER_INT);
                sources.add(new Source(id, author, instant(in.getLongValue())));
                expect(in.nextToken(), JsonToken.END_ARRAY);
                token = in.nextToken();
            }
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("no source report");
            }
            boolean several = sources.size() > 1;
            while (token != JsonToken.END_ARRAY) {
                expect(token, JsonToken.VALUE_NUMBER_INT);
                Criterion criterion = CRITERION_CODES[in.getIntValue()];
                in.nextToken();
                Object value = value(criterion, in);
                Source source = sources.get(0);
                if (several) {
                    expect(in.nextToken(), JsonToken.VALUE_NUMBER_INT);
                    source = sources.get(in.getIntValue());
                }
                current.put(criterion, new Observation(value, source.reportId(), source.author(), source.surveyedAt()));
                token = in.nextToken();
            }
        }
        return new PlaceAccessibility(current);
    }

    private static void expect(JsonToken token, JsonToken expected) {
        if (token != expected) {
            throw new IllegalArgumentException("expected " + expected + ", found " + token);
        }
    }

    /** The value at the parser's current token (the parser is left on its last token). */
    private static Object value(Criterion criterion, JsonParser in) throws IOException {
        return switch (criterion) {
            case WHEELCHAIR, TOILETS_WHEELCHAIR -> Accessibility.valueOf(text(in));
            case STEP_COUNT, PARKING_SPACES -> {
                expect(in.currentToken(), JsonToken.VALUE_NUMBER_INT);
                yield in.getIntValue();
            }
            case STEP_HEIGHT, DOOR_WIDTH, TOILET_DOOR_WIDTH, TOILET_TURNING_SPACE, INCLINE -> {
                expect(in.currentToken(), JsonToken.START_ARRAY);
                in.nextToken();
                double amount = in.getDoubleValue();
                in.nextToken();
                LengthUnit unit = LengthUnit.valueOf(text(in));
                in.nextToken();
                boolean measured = bool(in);
                expect(in.nextToken(), JsonToken.END_ARRAY);
                yield new Quantity(amount, unit, measured);
            }
            case RAMP -> Ramp.valueOf(text(in));
            case AUTOMATIC_DOOR, DOORBELL, TOILET_GRAB_BARS, PARKING_STEP_FREE -> bool(in);
            case KERB -> Kerb.valueOf(text(in));
            case SURFACE -> Surface.valueOf(text(in));
            case SMOOTHNESS -> Smoothness.valueOf(text(in));
        };
    }

    private static String text(JsonParser in) throws IOException {
        expect(in.currentToken(), JsonToken.VALUE_STRING);
        return in.getText();
    }

    private static boolean bool(JsonParser in) {
        JsonToken token = in.currentToken();
        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
            throw new IllegalArgumentException("expected a boolean, found " + token);
        }
        return token == JsonToken.VALUE_TRUE;
    }

    private static void writeValue(JsonGenerator out, Object value) throws IOException {
        if (value instanceof Enum<?> e) {
            out.writeString(e.name());
        } else if (value instanceof Integer i) {
            out.writeNumber(i);
        } else if (value instanceof Boolean b) {
            out.writeBoolean(b);
        } else if (value instanceof Quantity q) {
            out.writeStartArray();
            out.writeNumber(q.value());
            out.writeString(q.unit().name());
            out.writeBoolean(q.measured());
            out.writeEndArray();
        } else {
            throw new IllegalArgumentException("no column form for " + value.getClass().getName());
        }
    }

    static PlaceAccessibility accessibility(String json, String placeId) {
        if ("{}".equals(json)) {
            return PlaceAccessibility.NONE;
        }
        try {
            if (json.startsWith("[")) {
                return compactAccessibility(json);
            }
            JsonNode root = tree(json);
            JsonNode reports = root.get("reports");
            EnumMap<Criterion, Observation> current = new EnumMap<>(Criterion.class);
            Iterator<Map.Entry<String, JsonNode>> fields = root.get("values").fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                Criterion criterion = criterion(field.getKey());
                JsonNode source = reports.get(field.getValue().get(1).intValue());
                current.put(criterion, new Observation(value(criterion, field.getValue().get(0)),
                        new ReportId(source.get(0).textValue()), source.get(1).textValue(), instant(source.get(2).longValue())));
            }
            return new PlaceAccessibility(current);
        } catch (RuntimeException | IOException e) {
            throw new StoreException("the derived accessibility of place " + placeId + " is damaged: " + e.getMessage(), e);
        }
    }

    private static Criterion criterion(String key) {
        for (Criterion c : Criterion.values()) {
            if (c.key().equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown criterion " + key);
    }

    private static Object value(Criterion criterion, JsonNode v) {
        return switch (criterion) {
            case WHEELCHAIR, TOILETS_WHEELCHAIR -> Accessibility.valueOf(v.textValue());
            case STEP_COUNT, PARKING_SPACES -> v.intValue();
            case STEP_HEIGHT, DOOR_WIDTH, TOILET_DOOR_WIDTH, TOILET_TURNING_SPACE, INCLINE ->
                    new Quantity(v.get(0).doubleValue(), LengthUnit.valueOf(v.get(1).textValue()), v.get(2).booleanValue());
            case RAMP -> Ramp.valueOf(v.textValue());
            case AUTOMATIC_DOOR, DOORBELL, TOILET_GRAB_BARS, PARKING_STEP_FREE -> v.booleanValue();
            case KERB -> Kerb.valueOf(v.textValue());
            case SURFACE -> Surface.valueOf(v.textValue());
            case SMOOTHNESS -> Smoothness.valueOf(v.textValue());
        };
    }

    private static JsonNode tree(String json) {
        try (JsonParser parser = Json.FACTORY.createParser(json)) {
            return TREES.readTree(parser);
        } catch (IOException e) {
            throw new StoreException("a stored JSON value cannot be read: " + e.getMessage(), e);
        }
    }
}
