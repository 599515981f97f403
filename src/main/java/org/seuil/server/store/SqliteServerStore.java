package org.seuil.server.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded server store: one SQLite file, nothing to install. One connection serves every
 * request in turn (SQLite has one writer anyway); WAL keeps a crash from losing committed batches.
 */
public final class SqliteServerStore extends JdbcServerStore {
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    /** Prepared once per SQL text; only used under {@link #lock}. */
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    private SqliteServerStore(Connection connection) {
        this.connection = connection;
    }

    public static SqliteServerStore open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("PRAGMA foreign_keys = ON");
                s.execute("PRAGMA busy_timeout = 10000");
                // Reports, places and their indexes are keyed by random UUIDs, so each batch of 1,000
                // touches pages all over them: with SQLite's default 2 MB cache most were read again
                // (the writers' lock held meanwhile), and a checkpoint every 4 MB of WAL wrote the
                // same pages again and again. 64 MB of cache; a checkpoint every 64 MB of WAL.
                s.execute("PRAGMA cache_size = -65536");
                s.execute("PRAGMA wal_autocheckpoint = 16384");
            }
            Migrations.apply(c, "BLOB", null);
            c.setAutoCommit(false);
            return new SqliteServerStore(c);
        } catch (SQLException | java.io.IOException e) {
            throw new ServerStoreException("cannot open the server database " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected <T> T inTransaction(SqlWork<T> work) {
        lock.lock();
        try {
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(e);
                if (e instanceof RuntimeException re) {
                    throw re;
                }
                throw new ServerStoreException("server database error: " + e.getMessage(), e);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    protected PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement s = statements.get(sql);
        if (s == null) {
            s = c.prepareStatement(sql);
            statements.put(sql, s);
        }
        return s;
    }

    /** SQLite keeps text in UTF-8 and hands out its bytes as they are (a string would be decoded, then encoded again). */
    @Override
    protected byte[] storedText(ResultSet rs, int column) throws SQLException {
        return rs.getBytes(column);
    }

    @Override
    protected void release(PreparedStatement s) throws SQLException {
        s.clearParameters();
    }

    @Override
    protected <T> T read(SqlWork<T> work) {
        return inTransaction(work);
    }

    private void rollbackQuietly(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            for (PreparedStatement s : statements.values()) {
                s.close();
            }
            connection.close();
        } catch (SQLException e) {
            throw new ServerStoreException("cannot close the server database: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }
}
