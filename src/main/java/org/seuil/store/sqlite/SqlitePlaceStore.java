package org.seuil.store.sqlite;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.seuil.domain.Accessibility;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.store.ConflictChoice;
import org.seuil.store.ImportSource;
import org.seuil.store.ImportSummary;
import org.seuil.store.OutboxEntry;
import org.seuil.store.PlaceFilter;
import org.seuil.store.PlaceStore;
import org.seuil.store.PlaceView;
import org.seuil.store.StaleRevisionException;
import org.seuil.store.StoreException;
import org.seuil.store.StoreStats;
import org.seuil.store.SyncConflict;
import org.seuil.store.SyncState;

/**
 * The local store in one SQLite file (see docs/store.md). Safe to share between threads: writes
 * are serialised on one connection, reads run on pooled connections in parallel with them.
 */
public final class SqlitePlaceStore implements PlaceStore {
    /** 256 MiB of page cache for the writer: an import of a million places then stays in memory. */
    static final int DEFAULT_WRITER_CACHE_KIB = 256 * 1024;
    private static final Pattern WORD_SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");
    private static final int MAX_SEARCH_WORDS = 16;
    /** 0 for venues (what people search for), 2 for public transport stops and platforms, 1 for the rest. */
    private static final String KIND_RANK = "CASE WHEN p.category_key IN ('amenity', 'tourism', 'shop', 'leisure', 'office',"
            + " 'healthcare', 'craft', 'historic', 'club', 'sport') THEN 0"
            + " WHEN p.category_key = 'public_transport' OR p.category IN ('highway=bus_stop', 'highway=platform',"
            + " 'railway=platform', 'railway=stop', 'railway=halt', 'railway=tram_stop', 'railway=subway_entrance') THEN 2"
            + " ELSE 1 END";

    private final Database database;

    private SqlitePlaceStore(Database database) {
        this.database = database;
    }

    /**
     * Opens the store in {@code file}, creating the file and its folders when absent and applying
     * pending migrations. Refuses a file that is not a Seuil store or comes from a newer Seuil.
     */
    public static SqlitePlaceStore open(Path file) {
        return open(file, DEFAULT_WRITER_CACHE_KIB);
    }

    static SqlitePlaceStore open(Path file, int writerCacheKib) {
        return new SqlitePlaceStore(Database.open(file, writerCacheKib));
    }

    /** The district audit campaigns kept in this store's file. */
    public org.seuil.store.CampaignStore campaigns() {
        return new SqliteCampaignStore(database);
    }

    @Override
    public Path file() {
        return database.file();
    }

    @Override
    public Optional<PlaceView> place(PlaceId id) {
        return database.read(s -> new PlaceTable(s).view(id));
    }

    @Override
    public List<Report> reports(PlaceId id) {
        return database.read(s -> new ReportTable(s).ofPlace(id));
    }

    @Override
    public Optional<Report> report(ReportId id) {
        return database.read(s -> new ReportTable(s).find(id)).map(ReportTable.Stored::report);
    }

    @Override
    public List<PlaceView> query(PlaceFilter filter, int limit) {
        checkLimit(limit);
        FilterSql sql = FilterSql.of(filter);
        return database.read(s -> {
            PreparedStatement select = s.prepare("SELECT " + PlaceTable.VIEW_COLUMNS + " FROM " + sql.from()
                    + " WHERE " + sql.where() + " LIMIT ?");
            select.setInt(sql.bind(select), limit);
            return views(select);
        });
    }

    @Override
    public void forEach(PlaceFilter filter, Consumer<PlaceRecord> sink) {
        FilterSql sql = FilterSql.of(filter);
        database.read(s -> {
            // One read transaction: the export sees one consistent state however long the sink takes.
            try (BatchPipe<PlaceRecord> reader = ExportThread.start(s, sql, SqlitePlaceStore::record)) {
                List<PlaceRecord> batch;
                while ((batch = reader.next()) != null) {
                    batch.forEach(sink);
                }
            }
            return null;
        });
    }

    /**
     * Like {@link #forEach}, in the same order, but hands on each place with its reports as their
     * stored JSON and its derived summary as stored, parsing nothing: what a GeoJSON export writes.
     */
    public void forEachEncoded(PlaceFilter filter, Consumer<EncodedPlace> sink) {
        FilterSql sql = FilterSql.of(filter);
        database.read(s -> {
            try (BatchPipe<EncodedPlace> reader = ExportThread.start(s, sql, encoded -> encoded)) {
                List<EncodedPlace> batch;
                while ((batch = reader.next()) != null) {
                    batch.forEach(sink);
                }
            }
            return null;
        });
    }

    private static PlaceRecord record(EncodedPlace encoded) {
        List<Report> reports = new ArrayList<>(encoded.reportsJson().size());
        for (String body : encoded.reportsJson()) {
            reports.add(Codecs.report(body, "of place " + encoded.place().id()));
        }
        return new PlaceRecord(encoded.place(), reports);
    }

