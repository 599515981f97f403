package org.seuil.formats.geojson;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.seuil.domain.InvalidValueException;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Report;
import org.seuil.formats.IdSet;
import org.seuil.formats.InputException;
import org.seuil.formats.SkippedFeature;
import org.seuil.formats.json.Json;
import org.seuil.formats.json.ReportJson;

/**
 * Reads a GeoJSON FeatureCollection of places one feature at a time: the file is walked token by
 * token and only the current feature is ever held as a tree, so memory does not grow with the
 * file. The read limits of {@link Json#FACTORY} (nesting, string length) stop hostile files early.
 *
 * <p>Every problem is an {@link InputException} naming the file, the feature (index in the
 * {@code features} array, counted from 0, with the line and column where it starts) and the field.
 * A feature whose content is invalid is skipped and listed in {@link #skipped()} when the reader
 * was opened with {@code skipInvalid}; malformed JSON always stops the read, since nothing after
 * it can be trusted.
 */
public final class GeoJsonReader implements Iterator<PlaceRecord>, AutoCloseable {
    private static final int BUFFER = 1 << 16;
    /** One mapper for all readers; it only turns one feature at a time into a tree. */
    private static final ObjectMapper TREES = new ObjectMapper(Json.FACTORY.copy());

    private enum State { ROOT, FEATURES, DONE }

    private final JsonParser parser;
    /** The file, to read a feature again as a tree; null when reading a stream (trees only). */
    private final Path source;
    /**
     * Features read without a tree, and those that were not in that form and were read twice. A
     * file that starts with such features, or has many, is from another program: the rest of it is
     * read as trees straight away (reading each feature twice made such files 20 % slower).
     */
    private long plainFeatures;
    private int otherFeatures;
    private final String file;
    private final Instant fileTime;
    private final boolean skipInvalid;
    private final List<SkippedFeature> skipped = new ArrayList<>();
    private final IdSet placeIds = new IdSet();
    private final IdSet reportIds = new IdSet();
    private State state = State.ROOT;
    private boolean sawType;
    private boolean sawFeatures;
    private long featureIndex = -1;
    private int featureLine;
    private int featureColumn;
    private PlaceRecord next;

    /**
     * @param in          the GeoJSON bytes (UTF-8); closed by {@link #close()}
     * @param file        the file's name for messages
     * @param fileTime    the survey time of reports made for third-party features (the file's modification time)
     * @param skipInvalid skip features with invalid content instead of failing, and list them in {@link #skipped()}
     */
    public GeoJsonReader(InputStream in, String file, Instant fileTime, boolean skipInvalid) {
        this(in, null, file, fileTime, skipInvalid);
    }

