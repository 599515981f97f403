package org.seuil.store.sqlite;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.seuil.domain.Place;
import org.seuil.formats.json.Json;
import org.seuil.store.StoreException;
import org.sqlite.SQLiteConfig;

/**
 * Builds the spatial index ({@code place_index}) and the name index ({@code place_names}) of a bulk
 * import on a thread and in a scratch database of their own while the import writes its rows, then
 * copies the finished shadow tables into the store. Built in the store's own transaction, after
 * the rows, the two cost a third of a million-place import on one core (R*Tree packing 2.5 s, FTS5
 * rebuild 3-4.5 s); copying them costs about 0.7 s, and the building overlaps the row writing on
 * the second core. The scratch tables are made from the store's own definitions and page size, so
 * their contents are byte for byte what the store would have built (R*Tree nodes and FTS5
 * segments do not depend on the file they sit in).
 *
 * <p>The store's transaction is untouched until {@link #copyInto}: the copy is part of the import's
 * transaction, so a rollback or a kill leaves the indexes as they were. The scratch file is a
 * temporary file, deleted when the import ends.
 */
final class SideIndexes implements AutoCloseable {
    private static final String SPATIAL = "place_index";
    private static final String NAMES = "place_names";
    private static final String ALIAS = "side_indexes";
    /** Shadow tables copied, with the rows an empty index already has (cleared first). */
    private static final List<String> SHADOWS = List.of(SPATIAL + "_node", SPATIAL + "_parent", SPATIAL + "_rowid",
            NAMES + "_data", NAMES + "_idx", NAMES + "_docsize");

    /** Places of one written batch, as the indexes need them. */
    private record Batch(long[] pks, double[] lons, double[] lats, String[] names, String[] addresses) {
    }

    private static final Object END = new Object();
    private static final int NAMES_PER_STATEMENT = 1 << 16;
    /** The scratch file's name starts so, in the temporary folder. */
    static final String SCRATCH_PREFIX = "seuil-import-indexes";
    /** A killed import's scratch file is deleted by a later import once this old (see {@link #deleteLeftovers}). */
    private static final Duration LEFTOVER_AGE = Duration.ofDays(1);

    /** The scratch file, made by the building thread. */
    private volatile Path file;
    private final String spatialSql;
    private final String namesSql;
    private final long pageSize;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(64);
    private final Thread thread;
    private volatile boolean built;
    /** The places written since the last {@link #flush()}, and their row keys. */
    private List<Place> pending = new ArrayList<>();
    private List<Long> pendingPks = new ArrayList<>();
    private boolean attached;

    private SideIndexes(String spatialSql, String namesSql, long pageSize) {
        this.spatialSql = spatialSql;
        this.namesSql = namesSql;
        this.pageSize = pageSize;
        this.thread = new Thread(this::run, "seuil-import-indexes");
        thread.setDaemon(true);
    }

    /**
     * Starts building; the store's two index tables must be empty. When the store's transaction
     * ends, however it ends, the thread is stopped and the scratch file deleted.
     */
    static SideIndexes start(Session store) throws SQLException {
        String spatialSql = store.queryText("SELECT sql FROM sqlite_schema WHERE name = '" + SPATIAL + "'");
        String namesSql = store.queryText("SELECT sql FROM sqlite_schema WHERE name = '" + NAMES + "'");
        long pageSize = store.queryLong("PRAGMA page_size");
        SideIndexes side = new SideIndexes(spatialSql, namesSql, pageSize);
        store.afterTransaction(() -> {
            if (side.attached) {
                store.execute("DETACH DATABASE " + ALIAS);
            }
            side.close();
        });
        side.thread.start();
        return side;
    }

    /** Queues a place written with row key {@code pk}; handed on by {@link #flush()}. */
    void add(long pk, Place place) {
        pendingPks.add(pk);
        pending.add(place);
    }