    @Override
    public List<PlaceView> search(String text, int limit) {
        checkLimit(limit);
        String match = ftsQuery(text);
        if (match.isEmpty() || limit == 0) {
            return List.of();
        }
        String folded = NameMatch.fold(text);
        return database.read(s -> {
            // Whole-name matches first, then names that start with the text, then the rest; within
            // each, venues before other things and transport stops last (a bus stop is often named
            // after the museum beside it); then bm25, where a word in the name weighs more than one
            // in the address.
            PreparedStatement select = s.prepare("SELECT " + PlaceTable.VIEW_COLUMNS
                    + " FROM place_names CROSS JOIN places p ON p.pk = place_names.rowid"
                    + " WHERE place_names MATCH ? ORDER BY " + NameMatch.SQL_NAME + "(p.name, ?), " + KIND_RANK
                    + ", bm25(place_names, 10.0, 1.0), p.pk LIMIT ?");
            select.setString(1, match);
            select.setString(2, folded);
            select.setInt(3, limit);
            return views(select);
        });
    }

    /**
     * Turns what a person typed into an FTS5 query that cannot be a syntax error: every word
     * becomes a quoted prefix ({@code "caf"*}), words are ANDed; quotes, operators and stars
     * typed by the person are only separators.
     */
    static String ftsQuery(String text) {
        if (text == null) {
            return "";
        }
        return WORD_SEPARATORS.splitAsStream(Normalizer.normalize(text, Normalizer.Form.NFC))
                .filter(word -> !word.isEmpty())
                .limit(MAX_SEARCH_WORDS)
                .map(word -> "\"" + word.replace("\"", "\"\"") + "\"*")
                .collect(Collectors.joining(" "));
    }

    @Override
    public StoreStats stats(PlaceFilter filter) {
        FilterSql sql = FilterSql.of(filter);
        return database.read(s -> {
            long places;
            long reports;
            PreparedStatement totals = s.prepare("SELECT count(*), coalesce(sum(p.report_count), 0) FROM "
                    + sql.from() + " WHERE " + sql.where());
            sql.bind(totals);
            try (ResultSet rows = totals.executeQuery()) {
                rows.next();
                places = rows.getLong(1);
                reports = rows.getLong(2);
            }
            Map<String, Long> perCategory = new HashMap<>();
            PreparedStatement categories = s.prepare("SELECT p.category, count(*) FROM " + sql.from()
                    + " WHERE " + sql.where() + " AND p.category IS NOT NULL GROUP BY p.category");
            sql.bind(categories);
            try (ResultSet rows = categories.executeQuery()) {
                while (rows.next()) {
                    perCategory.put(rows.getString(1), rows.getLong(2));
                }
            }
            Map<Accessibility, Long> perGrade = new EnumMap<>(Accessibility.class);
            PreparedStatement grades = s.prepare("SELECT p.wheelchair, count(*) FROM " + sql.from()
                    + " WHERE " + sql.where() + " GROUP BY p.wheelchair");
            sql.bind(grades);
            try (ResultSet rows = grades.executeQuery()) {
                while (rows.next()) {
                    perGrade.put(Accessibility.fromOsm("wheelchair", rows.getString(1)), rows.getLong(2));
                }
            }
            return new StoreStats(places, reports, perCategory, perGrade);
        });
    }

    @Override
    public void savePlace(Place place) {
        database.write(s -> {
            PlaceTable places = new PlaceTable(s);
            if (!places.insertIfAbsent(place, PlaceTable.Derived.NONE)) {
                PlaceTable.Stored stored = places.find(place.id()).orElseThrow();
                if (stored.place().equals(place)) {
                    return null;
                }
                places.update(stored, place);
            }
            new OutboxTable(s).add(OutboxTable.PLACE, place.id().value());
            return null;
        });
    }

    @Override
    public void saveReport(Report report) {
        database.write(s -> {
            ReportTable reports = new ReportTable(s);
            Optional<ReportTable.Stored> stored = reports.find(report.id());
            if (stored.isPresent()) {
                ReportTable.Stored current = stored.get();
                if (!current.placeId().equals(report.placeId())) {
                    throw new StoreException("report " + report.id() + " belongs to place " + current.placeId()
                            + " and cannot move to place " + report.placeId());
                }
                if (report.revision() != current.revision() + 1) {
                    throw new StaleRevisionException(current.report(), report.revision());
                }
            }
            write(s, report, stored.isPresent());
            return null;
        });
    }

    @Override
    public void deleteReport(ReportId id, Instant at) {
        database.write(s -> {
            ReportTable.Stored stored = new ReportTable(s).find(id)
                    .orElseThrow(() -> new StoreException("there is no report " + id + " to delete"));
            Report current = stored.report();
            if (!current.deleted()) {
                write(s, current.tombstone(at), true);
            }
            return null;
        });
    }