    private GeoJsonReader(InputStream in, Path source, String file, Instant fileTime, boolean skipInvalid) {
        this.source = source;
        this.file = file;
        this.fileTime = fileTime;
        this.skipInvalid = skipInvalid;
        try {
            this.parser = Json.FACTORY.createParser(in);
            parser.enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER.mappedFeature());
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new InputException(file, position(parser.currentTokenLocation()), null,
                        first == null ? "the file is empty, expected a GeoJSON FeatureCollection"
                                : "expected a GeoJSON FeatureCollection object, got " + first.asString());
            }
        } catch (IOException e) {
            throw fatal(e);
        }
    }

    /**
     * Opens a file; the survey time of third-party features is its modification time. Features in
     * Seuil's own form are read without a tree ({@link PlainPlaceFeature}); any other feature is
     * read again from the file as a tree, so every error reads as with a stream.
     */
    public static GeoJsonReader open(Path file, boolean skipInvalid) {
        String name = file.toString();
        try {
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
            try {
                return new GeoJsonReader(in, file, name, modified, skipInvalid);
            } catch (RuntimeException e) {
                in.close();
                throw e;
            }
        } catch (NoSuchFileException e) {
            throw new InputException(name, null, null, "no such file", e);
        } catch (IOException e) {
            throw new InputException(name, null, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Features left out so far because of invalid content (only with {@code skipInvalid}). */
    public List<SkippedFeature> skipped() {
        return Collections.unmodifiableList(skipped);
    }

    /** Number of features met so far, read or skipped. */
    public long featureCount() {
        return featureIndex + 1;
    }

    @Override
    public boolean hasNext() {
        if (next == null && state != State.DONE) {
            try {
                next = advance();
            } catch (IOException e) {
                throw fatal(e);
            }
        }
        return next != null;
    }

    @Override
    public PlaceRecord next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        PlaceRecord result = next;
        next = null;
        return result;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new InputException(file, null, null, "cannot be closed: " + e.getMessage(), e);
        }
    }

    /** The next valid place, or null at the end of the collection. */
    private PlaceRecord advance() throws IOException {
        while (true) {
            if (state == State.ROOT) {
                if (!advanceToFeatures()) {
                    return null;
                }
            }
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                state = State.ROOT;
                continue;
            }
            featureIndex++;
            JsonLocation start = parser.currentTokenLocation();
            featureLine = start.getLineNr();
            featureColumn = start.getColumnNr();
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                reject("(feature)", "expected a Feature object, got " + (token == null ? "the end of the file" : token.asString()));
                continue;
            }
            PlaceRecord record = tryPlain() && start.getByteOffset() >= 0
                    ? acceptPlainOrTree(start.getByteOffset()) : accept(TREES.readTree(parser));
            if (record != null) {
                return record;
            }
        }
    }

    /** Walks the members of the root object up to the features array; false at its end. */
    private boolean advanceToFeatures() throws IOException {
        while (true) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_OBJECT) {
                finish();
                return false;
            }
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("type".equals(name)) {
                if (value != JsonToken.VALUE_STRING || !"FeatureCollection".equals(parser.getText())) {
                    throw new InputException(file, position(parser.currentTokenLocation()), "type",
                            "expected \"FeatureCollection\", got " + parser.getText() + " (a Seuil file is a FeatureCollection of places)");
                }
                sawType = true;
            } else if ("features".equals(name) && !sawFeatures) {
                if (value != JsonToken.START_ARRAY) {
                    throw new InputException(file, position(parser.currentTokenLocation()), "features",
                            "expected an array of features, got " + value.asString());
                }
                sawFeatures = true;
                state = State.FEATURES;
                return true;
            } else if ("features".equals(name)) {
                throw new InputException(file, position(parser.currentTokenLocation()), "features", "appears twice");
            } else {
                parser.skipChildren();
            }
        }
    }

    private void finish() throws IOException {
        state = State.DONE;
        if (!sawType) {
            throw new InputException(file, null, "type", "missing: expected \"type\": \"FeatureCollection\"");
        }
        if (!sawFeatures) {
            throw new InputException(file, null, "features", "missing: a FeatureCollection needs a features array");
        }
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw new InputException(file, position(parser.currentTokenLocation()), null,
                    "unexpected " + trailing.asString() + " after the end of the FeatureCollection");
        }
    }

    /**
     * Reads the feature at the parser's START_OBJECT (at {@code offset} bytes into the file) without a
     * tree; if it is not in the plain form, the parser goes on to the feature's end (so malformed
     * JSON fails where and as it would for a tree) and the feature is read again from the file as one.
     */
    private PlaceRecord acceptPlainOrTree(long offset) throws IOException {
        JsonStreamContext features = parser.getParsingContext().getParent();
        try {
            PlaceRecord plain = PlainPlaceFeature.read(parser);
            plainFeatures++;
            return acceptIds(plain);
        } catch (ReportJson.NotPlain notPlain) {
            otherFeatures++;
            while (!(parser.currentToken() == JsonToken.END_OBJECT && parser.getParsingContext() == features)) {
                if (parser.nextToken() == null) {
                    break;
                }
            }
        }
        try (InputStream in = skipped(Files.newInputStream(source), offset); JsonParser again = Json.FACTORY.createParser(in)) {
            again.nextToken();
            return accept(TREES.readTree(again));
        }
    }

    private static InputStream skipped(InputStream in, long bytes) throws IOException {
        try {
            in.skipNBytes(bytes);
            return in;
        } catch (IOException e) {
            in.close();
            throw e;
        }
    }

    private boolean tryPlain() {
        return source != null && !(otherFeatures > 0 && plainFeatures == 0) && otherFeatures < 64;
    }

    /** The feature as a place, or null if it was skipped; ids are checked against the whole file. */
    private PlaceRecord accept(JsonNode tree) {
        PlaceRecord record;
        try {
            record = PlaceFeature.read(tree, fileTime);
        } catch (InvalidValueException e) {
            reject(e.field(), PlaceFeature.reason(e));
            return null;
        }
        return acceptIds(record);
    }

    /** The record, or null if one of its ids already appeared in the file (and it was skipped). */
    private PlaceRecord acceptIds(PlaceRecord record) {
        // Ids count once read, even in a feature skipped later: the file does hold them twice.
        String placeId = record.place().id().value();
        if (!placeIds.add(placeId)) {
            reject("id", "place " + placeId + " already appears in an earlier feature of this file");
            return null;
        }
        List<Report> reports = record.reports();
        for (int i = 0; i < reports.size(); i++) {
            String reportId = reports.get(i).id().value();
            if (!reportIds.add(reportId)) {
                reject("properties.reports[" + i + "].id", "report " + reportId + " already appears in an earlier feature of this file");
                return null;
            }
        }
        return record;
    }

    private void reject(String field, String reason) {
        String featureLocation = "feature " + featureIndex + " (line " + featureLine + ", column " + featureColumn + ")";
        if (!skipInvalid) {
            throw new InputException(file, featureLocation, field, reason);
        }
        skipped.add(new SkippedFeature(featureIndex, featureLocation, field + ": " + reason));
    }

    /** Turns a parser failure into a message that says where and, for the usual causes, what to do. */
    private InputException fatal(IOException e) {
        if (!(e instanceof JsonProcessingException jpe)) {
            return new InputException(file, null, null, "cannot be read: " + e.getMessage(), e);
        }
        JsonLocation at = jpe.getLocation() != null ? jpe.getLocation() : parser == null ? null : parser.currentLocation();
        String where = at == null ? null : position(at);
        if (state == State.FEATURES && featureIndex >= 0 && where != null) {
            where = where + " (in feature " + featureIndex + ")";
        }
        String original = jpe.getOriginalMessage();
        String reason;
        if (e instanceof JsonEOFException) {
            reason = "the file ends in the middle of the JSON (truncated?): " + firstLine(original);
        } else if (e instanceof StreamConstraintsException && original.contains("String value length")) {
            reason = "a string is longer than the limit of " + Json.MAX_STRING_LENGTH + " characters; "
                    + "this is not a place's data (" + firstLine(original) + ")";
        } else if (e instanceof StreamConstraintsException && original.contains("nesting depth")) {
            reason = "JSON nested deeper than " + Json.MAX_DEPTH + " levels; a Seuil file never nests that deep ("
                    + firstLine(original) + ")";
        } else if (original.contains("NaN") || original.contains("Infinity")) {
            reason = "NaN and Infinity are not numbers in JSON (RFC 8259); give a finite number or leave the field out ("
                    + firstLine(original) + ")";
        } else {
            reason = "malformed JSON: " + firstLine(original);
        }
        return new InputException(file, where, field(), reason, e);
    }

    /**
     * The field being read when the parser failed, from its context: {@code /features/7/properties/name}
     * becomes {@code properties.name}, relative to the feature as in every other message.
     */
    private String field() {
        if (parser == null) {
            return null;
        }
        List<String> segments = new ArrayList<>();
        for (JsonPointer p = parser.getParsingContext().pathAsPointer(); p != null && !p.matches(); p = p.tail()) {
            segments.add(p.getMatchingIndex() >= 0 ? "[" + p.getMatchingIndex() + "]" : p.getMatchingProperty());
        }
        if (segments.size() >= 2 && segments.get(0).equals("features")) {
            segments = segments.subList(2, segments.size());
        }
        StringBuilder field = new StringBuilder();
        for (String segment : segments) {
            if (!field.isEmpty() && !segment.startsWith("[")) {
                field.append('.');
            }
            field.append(segment);
        }
        return field.isEmpty() ? null : field.toString();
    }

    private static String position(JsonLocation at) {
        return "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
