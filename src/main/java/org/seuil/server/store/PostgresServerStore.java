package org.seuil.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.seuil.domain.Place;

/**
 * The server store on PostgreSQL, for several stateless server instances behind a load balancer.
 * The schema and SQL are those of {@link SqliteServerStore}; concurrency comes from the
 * {@code changes} counter row lock (see {@link JdbcServerStore}) at READ COMMITTED.
 */
public final class PostgresServerStore extends JdbcServerStore {
    /** Serializes the migrations of instances that start at the same time. */
    private static final String MIGRATION_LOCK = "SELECT pg_advisory_xact_lock(7305726)";

    /** SQLSTATEs after which PostgreSQL asks the client to run the transaction again. */
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK_DETECTED = "40P01";
    static final int ATTEMPTS = 4;
    /** How long a request may queue for a connection before it is answered 503; well under a client's 60 s. */
    private static final long QUEUE_SECONDS = 45;

    private final HikariDataSource pool;
    /**
     * Every piece of database work queues here, in arrival order, before taking a connection:
     * under load requests wait their turn (up to {@link #QUEUE_SECONDS}) instead of failing after
     * the pool's own timeout, and nobody waits inside Hikari.
     */
    private final Semaphore connections;
    /**
     * Write transactions queue here first: writers are serialized by the counter row lock anyway,
     * and writers waiting inside the database would hold every pooled connection and starve the
     * reads (token checks, pulls).
     */
    private final Semaphore writers;

    private PostgresServerStore(HikariDataSource pool, int poolSize) {
        this.pool = pool;
        this.connections = new Semaphore(poolSize, true);
        this.writers = new Semaphore(Math.max(1, poolSize / 4), true);
    }

