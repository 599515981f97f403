package org.seuil.formats.csv;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.seuil.domain.Criterion;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.InvalidValueException;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Report;
import org.seuil.formats.CriterionTags;
import org.seuil.formats.IdSet;
import org.seuil.formats.InputException;
import org.seuil.formats.PlaceTags;
import org.seuil.formats.SkippedFeature;

/**
 * Reads places from a CSV file, one place and one report per row (see docs/formats.md for the
 * header mapping). Columns are found by name, case-insensitively, in any order: {@code lat} or
 * {@code latitude} and {@code lon}, {@code lng} or {@code longitude} are required; {@code id},
 * {@code name}, {@code category} (or bare OSM keys such as {@code amenity}), {@code address} (or
 * {@code addr:*}), {@code author}, {@code surveyed_at} (or {@code last_surveyed}) and one column
 * per criterion key are optional. Other columns are listed in {@link #ignoredColumns()} so a
 * caller can warn about a misspelt criterion.
 *
 * <p>Errors name the file, the line and the column as the header spells it. With
 * {@code skipInvalid} an invalid row is listed in {@link #skipped()} instead; a broken CSV
 * structure (an unclosed quote) always stops the read.
 */
public final class PlaceCsvReader implements Iterator<PlaceRecord>, AutoCloseable {
    static final String IMPORT_AUTHOR = "import";
    private static final Set<String> LAT = Set.of("lat", "latitude");
    private static final Set<String> LON = Set.of("lon", "lng", "long", "longitude");
    private static final Set<String> SURVEYED_AT = Set.of("surveyed_at", "last_surveyed");
    private static final Set<String> PLACE_COLUMNS = Set.of("id", "name", "category", "address", "author", "report_count");

    private final CsvParser parser;
    private final String file;
    private final Instant fileTime;
    private final boolean skipInvalid;
    private final List<String> header;
    /** Lower-case column name → index; OSM keys are lower case, so lookups by key work as they are. */
    private final Map<String, Integer> columns = new HashMap<>();
    private final int latColumn;
    private final int lonColumn;
    private final int surveyedAtColumn;
    private final List<String> ignored = new ArrayList<>();
    private final List<SkippedFeature> skipped = new ArrayList<>();
    private final IdSet placeIds = new IdSet();
    private List<String> row;
    private PlaceRecord next;
    private boolean done;

