package org.seuil.sync.protocol;

import static org.seuil.formats.json.PlainJson.once;
import static org.seuil.formats.json.PlainJson.require;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import java.util.Set;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.InvalidValueException;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.formats.json.PlainJson;
import org.seuil.formats.json.Json;
import org.seuil.formats.json.ReportJson;

/**
 * Reads and writes every body of the sync protocol. Reading streams: a batch is parsed feature
 * by feature, and the limits (body bytes, features, string length, plus the nesting depth of
 * {@link Json#FACTORY}) stop a body as soon as it breaks one, so no input can exhaust memory or
 * the stack. Every refusal is a {@link ProtocolException} naming the feature and field.
 */
public final class WireCodec {
    private static final Set<String> PLACE_FIELDS = Set.of("id", "name", "category", "address");
    private static final Set<String> PROPERTY_FIELDS = Set.of("place", "report");

    private final WireLimits limits;
    private final ObjectMapper mapper;

    public WireCodec(WireLimits limits) {
        this.limits = limits;
        this.mapper = WireBodies.mapper(limits);
    }

    public WireLimits limits() {
        return limits;
    }

    // ---------------------------------------------------------------- batches

    /** Reads one feature at the parser's current token; {@code index} is its place in the collection. */
    private interface FeatureReader {
        ReportFeature read(JsonParser parser, int index) throws IOException;
    }

    /**
     * Reads a pushed FeatureCollection, refusing it at the first broken limit or invalid feature.
     * Features are read without a tree ({@link #readPlainFeature}); a body that is not plain, or
     * that breaks any rule, is read again from its start by the tree reader, so the answer to a
     * faulty body (400 naming the feature and field, 413) is exactly the tree reader's.
     */
    public List<ReportFeature> readBatch(InputStream body) {
        ReplayableInputStream in = new ReplayableInputStream(body);
        return plainOrTree(in, in::replay, parser -> batch(parser, this::readPlainFeature), parser -> batch(parser, this::readTreeFeature));
    }

    /** {@link #readBatch(InputStream)} of a body already in memory. */
    public List<ReportFeature> readBatch(byte[] body) {
        return plainOrTree(new ByteArrayInputStream(body), () -> new ByteArrayInputStream(body),
                parser -> batch(parser, this::readPlainFeature), parser -> batch(parser, this::readTreeFeature));
    }

