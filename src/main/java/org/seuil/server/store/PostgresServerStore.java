package org.seuil.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Semaphore;

/**
 * The server store on PostgreSQL, for several stateless server instances behind a load balancer.
 * The schema and SQL are those of {@link SqliteServerStore}; concurrency comes from the
 * {@code changes} counter row lock (see {@link JdbcServerStore}) at READ COMMITTED.
 */
public final class PostgresServerStore extends JdbcServerStore {
    /** Serializes the migrations of instances that start at the same time. */
    private static final String MIGRATION_LOCK = "SELECT pg_advisory_xact_lock(7305726)";

    private final HikariDataSource pool;
    /**
     * Write transactions queue here, before taking a connection: writers are serialized by the
     * counter row lock anyway, and writers waiting inside the database would hold every pooled
     * connection and starve the reads (token checks, pulls).
     */
    private final Semaphore writers;

    private PostgresServerStore(HikariDataSource pool, int writerConnections) {
        this.pool = pool;
        this.writers = new Semaphore(writerConnections, true);
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
        config.setConnectionTimeout(10_000);
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
        return new PostgresServerStore(pool, Math.max(1, poolSize / 4));
    }

    @Override
    protected <T> T inTransaction(SqlWork<T> work) {
        try {
            writers.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerStoreException("interrupted while waiting to write", e);
        }
        try {
            return transaction(work);
        } finally {
            writers.release();
        }
    }

    private <T> T transaction(SqlWork<T> work) {
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
        }
    }

    @Override
    protected <T> T read(SqlWork<T> work) {
        return transaction(work);
    }

    @Override
    public void close() {
        pool.close();
    }

    private static String withoutSecrets(String url) {
        return url.replaceAll("(?i)password=[^&]*", "password=***");
    }
}