    /**
     * @param fileTime the survey time of rows without a {@code surveyed_at} column (the file's modification time)
     */
    public PlaceCsvReader(Reader in, String file, Instant fileTime, boolean skipInvalid) {
        this.parser = new CsvParser(in, file);
        this.file = file;
        this.fileTime = fileTime;
        this.skipInvalid = skipInvalid;
        List<String> names = read();
        if (names == null) {
            throw new InputException(file, null, null, "the file is empty, expected a header line such as " + String.join(",", PlaceCsvWriter.HEADER.subList(0, 6)));
        }
        header = List.copyOf(names);
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            if (columns.put(name, i) != null) {
                throw new InputException(file, "line 1", header.get(i), "this column appears twice in the header");
            }
            if (!known(name)) {
                ignored.add(header.get(i));
            }
        }
        latColumn = column(LAT, "latitude");
        lonColumn = column(LON, "longitude");
        surveyedAtColumn = optionalColumn(SURVEYED_AT);
    }

    /** Opens a file (UTF-8, with or without a byte order mark). */
    public static PlaceCsvReader open(Path file, boolean skipInvalid) {
        String name = file.toString();
        try {
            Instant modified = Files.getLastModifiedTime(file).toInstant();
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            Reader in = new InputStreamReader(Files.newInputStream(file), decoder);
            try {
                return new PlaceCsvReader(in, name, modified, skipInvalid);
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

    /** Header columns this reader does not use, as the header spells them. */
    public List<String> ignoredColumns() {
        return Collections.unmodifiableList(ignored);
    }

    /** Rows left out because of invalid content (only with {@code skipInvalid}); the index is the line. */
    public List<SkippedFeature> skipped() {
        return Collections.unmodifiableList(skipped);
    }

    @Override
    public boolean hasNext() {
        while (next == null && !done) {
            row = read();
            if (row == null) {
                done = true;
            } else if (!(row.size() == 1 && row.get(0).isBlank())) {
                next = place();
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

    private List<String> read() {
        try {
            return parser.next();
        } catch (CharacterCodingException e) {
            throw new InputException(file, "line " + parser.recordLine(), null, "is not UTF-8 text; save the file as CSV in UTF-8", e);
        } catch (IOException e) {
            throw new InputException(file, null, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** The row as a place, or null if it was skipped. */
    private PlaceRecord place() {
        int line = parser.recordLine();
        if (row.size() != header.size()) {
            return reject(line, null, "has " + row.size() + " fields but the header has " + header.size());
        }
        try {
            PlaceRecord record = record();
            if (!placeIds.add(record.place().id().value())) {
                return reject(line, header.get(columns.get("id")), "place " + record.place().id() + " already appears on an earlier line");
            }
            return record;
        } catch (InvalidValueException e) {
            return reject(line, e.field(), e.getMessage().substring(e.field().length() + 2));
        }
    }

    private PlaceRecord record() {
        Function<String, String> cell = key -> {
            Integer index = columns.get(key);
            if (index == null) {
                return null;
            }
            String value = row.get(index).strip();
            return value.isEmpty() ? null : value;
        };
        Function<String, String> columnName = key -> columns.containsKey(key) ? header.get(columns.get(key)) : key;
        String idText = cell.apply("id");
        PlaceId id = idText == null ? PlaceId.generate() : named(columnName.apply("id"), () -> PlaceTags.placeId(idText));
        double lat = number(latColumn);
        double lon = number(lonColumn);
        GeoPoint point = named(null, () -> new GeoPoint(lat, lon));
        Place place = named(null, () -> new Place(id, point, PlaceCsvWriter.restored(cell.apply("name")), PlaceTags.category(cell),
                PlaceCsvWriter.restored(PlaceTags.address(cell))));
        String author = cell.apply("author") == null ? IMPORT_AUTHOR : cell.apply("author");
        boolean dated = surveyedAtColumn >= 0 && !row.get(surveyedAtColumn).isBlank();
        Instant surveyedAt = dated ? instant(surveyedAtColumn) : fileTime;
        Report report = named(null, () -> CriterionTags.report(CriterionTags.importedReportId(id, author, surveyedAt), id, author,
                surveyedAt, cell, columns.keySet(), columnName));
        return new PlaceRecord(place, List.of(report));
    }

    /**
     * Runs a constructor and gives its error the column it came from: {@code column} for a
     * single-column value, else the column whose key is the field the domain named.
     */
    private <T> T named(String column, Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (InvalidValueException e) {
            String reason = e.getMessage().substring(e.field().length() + 2);
            if (column != null) {
                throw new InvalidValueException(column, reason);
            }
            String field = switch (e.field()) {
                case "lat" -> header.get(latColumn);
                case "lon" -> header.get(lonColumn);
                case "author" -> columns.containsKey("author") ? header.get(columns.get("author")) : "author";
                default -> columns.containsKey(e.field()) ? header.get(columns.get(e.field())) : e.field();
            };
            throw new InvalidValueException(field, reason);
        }
    }

    private double number(int column) {
        String text = row.get(column).strip();
        if (text.isEmpty()) {
            throw new InvalidValueException(header.get(column), "is required");
        }
        if (!text.matches("[-+]?[0-9]+([.,][0-9]+)?")) {
            throw new InvalidValueException(header.get(column), "expected a decimal number such as 43.7384, got '" + abbreviate(text) + "'");
        }
        return Double.parseDouble(text.replace(',', '.'));
    }

    /** An ISO 8601 UTC time, or a date (taken as midnight UTC), as spreadsheets often keep only the day. */
    private Instant instant(int column) {
        String text = row.get(column).strip();
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(header.get(column), "'" + abbreviate(text)
                    + "' is not a date such as 2024-05-01 or an ISO 8601 UTC time such as 2024-05-01T10:00:00Z");
        }
    }

    private PlaceRecord reject(int line, String column, String reason) {
        if (!skipInvalid) {
            throw new InputException(file, "line " + line, column, reason);
        }
        skipped.add(new SkippedFeature(line, "line " + line, column == null ? reason : column + ": " + reason));
        return null;
    }

    private int column(Set<String> names, String what) {
        int index = optionalColumn(names);
        if (index < 0) {
            throw new InputException(file, "line 1", null, "no " + what + " column: the header needs one of "
                    + String.join(", ", names.stream().sorted().toList()));
        }
        return index;
    }

    private int optionalColumn(Set<String> names) {
        for (String name : names) {
            Integer index = columns.get(name);
            if (index != null) {
                return index;
            }
        }
        return -1;
    }

    private static boolean known(String name) {
        if (LAT.contains(name) || LON.contains(name) || SURVEYED_AT.contains(name) || PLACE_COLUMNS.contains(name)
                || PlaceTags.CATEGORY_KEYS.contains(name) || name.startsWith("addr:") || name.startsWith("wheelchair:description")) {
            return true;
        }
        for (Criterion criterion : Criterion.values()) {
            if (criterion.key().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