    /** Writes a person's report, its place's derived columns and the outbox row. */
    static void write(Session s, Report report, boolean exists) throws SQLException {
        PlaceTable places = new PlaceTable(s);
        PlaceTable.Stored place = places.find(report.placeId()).orElseThrow(() -> new StoreException(
                "report " + report.id() + " is about place " + report.placeId() + ", which is not in the store"));
        ReportTable reports = new ReportTable(s);
        String body = Codecs.reportBody(report);
        if (exists) {
            reports.replace(report, body);
        } else {
            reports.insertIfAbsent(report, body);
        }
        places.setDerived(place.pk(), PlaceTable.Derived.of(reports.ofPlace(report.placeId())));
        new OutboxTable(s).add(OutboxTable.REPORT, report.id().value());
    }

    @Override
    public ImportSummary importRecords(Iterator<PlaceRecord> records, ImportSource source) {
        return database.writeBulk(s -> new PlaceTable(s).isEmpty(), s -> new Importer(s, source).run(records));
    }

    @Override
    public long pendingChanges() {
        return database.read(s -> new OutboxTable(s).pending());
    }

    @Override
    public List<OutboxEntry> outbox(int limit) {
        checkLimit(limit);
        return database.read(s -> new OutboxTable(s).oldest(limit));
    }

    @Override
    public void markSynced(List<Long> sequences) {
        List<Long> copy = List.copyOf(sequences);
        database.write(s -> {
            new OutboxTable(s).markSynced(copy);
            return null;
        });
    }

    @Override
    public void recordPush(List<Long> syncedSequences, List<SyncConflict> conflicts) {
        List<Long> sequences = List.copyOf(syncedSequences);
        List<SyncConflict> kept = List.copyOf(conflicts);
        database.write(s -> {
            new OutboxTable(s).markSynced(sequences);
            SyncTables sync = new SyncTables(s);
            for (SyncConflict c : kept) {
                sync.addConflict(c);
            }
            return null;
        });
    }

    @Override
    public void applyPulled(String server, List<PlaceRecord> changes, long cursor) {
        List<PlaceRecord> copy = List.copyOf(changes);
        database.write(s -> {
            SyncTables sync = new SyncTables(s);
            sync.applyPulled(copy);
            sync.setCursor(server, cursor);
            return null;
        });
    }

    @Override
    public void recordSyncSuccess(String server, Instant at) {
        database.write(s -> {
            new SyncTables(s).setLastSuccess(server, at);
            return null;
        });
    }

    @Override
    public SyncState syncState(String server) {
        return database.read(s -> new SyncTables(s).state(server));
    }

    @Override
    public List<SyncConflict> conflicts() {
        return database.read(s -> new SyncTables(s).conflicts());
    }

    /** Campaign sync's access to this store's campaigns: the change log to push, the server's copies to apply. */
    public org.seuil.store.CampaignSyncStore campaignSync() {
        return new SqliteCampaignSync(database);
    }

    @Override
    public Report resolveConflict(ReportId id, ConflictChoice choice) {
        return database.write(s -> {
            SyncTables sync = new SyncTables(s);
            SyncConflict conflict = sync.latestConflict(id.value())
                    .orElseThrow(() -> new StoreException("there is no sync conflict kept for report " + id));
            ReportTable reports = new ReportTable(s);
            boolean exists = reports.find(id).isPresent();
            Report kept;
            if (choice == ConflictChoice.KEEP_MINE) {
                // Based on their revision, so the server takes it as the next edit of its copy.
                kept = conflict.theirs() == null ? conflict.mine() : conflict.mine().withRevision(conflict.theirs().revision() + 1);
                write(s, kept, exists);
            } else {
                if (conflict.theirs() == null) {
                    throw new StoreException("report " + id + " was refused by the server, which has no copy of it to keep");
                }
                kept = conflict.theirs();
                PlaceTable places = new PlaceTable(s);
                PlaceTable.Stored place = places.find(kept.placeId()).orElseThrow(() -> new StoreException(
                        "report " + id + " is about place " + kept.placeId() + ", which is not in the store"));
                String body = Codecs.reportBody(kept);
                if (exists) {
                    reports.replace(kept, body);
                } else {
                    reports.insertIfAbsent(kept, body);
                }
                places.setDerived(place.pk(), PlaceTable.Derived.of(reports.ofPlace(kept.placeId())));
                new OutboxTable(s).dropPending(OutboxTable.REPORT, id.value());
            }
            sync.removeConflicts(id.value());
            return kept;
        });
    }

    @Override
    public void close() {
        database.close();
    }

    private static List<PlaceView> views(PreparedStatement select) throws SQLException {
        List<PlaceView> views = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                views.add(PlaceTable.view(rows));
            }
        }
        return views;
    }

    private static void checkLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + limit);
        }
    }
}