    /** @param jdbcUrl e.g. {@code jdbc:postgresql://127.0.0.1:5432/seuil?user=seuil&password=...} */
    public static PostgresServerStore open(String jdbcUrl, int poolSize) {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("'" + jdbcUrl + "' is not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db?user=...)");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("seuil-server");
        config.setAutoCommit(false);
        // A JDBC batch of inserts travels as multi-row INSERTs: one round trip for many reports.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        // After five runs of a prepared statement PostgreSQL may keep a generic plan; for the
        // change feed that plan walks every place in the box and sorts all their reports (seconds
        // each on 50,000 reports) instead of reading LIMIT rows along the seq index. Under 200
        // clients the pulls piled up and every request timed out.
        config.setConnectionInitSql("SET plan_cache_mode = force_custom_plan");
        // Requests queue on the semaphore above; this only bounds a connection that cannot be made.
        config.setConnectionTimeout(30_000);
        config.setInitializationFailTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new ServerStoreException("cannot reach PostgreSQL at " + withoutSecrets(jdbcUrl) + ": " + e.getMessage(), e);
        }
        try (Connection c = pool.getConnection()) {
            Migrations.apply(c, "BYTEA", MIGRATION_LOCK);
        } catch (SQLException e) {
            pool.close();
            throw new ServerStoreException("cannot prepare the PostgreSQL database: " + e.getMessage(), e);
        }
        return new PostgresServerStore(pool, poolSize);
    }

    @Override
    protected <T> T inTransaction(SqlWork<T> work) {
        acquire(writers, "to write");
        try {
            return transaction(work);
        } finally {
            writers.release();
        }
    }

    /**
     * pgjdbc hands out a text column's bytes as they came from the server, in the connection's
     * encoding, which pgjdbc always sets to UTF-8: no string decoded and encoded again.
     */
    @Override
    protected byte[] storedText(ResultSet rs, int column) throws SQLException {
        return rs.getBytes(column);
    }

    /**
     * The inner {@code ORDER BY seq LIMIT} leaves the planner only the {@code seq} index: with
     * stale statistics after a bulk push it started from the places in the box and sorted all
     * their reports. A lateral subquery with {@code OFFSET 0} cannot be flattened into a join, so
     * each report of the slice looks its place up through the primary key; as a plain join
     * PostgreSQL chose to hash all the places (50,000 of them: 190 ms) for every slice of 1,000 reports.
     * (SQLite would materialize the inner query and sort it again: it keeps the plain join.)
     */
    @Override
    protected String sliceOfReports() {
        return "(SELECT seq, id, place_id, body, hidden_by FROM reports WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?) r "
                + "CROSS JOIN LATERAL (SELECT id, lon, lat, name, category, address FROM places WHERE id = r.place_id OFFSET 0) p "
                + "ORDER BY r.seq";
    }

    /**
     * The places of a batch as one array per column, unnested into one statement: a JDBC batch
     * travels as multi-row {@code VALUES} of up to 128 rows, which PostgreSQL parses, plans and
     * evaluates row by row; an array is one parameter (see {@code docs/sync-performance.md},
     * "Session 6").
     */
    @Override
    protected void upsertPlaces(Connection c, Collection<Place> places, String updatedAt) throws SQLException {
        insertUnnested(c, "INSERT INTO places (id, lon, lat, name, category, address, updated_at) "
                + "SELECT id, lon, lat, name, category, address, ? "
                + "FROM unnest(?::text[], ?::float8[], ?::float8[], ?::text[], ?::text[], ?::text[]) AS t(id, lon, lat, name, category, address) "
                + UPSERT_PLACE_SET, List.of(updatedAt),
                column("text", places, p -> p.id().value()),
                column("float8", places, p -> p.location().lon()),
                column("float8", places, p -> p.location().lat()),
                column("text", places, Place::name),
                column("text", places, Place::category),
                column("text", places, Place::address));
    }

    /** The new reports of a batch as one array per column (see {@link #upsertPlaces}). */
    @Override
    protected void insertReports(Connection c, List<NewReport> reports, String ownerId, String receivedAt) throws SQLException {
        insertUnnested(c, "INSERT INTO reports (id, place_id, owner_id, revision, deleted, body, seq, received_at) "
                + "SELECT id, place_id, ?, revision, deleted, body, seq, ? "
                + "FROM unnest(?::text[], ?::text[], ?::int4[], ?::int4[], ?::text[], ?::int8[]) AS t(id, place_id, revision, deleted, body, seq)",
                List.of(ownerId, receivedAt),
                column("text", reports, r -> r.report().id().value()),
                column("text", reports, r -> r.report().placeId().value()),
                column("int4", reports, r -> r.report().revision()),
                column("int4", reports, r -> r.report().deleted() ? 1 : 0),
                column("text", reports, NewReport::text),
                column("int8", reports, NewReport::seq));
    }

    /** One column of rows for {@code unnest}: its PostgreSQL type and its values, in row order. */
    private record Column(String type, Object[] values) {
    }

    private static <T> Column column(String type, Collection<T> rows, Function<T, Object> value) {
        return new Column(type, rows.stream().map(value).toArray());
    }

    /** Runs {@code sql} with the scalar parameters first, then one array parameter per column. */
    private static void insertUnnested(Connection c, String sql, List<Object> scalars, Column... columns) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int parameter = 1;
            for (Object scalar : scalars) {
                s.setObject(parameter++, scalar);
            }
            for (Column column : columns) {
                s.setArray(parameter++, c.createArrayOf(column.type(), column.values()));
            }
            s.executeUpdate();
        }
    }

    @Override
    protected <T> T read(SqlWork<T> work) {
        return transaction(work);
    }

    /**
     * Runs {@code work} in one transaction, again (up to {@link #ATTEMPTS} times, after a short
     * random pause) when PostgreSQL aborted it with a serialization failure or a deadlock: the
     * work starts over from a fresh transaction, so nothing of the failed attempt remains.
     */
    private <T> T transaction(SqlWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (ServerStoreException e) {
                if (attempt >= ATTEMPTS || !retryable(e.getCause())) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private <T> T once(SqlWork<T> work) {
        acquire(connections, "for a database connection");
        try (Connection c = pool.getConnection()) {
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                if (e instanceof RuntimeException re) {
                    throw re;
                }
                throw (SQLException) e;
            }
        } catch (SQLException e) {
            throw new ServerStoreException("server database error: " + e.getMessage(), e);
        } finally {
            connections.release();
        }
    }

    static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && (SERIALIZATION_FAILURE.equals(sql.getSQLState()) || DEADLOCK_DETECTED.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerStoreException("interrupted before retrying a transaction", e);
        }
    }

    private static void acquire(Semaphore semaphore, String what) {
        try {
            if (!semaphore.tryAcquire(QUEUE_SECONDS, TimeUnit.SECONDS)) {
                throw new ServerStoreException("waited " + QUEUE_SECONDS + " s " + what + "; the database is overloaded", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerStoreException("interrupted while waiting " + what, e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    private static String withoutSecrets(String url) {
        return url.replaceAll("(?i)password=[^&]*", "password=***");
    }
}
