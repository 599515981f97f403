package org.seuil.formats.geojson;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceAccessibility;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Report;
import org.seuil.formats.json.Json;
import org.seuil.formats.json.ReportJson;

/**
 * Writes places as a GeoJSON FeatureCollection, one feature per place and per line, as they come
 * (it is the sink of {@code PlaceStore.forEach}), so memory does not grow with the export.
 * Coordinates and measures keep full double precision: reading the file back gives equal records.
 * Besides the reports, each feature carries the derived {@code wheelchair},
 * {@code toilets:wheelchair} and {@code last_surveyed} so GIS users can style and filter on them.
 */
public final class GeoJsonWriter implements Consumer<PlaceRecord>, Closeable {
    private static final int BUFFER = 1 << 20;

    private final JsonGenerator out;
    private long count;

    /** Starts the collection; {@link #close()} ends it and closes {@code stream}. */
    public GeoJsonWriter(OutputStream stream) throws IOException {
        out = Json.FACTORY.createGenerator(stream, JsonEncoding.UTF8);
        out.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER.mappedFeature());
        out.setPrettyPrinter(new FeaturePerLine());
        out.writeStartObject();
        out.writeStringField("type", "FeatureCollection");
        out.writeArrayFieldStart("features");
    }

    public static GeoJsonWriter open(Path file) throws IOException {
        return new GeoJsonWriter(new BufferedOutputStream(Files.newOutputStream(file), BUFFER));
    }

    /** Writes one place; an I/O failure is rethrown unchecked, as {@link Consumer} allows no other. */
    @Override
    public void accept(PlaceRecord record) {
        try {
            write(record);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write feature " + count + ": " + e.getMessage(), e);
        }
    }

    public void write(PlaceRecord record) throws IOException {
        PlaceAccessibility accessibility = record.accessibility();
        writeHead(record.place(), accessibility.wheelchair(), accessibility.toiletsWheelchair(), accessibility.lastSurveyed());
        for (Report report : record.reports()) {
            ReportJson.write(out, report);
        }
        writeTail();
    }

    /**
     * Writes one place whose reports are already in their canonical JSON ({@link ReportJson}), as
     * a store keeps them: the JSON is copied as it is, which writes the same bytes as
     * {@link #write(PlaceRecord)} without parsing and re-encoding every report. The summary
     * (the place's derived accessibility) is given, not derived again.
     *
     * @param reportsJson one complete JSON object per report, oldest survey first
     */
    public void write(Place place, Accessibility wheelchair, Accessibility toiletsWheelchair, Instant lastSurveyed,
                      List<String> reportsJson) throws IOException {
        writeHead(place, wheelchair, toiletsWheelchair, lastSurveyed);
        for (String report : reportsJson) {
            out.writeRawValue(report);
        }
        writeTail();
    }

    /** Everything of a feature up to its reports, which come next in the open array. */
    private void writeHead(Place place, Accessibility wheelchair, Accessibility toiletsWheelchair, Instant lastSurveyed)
            throws IOException {
        out.writeStartObject();
        out.writeStringField("type", "Feature");
        out.writeStringField("id", place.id().value());
        out.writeObjectFieldStart("geometry");
        out.writeStringField("type", "Point");
        out.writeArrayFieldStart("coordinates");
        out.writeNumber(place.location().lon());
        out.writeNumber(place.location().lat());
        out.writeEndArray();
        out.writeEndObject();
        out.writeObjectFieldStart("properties");
        // Absent values are written as null so that every feature has the same attributes in GIS tools.
        out.writeStringField("name", place.name());
        out.writeStringField("category", place.category());
        out.writeStringField("address", place.address());
        out.writeStringField("wheelchair", wheelchair.osm());
        out.writeStringField("toilets:wheelchair", toiletsWheelchair.osm());
        out.writeStringField("last_surveyed", lastSurveyed == null ? null : lastSurveyed.toString());
        out.writeArrayFieldStart("reports");
    }

    private void writeTail() throws IOException {
        out.writeEndArray();
        out.writeEndObject();
        out.writeEndObject();
        count++;
    }

    /** Number of features written so far. */
    public long count() {
        return count;
    }

    /** Ends the collection and closes the stream; closing again does nothing. */
    @Override
    public void close() throws IOException {
        if (out.isClosed()) {
            return;
        }
        try (JsonGenerator generator = out) {
            generator.writeEndArray();
            generator.writeEndObject();
            generator.writeRaw('\n');
        }
    }

    /**
     * Compact JSON with one feature per line: line numbers in error messages then point at a
     * feature, and the file diffs and greps well.
     */
    private static final class FeaturePerLine extends MinimalPrettyPrinter {
        @Override
        public void writeStartArray(JsonGenerator g) throws IOException {
            g.writeRaw(isFeatureArray(g) ? "[\n" : "[");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(isFeatureArray(g) ? ",\n" : ",");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            g.writeRaw(isFeatureArray(g) ? "\n]" : "]");
        }

        private static boolean isFeatureArray(JsonGenerator g) {
            JsonStreamContext array = g.getOutputContext();
            return array.inArray() && array.getParent().inObject() && array.getParent().getParent().inRoot();
        }
    }
}