    /** Hands the places added since the last call to the building thread. */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        int n = pending.size();
        Batch batch = new Batch(new long[n], new double[n], new double[n], new String[n], new String[n]);
        for (int i = 0; i < n; i++) {
            Place place = pending.get(i);
            batch.pks[i] = pendingPks.get(i);
            batch.lons[i] = place.location().lon();
            batch.lats[i] = place.location().lat();
            batch.names[i] = place.name();
            batch.addresses[i] = place.address();
        }
        pending = new ArrayList<>();
        pendingPks = new ArrayList<>();
        put(batch);
    }

    /**
     * Waits for the indexes and copies them into the store's empty index tables, in the store's
     * open transaction (SQLite detaches a database only between transactions, so the scratch
     * database stays attached until then). Returns false, copying nothing, if the building
     * failed (say the temporary folder is full): the caller then builds the indexes in place.
     */
    boolean copyInto(Session store) throws SQLException {
        flush();
        put(END);
        BatchPipe.join(thread);
        if (!built) {
            return false;
        }
        store.execute("ATTACH DATABASE '" + file.toString().replace("'", "''") + "' AS " + ALIAS);
        attached = true;
        for (String shadow : SHADOWS) {
            store.execute("DELETE FROM main.\"" + shadow + "\"");
            store.execute("INSERT INTO main.\"" + shadow + "\" SELECT * FROM " + ALIAS + ".\"" + shadow + "\"");
        }
        return true;
    }

    private void put(Object item) {
        while (thread.isAlive()) {
            try {
                if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("the import was interrupted");
            }
        }
        // The thread stopped early: copyInto says so.
    }

    private void run() {
        SQLiteConfig config = new SQLiteConfig();
        config.setGetGeneratedKeys(false);
        try {
            deleteLeftovers(Path.of(System.getProperty("java.io.tmpdir")), Instant.now().minus(LEFTOVER_AGE));
            file = Files.createTempFile(SCRATCH_PREFIX, ".db");
        } catch (IOException e) {
            return;
        }
        try (Session side = new Session(config.createConnection("jdbc:sqlite:" + file))) {
            side.execute("PRAGMA page_size = " + pageSize);
            // A scratch file: nothing to recover after a crash, the import starts again.
            side.execute("PRAGMA journal_mode = OFF");
            side.execute("PRAGMA synchronous = OFF");
            side.execute("PRAGMA cache_size = -65536");
            side.execute(spatialSql);
            side.execute(namesSql);
            side.execute("BEGIN");
            // FTS5 writes a new segment at every statement (its savepoint), so the names go in
            // chunks of many batches, one statement each, its rows from a JSON array.
            PreparedStatement names = side.prepare("INSERT INTO " + NAMES + " (rowid, name, address)"
                    + " SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)");
            long[] pks = new long[1 << 16];
            double[] lons = new double[pks.length];
            double[] lats = new double[pks.length];
            int count = 0;
            List<Batch> chunk = new ArrayList<>();
            int chunkSize = 0;
            Object item;
            while ((item = queue.take()) != END) {
                Batch batch = (Batch) item;
                int n = batch.pks.length;
                if (count + n > pks.length) {
                    int size = Math.max(pks.length * 2, count + n);
                    pks = Arrays.copyOf(pks, size);
                    lons = Arrays.copyOf(lons, size);
                    lats = Arrays.copyOf(lats, size);
                }
                System.arraycopy(batch.pks, 0, pks, count, n);
                System.arraycopy(batch.lons, 0, lons, count, n);
                System.arraycopy(batch.lats, 0, lats, count, n);
                count += n;
                chunk.add(batch);
                chunkSize += n;
                if (chunkSize >= NAMES_PER_STATEMENT) {
                    insertNames(names, chunk);
                    chunk.clear();
                    chunkSize = 0;
                }
            }
            insertNames(names, chunk);
            PackedRtree.build(side, SPATIAL, pks, lons, lats, count);
            side.execute("COMMIT");
            built = true;
        } catch (SQLException | IOException | InterruptedException | RuntimeException e) {
            // Not built: copyInto says so, and the import builds the indexes in place.
        }
    }

    /** Inserts the names of the batches with one statement. */
    private static void insertNames(PreparedStatement names, List<Batch> chunk) throws IOException, SQLException {
        if (chunk.isEmpty()) {
            return;
        }
        StringWriter json = new StringWriter(1 << 20);
        try (JsonGenerator out = Json.FACTORY.createGenerator(json)) {
            out.writeStartArray();
            for (Batch batch : chunk) {
                for (int i = 0; i < batch.pks.length; i++) {
                    out.writeStartArray();
                    out.writeNumber(batch.pks[i]);
                    out.writeString(batch.names[i]);
                    out.writeString(batch.addresses[i]);
                    out.writeEndArray();
                }
            }
            out.writeEndArray();
        }
        names.setString(1, json.toString());
        names.executeUpdate();
    }

    /**
     * Deletes the scratch files that killed imports left in {@code folder}, those not written to
     * since {@code before}: a running import writes to its own every few milliseconds, so a day
     * without a write means nobody is using it. Best effort: a file that cannot be deleted stays.
     */
    static void deleteLeftovers(Path folder, Instant before) {
        try (DirectoryStream<Path> scratch = Files.newDirectoryStream(folder, SCRATCH_PREFIX + "*.db")) {
            for (Path leftover : scratch) {
                try {
                    if (Files.getLastModifiedTime(leftover).toInstant().isBefore(before)) {
                        Files.deleteIfExists(leftover);
                    }
                } catch (IOException e) {
                    // another import's, or not ours to delete: left as it is
                }
            }
        } catch (IOException e) {
            // the temporary folder cannot be listed: nothing to clean
        }
    }

    /** Stops the building thread if it still runs and deletes the scratch file. */
    @Override
    public void close() {
        if (thread.isAlive()) {
            thread.interrupt();
            BatchPipe.join(thread);
        }
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // A temporary file: the system's temporary folder is cleaned anyway.
        }
    }
}
