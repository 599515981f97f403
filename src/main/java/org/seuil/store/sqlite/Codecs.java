package org.seuil.store.sqlite;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
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
     * A place's derived accessibility, compactly: the reports it comes from once each, then per
     * criterion its value and the index of its report, e.g.
     * {@code {"reports":[["osm:node/1","osm",1700000000000000000]],"values":{"wheelchair":["YES",0]}}}.
     * Quantities are {@code [value, "UNIT", measured]}; enums are written by constant name.
     */
    static String accessibility(PlaceAccessibility accessibility) {
        if (accessibility.current().isEmpty()) {
            return "{}";
        }
        List<ReportId> sources = new ArrayList<>(2);
        StringWriter text = new StringWriter(192);
        try (JsonGenerator out = Json.FACTORY.createGenerator(text)) {
            out.writeStartObject();
            out.writeArrayFieldStart("reports");
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
            out.writeEndArray();
            out.writeObjectFieldStart("values");
            for (Map.Entry<Criterion, Observation> entry : accessibility.current().entrySet()) {
                out.writeArrayFieldStart(entry.getKey().key());
                writeValue(out, entry.getValue().value());
                out.writeNumber(sources.indexOf(entry.getValue().reportId()));
                out.writeEndArray();
            }
            out.writeEndObject();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
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
        } catch (RuntimeException e) {
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
