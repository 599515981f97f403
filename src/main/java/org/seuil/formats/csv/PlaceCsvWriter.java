package org.seuil.formats.csv;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.seuil.domain.Criterion;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceAccessibility;
import org.seuil.domain.PlaceRecord;
import org.seuil.formats.CriterionTags;

/**
 * One row per place with its current accessibility, criterion by criterion, for spreadsheets:
 * UTF-8 with a byte order mark (without it Excel and some LibreOffice set-ups read accents as
 * Windows-1252), lengths in metres and slopes in percent as plain numbers with a '.' decimal point.
 * A text cell starting with {@code = + - @} is prefixed with {@code '} so a spreadsheet shows it
 * rather than running it as a formula (names come from the crowd); the reader removes the prefix.
 */
public final class PlaceCsvWriter implements Consumer<PlaceRecord>, Closeable {
    /** The columns, in order: the place, one per criterion (its key), then when and how often it was surveyed. */
    public static final List<String> HEADER = header();

    private final CsvWriter out;

    /** Writes the byte order mark and the header; {@link #close()} closes {@code stream}. */
    public PlaceCsvWriter(OutputStream stream) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        writer.write('\uFEFF');
        out = new CsvWriter(writer);
        for (String column : HEADER) {
            out.field(column);
        }
        out.endRow();
    }

    public static PlaceCsvWriter open(Path file) throws IOException {
        return new PlaceCsvWriter(Files.newOutputStream(file));
    }

    @Override
    public void accept(PlaceRecord record) {
        try {
            write(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(PlaceRecord record) throws IOException {
        Place place = record.place();
        PlaceAccessibility accessibility = record.accessibility();
        out.field(place.id().value());
        out.field(neutralized(place.name()));
        out.field(place.category());
        out.field(neutralized(place.address()));
        out.field(CriterionTags.plain(place.location().lat()));
        out.field(CriterionTags.plain(place.location().lon()));
        for (Criterion criterion : Criterion.values()) {
            out.field(CriterionTags.format(criterion, accessibility.value(criterion)));
        }
        Instant lastSurveyed = accessibility.lastSurveyed();
        out.field(lastSurveyed == null ? null : lastSurveyed.toString());
        out.field(Integer.toString(record.reports().size()));
        out.endRow();
    }

    /** Text a spreadsheet would take for a formula, made inert with a leading apostrophe. */
    static String neutralized(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\'' ? "'" + text : text;
    }

    /** The text as it was before {@link #neutralized}. */
    static String restored(String cell) {
        return cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@'".indexOf(cell.charAt(1)) >= 0
                ? cell.substring(1) : cell;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private static List<String> header() {
        List<String> columns = new ArrayList<>(List.of("id", "name", "category", "address", "lat", "lon"));
        for (Criterion criterion : Criterion.values()) {
            columns.add(criterion.key());
        }
        columns.add("last_surveyed");
        columns.add("report_count");
        return Collections.unmodifiableList(columns);
    }
}