    private List<ReportFeature> batch(JsonParser parser, FeatureReader reader) throws IOException {
        List<ReportFeature> features = new ArrayList<>();
        expect(parser, JsonToken.START_OBJECT, "a FeatureCollection object");
        boolean typeSeen = false;
        boolean featuresSeen = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if (field.equals("type")) {
                if (value != JsonToken.VALUE_STRING || !"FeatureCollection".equals(parser.getText())) {
                    throw Problem.badRequest("type must be \"FeatureCollection\"", -1, "type");
                }
                typeSeen = true;
            } else if (field.equals("features")) {
                if (value != JsonToken.START_ARRAY) {
                    throw Problem.badRequest("features must be an array", -1, "features");
                }
                featuresSeen = true;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (features.size() == limits.maxFeatures()) {
                        throw Problem.tooLarge("a batch holds at most " + limits.maxFeatures() + " features");
                    }
                    features.add(reader.read(parser, features.size()));
                }
            } else {
                parser.skipChildren(); // foreign members are allowed by RFC 7946
            }
        }
        if (!typeSeen || !featuresSeen) {
            throw Problem.badRequest("a FeatureCollection needs \"type\" and \"features\"", -1, typeSeen ? "features" : "type");
        }
        return features;
    }

    public byte[] writeBatch(List<ReportFeature> features) {
        return write(out -> {
            out.writeStartObject();
            out.writeStringField("type", "FeatureCollection");
            out.writeArrayFieldStart("features");
            for (ReportFeature f : features) {
                writeFeature(out, f);
            }
            out.writeEndArray();
            out.writeEndObject();
        });
    }

    // ---------------------------------------------------------------- features

    public void writeFeature(JsonGenerator out, ReportFeature f) throws IOException {
        writeFeatureStart(out, f.place(), f.report().id().value());
        ReportJson.write(out, f.report());
        out.writeEndObject();
        out.writeEndObject();
    }

    /** Writes a feature whose report JSON is trusted text from the server's own store. */
    private static void writeStoredFeature(JsonGenerator out, StoredFeature f) throws IOException {
        writeFeatureStart(out, f.place(), f.reportId());
        out.writeRawValue(new RawUtf8(f.reportJson()));
        out.writeEndObject();
        out.writeEndObject();
    }

    private static void writeFeatureStart(JsonGenerator out, Place p, String id) throws IOException {
        out.writeStartObject();
        out.writeStringField("type", "Feature");
        out.writeStringField("id", id);
        out.writeObjectFieldStart("geometry");
        out.writeStringField("type", "Point");
        out.writeArrayFieldStart("coordinates");
        out.writeNumber(p.location().lon());
        out.writeNumber(p.location().lat());
        out.writeEndArray();
        out.writeEndObject();
        out.writeObjectFieldStart("properties");
        out.writeObjectFieldStart("place");
        out.writeStringField("id", p.id().value());
        writeOptional(out, "name", p.name());
        writeOptional(out, "category", p.category());
        writeOptional(out, "address", p.address());
        out.writeEndObject();
        out.writeFieldName("report");
    }

    /** Reads the feature at {@code index}; errors name {@code features[index].<field>}. */
    public ReportFeature readFeature(JsonNode node, int index) {
        String at = "features[" + index + "]";
        try {
            if (node == null || !node.isObject()) {
                throw new InvalidValueException(at, "expected a Feature object");
            }
            if (!"Feature".equals(node.path("type").asText(null))) {
                throw new InvalidValueException(at + ".type", "must be \"Feature\"");
            }
            GeoPoint point = point(node.get("geometry"), at + ".geometry");
            JsonNode props = node.get("properties");
            if (props == null || !props.isObject()) {
                throw new InvalidValueException(at + ".properties", "expected an object with place and report");
            }
            onlyKnown(props, PROPERTY_FIELDS, at + ".properties");
            Place place = place(props.get("place"), point, at + ".properties.place");
            Report report = ReportJson.read(props.get("report"), at + ".properties.report");
            JsonNode id = node.get("id");
            if (id != null && !id.isNull() && !(id.isTextual() && id.textValue().equals(report.id().value()))) {
                throw new InvalidValueException(at + ".id", "differs from the report id '" + report.id() + "'");
            }
            try {
                return new ReportFeature(place, report);
            } catch (InvalidValueException e) {
                throw e.within(at);
            }
        } catch (InvalidValueException e) {
            throw Problem.badRequest(e.getMessage(), index, e.field());
        }
    }

    private ReportFeature readTreeFeature(JsonParser parser, int index) throws IOException {
        return readFeature(mapper.readTree(parser), index);
    }

    /**
     * Reads a feature straight from the tokens into the records, accepting only what
     * {@link #readFeature(JsonNode, int)} accepts and giving the same records; on anything else it
     * throws (mostly {@link ReportJson.NotPlain}) and the caller reads the body again with the tree.
     */
    ReportFeature readPlainFeature(JsonParser p, int index) throws IOException {
        require(p.currentToken() == JsonToken.START_OBJECT);
        String id = null;
        GeoPoint point = null;
        String[] place = null;
        Report report = null;
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            int bit;
            switch (name) {
                case "type" -> {
                    bit = 1;
                    require(t == JsonToken.VALUE_STRING && "Feature".equals(p.getText()));
                }
                case "id" -> {
                    bit = 1 << 1;
                    require(t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NULL);
                    id = t == JsonToken.VALUE_STRING ? p.getText() : null;
                }
                case "geometry" -> {
                    bit = 1 << 2;
                    point = PlainJson.point(p, t);
                }
                case "properties" -> {
                    bit = 1 << 3;
                    require(t == JsonToken.START_OBJECT);
                    int inner = 0;
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String property = p.currentName();
                        JsonToken v = p.nextToken();
                        if (property.equals("place") && (inner & 1) == 0) {
                            place = plainPlace(p, v);
                            inner |= 1;
                        } else if (property.equals("report") && (inner & 2) == 0) {
                            require(v == JsonToken.START_OBJECT);
                            report = ReportJson.readPlain(p);
                            inner |= 2;
                        } else {
                            throw ReportJson.NotPlain.INSTANCE;
                        }
                    }
                    require(inner == 3);
                }
                default -> {
                    bit = 0;
                    p.skipChildren(); // foreign members of a feature are ignored, as by the tree reader
                }
            }
            seen = once(seen, bit);
        }
        require(seen == 0b1101 || seen == 0b1111);
        require(id == null || id.equals(report.id().value()));
        return new ReportFeature(new Place(new PlaceId(place[0]), point, place[1], place[2], place[3]), report);
    }

    /** The place's id, name, category and address, each a string or null. */
    private static String[] plainPlace(JsonParser p, JsonToken start) throws IOException {
        require(start == JsonToken.START_OBJECT);
        String[] fields = new String[4];
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            int i = switch (p.currentName()) {
                case "id" -> 0;
                case "name" -> 1;
                case "category" -> 2;
                case "address" -> 3;
                default -> throw ReportJson.NotPlain.INSTANCE;
            };
            JsonToken t = p.nextToken();
            require((seen & (1 << i)) == 0 && (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NULL));
            seen |= 1 << i;
            fields[i] = t == JsonToken.VALUE_STRING ? p.getText() : null;
        }
        return fields;
    }

    private static GeoPoint point(JsonNode geometry, String at) {
        if (geometry == null || !geometry.isObject() || !"Point".equals(geometry.path("type").asText(null))) {
            throw new InvalidValueException(at, "expected a Point geometry");
        }
        JsonNode c = geometry.get("coordinates");
        if (c == null || !c.isArray() || c.size() < 2 || c.size() > 3) {
            throw new InvalidValueException(at + ".coordinates", "expected [longitude, latitude]");
        }
        for (int i = 0; i < c.size(); i++) {
            if (!c.get(i).isNumber() || !Double.isFinite(c.get(i).doubleValue())) {
                throw new InvalidValueException(at + ".coordinates[" + i + "]", "expected a finite number, got " + c.get(i));
            }
        }
        try {
            return new GeoPoint(c.get(1).doubleValue(), c.get(0).doubleValue());
        } catch (InvalidValueException e) {
            throw new InvalidValueException(at + ".coordinates", e.getMessage());
        }
    }

    private static Place place(JsonNode node, GeoPoint point, String at) {
        if (node == null || !node.isObject()) {
            throw new InvalidValueException(at, "expected an object with id, name, category, address");
        }
        onlyKnown(node, PLACE_FIELDS, at);
        try {
            return new Place(new PlaceId(text(node, "id", at)), point, text(node, "name", at),
                    text(node, "category", at), text(node, "address", at));
        } catch (InvalidValueException e) {
            throw e.field().startsWith(at) ? e : e.within(at);
        }
    }

    private static String text(JsonNode node, String field, String at) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidValueException(at + "." + field, "expected a string");
        }
        return v.textValue();
    }

    private static void onlyKnown(JsonNode node, Set<String> known, String at) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new InvalidValueException(at + "." + name, "unknown field (expected one of " + String.join(", ", known) + ")");
            }
        }
    }

    // ---------------------------------------------------------------- batch results

    public byte[] writeResult(BatchResult result) {
        return write(out -> {
            out.writeStartObject();
            out.writeNumberField("protocol", Protocol.VERSION);
            out.writeStringField("batch", result.batchId());
            out.writeArrayFieldStart("results");
            for (Outcome o : result.results()) {
                out.writeStartObject();
                out.writeNumberField("index", o.index());
                out.writeStringField("id", o.reportId().value());
                out.writeStringField("status", o.status().wire());
                if (o.revision() != null) {
                    out.writeNumberField("revision", o.revision());
                }
                if (o.serverCopy() != null) {
                    out.writeFieldName("server_copy");
                    writeFeature(out, o.serverCopy());
                }
                writeOptional(out, "reason", o.reason());
                if (!o.missingPhotos().isEmpty()) {
                    out.writeArrayFieldStart("missing_photos");
                    for (String sha : o.missingPhotos()) {
                        out.writeString(sha);
                    }
                    out.writeEndArray();
                }
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        });
    }

    /**
     * Reads a batch answer: without a tree when it is in the form {@link #writeResult} gives (with
     * plain server copies), else, as for batches, through the tree reader from its start.
     */
    public BatchResult readResult(byte[] body) {
        return plainOrTree(new ByteArrayInputStream(body), () -> new ByteArrayInputStream(body), this::plainResult, this::treeResult);
    }

    private BatchResult plainResult(JsonParser p) throws IOException {
        require(p.nextToken() == JsonToken.START_OBJECT);
        String batch = null;
        List<Outcome> outcomes = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "protocol" -> p.skipChildren();
                case "batch" -> {
                    require(batch == null && t == JsonToken.VALUE_STRING);
                    batch = p.getText();
                }
                case "results" -> {
                    require(outcomes == null && t == JsonToken.START_ARRAY);
                    outcomes = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        outcomes.add(plainOutcome(p));
                    }
                }
                default -> throw ReportJson.NotPlain.INSTANCE;
            }
        }
        require(batch != null && outcomes != null);
        return new BatchResult(batch, outcomes);
    }

    /** One outcome as {@link #writeResult} writes it; anything else throws and the answer is read with the tree. */
    private Outcome plainOutcome(JsonParser p) throws IOException {
        require(p.currentToken() == JsonToken.START_OBJECT);
        Integer index = null;
        String id = null;
        String status = null;
        Integer revision = null;
        ReportFeature copy = null;
        String reason = null;
        List<String> missing = new ArrayList<>();
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            int bit;
            switch (name) {
                case "index" -> { bit = 1; index = plainInt(p, t); }
                case "id" -> { bit = 1 << 1; require(t == JsonToken.VALUE_STRING); id = p.getText(); }
                case "status" -> { bit = 1 << 2; require(t == JsonToken.VALUE_STRING); status = p.getText(); }
                case "revision" -> { bit = 1 << 3; revision = plainInt(p, t); }
                case "server_copy" -> { bit = 1 << 4; copy = readPlainFeature(p, 0); }
                case "reason" -> { bit = 1 << 5; require(t == JsonToken.VALUE_STRING); reason = p.getText(); }
                case "missing_photos" -> {
                    bit = 1 << 6;
                    require(t == JsonToken.START_ARRAY);
                    JsonToken v;
                    while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
                        require(v == JsonToken.VALUE_STRING);
                        missing.add(p.getText());
                    }
                }
                default -> throw ReportJson.NotPlain.INSTANCE;
            }
            seen = once(seen, bit);
        }
        require(index != null && id != null && status != null);
        return new Outcome(index, new ReportId(id), OutcomeStatus.fromWire(status), revision, copy, reason, missing);
    }

    private static Integer plainInt(JsonParser p, JsonToken t) throws IOException {
        require(t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT);
        return p.getIntValue();
    }

    public BatchResult readResult(InputStream body) {
        return parse(body, this::treeResult);
    }

    private BatchResult treeResult(JsonParser parser) throws IOException {
        JsonNode root = mapper.readTree(parser);
        List<Outcome> outcomes = new ArrayList<>();
        JsonNode results = root.path("results");
        for (int i = 0; i < results.size(); i++) {
            JsonNode r = results.get(i);
            JsonNode copy = r.get("server_copy");
            List<String> missing = new ArrayList<>();
            r.path("missing_photos").forEach(n -> missing.add(n.asText()));
            try {
                outcomes.add(new Outcome(r.path("index").asInt(i), new ReportId(r.path("id").asText()),
                        OutcomeStatus.fromWire(r.path("status").asText()),
                        r.hasNonNull("revision") ? r.get("revision").asInt() : null,
                        copy == null ? null : readFeature(copy, i), r.hasNonNull("reason") ? r.get("reason").asText() : null, missing));
            } catch (InvalidValueException e) {
                throw Problem.badRequest(e.getMessage(), i, e.field());
            }
        }
        return new BatchResult(root.path("batch").asText(), outcomes);
    }

    // ---------------------------------------------------------------- change pages

    public byte[] writeChanges(ChangePage page) {
        return write(out -> {
            out.writeStartObject();
            out.writeStringField("type", "FeatureCollection");
            out.writeArrayFieldStart("features");
            for (ReportFeature f : page.features()) {
                writeFeature(out, f);
            }
            out.writeEndArray();
            out.writeStringField("next_cursor", Long.toString(page.nextCursor()));
            out.writeBooleanField("more", page.more());
            out.writeEndObject();
        });
    }

    /** The change feed as the server writes it: stored report JSON copied as it is. */
    public byte[] writeStoredChanges(List<StoredFeature> features, long nextCursor, boolean more) {
        return write(out -> {
            out.writeStartObject();
            out.writeStringField("type", "FeatureCollection");
            out.writeArrayFieldStart("features");
            for (StoredFeature f : features) {
                writeStoredFeature(out, f);
            }
            out.writeEndArray();
            out.writeStringField("next_cursor", Long.toString(nextCursor));
            out.writeBooleanField("more", more);
            out.writeEndObject();
        });
    }

    /** Reads a change page; features are read as in {@link #readBatch(InputStream)}, with the same fallback. */
    public ChangePage readChanges(InputStream body) {
        ReplayableInputStream in = new ReplayableInputStream(body);
        return plainOrTree(in, in::replay, parser -> changes(parser, this::readPlainFeature), parser -> changes(parser, this::readTreeFeature));
    }

    /** {@link #readChanges(InputStream)} of a body already in memory. */
    public ChangePage readChanges(byte[] body) {
        return plainOrTree(new ByteArrayInputStream(body), () -> new ByteArrayInputStream(body),
                parser -> changes(parser, this::readPlainFeature), parser -> changes(parser, this::readTreeFeature));
    }

    private static ChangePage changes(JsonParser parser, FeatureReader reader) throws IOException {
        expect(parser, JsonToken.START_OBJECT, "a FeatureCollection object");
        List<ReportFeature> features = new ArrayList<>();
        long cursor = -1;
        boolean more = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "features" -> {
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        features.add(reader.read(parser, features.size()));
                    }
                }
                case "next_cursor" -> cursor = cursor(parser.getText());
                case "more" -> more = parser.getValueAsBoolean();
                default -> parser.skipChildren();
            }
        }
        if (cursor < 0) {
            throw Problem.badRequest("a change page needs next_cursor", -1, "next_cursor");
        }
        return new ChangePage(features, cursor, more);
    }

    /** Parses a cursor as the client sent it; a cursor is the decimal text of a server sequence number. */
    public static long cursor(String text) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        if (text.length() > 19 || !text.chars().allMatch(Character::isDigit)) {
            throw Problem.badRequest("cursor '" + abbreviate(text) + "' is not a cursor this server gave", -1, "since");
        }
        return Long.parseLong(text);
    }

    // ---------------------------------------------------------------- problems

    public byte[] writeProblem(Problem p) {
        return write(out -> {
            out.writeStartObject();
            out.writeStringField("type", p.type());
            out.writeStringField("title", p.title());
            out.writeNumberField("status", p.status());
            writeOptional(out, "detail", p.detail());
            if (!p.errors().isEmpty()) {
                out.writeArrayFieldStart("errors");
                for (Problem.FieldError e : p.errors()) {
                    out.writeStartObject();
                    if (e.feature() >= 0) {
                        out.writeNumberField("feature", e.feature());
                    }
                    writeOptional(out, "field", e.field());
                    out.writeStringField("message", e.message());
                    out.writeEndObject();
                }
                out.writeEndArray();
            }
            out.writeEndObject();
        });
    }

    public Problem readProblem(InputStream body) {
        return parse(body, parser -> {
            JsonNode root = mapper.readTree(parser);
            List<Problem.FieldError> errors = new ArrayList<>();
            root.path("errors").forEach(e -> errors.add(new Problem.FieldError(e.path("feature").asInt(-1),
                    e.path("field").asText(null), e.path("message").asText(""))));
            return new Problem(root.path("type").asText("about:blank"), root.path("title").asText(""),
                    root.path("status").asInt(0), root.path("detail").asText(null), errors);
        });
    }

    // ---------------------------------------------------------------- plumbing

    /**
     * Reads {@code first} with {@code plain}; if that stops (not plain, or a broken rule), reads
     * the same bytes from their start, {@code again}, with {@code tree}, whose errors name the field.
     */
    private <T> T plainOrTree(InputStream first, Supplier<InputStream> again,
                              WireBodies.Reader<T> plain, WireBodies.Reader<T> tree) {
        try {
            return parse(first, plain);
        } catch (RuntimeException notPlain) {
            return parse(again.get(), tree);
        }
    }

    private <T> T parse(InputStream body, WireBodies.Reader<T> reader) {
        return WireBodies.read(mapper, limits, body, reader);
    }

    private static byte[] write(WireBodies.Writer body) {
        return WireBodies.write(body);
    }

    private static void expect(JsonParser parser, JsonToken token, String what) throws IOException {
        if (parser.nextToken() != token) {
            throw Problem.badRequest("expected " + what, -1, null);
        }
    }

    private static void writeOptional(JsonGenerator out, String field, String value) throws IOException {
        if (value != null) {
            out.writeStringField(field, value);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
