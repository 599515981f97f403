package org.seuil.server.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
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
    /** Work waiting for {@link #lock}; whoever takes the lock runs what is here (see {@link #inTransaction}). */
    private final Queue<Queued<?>> queue = new ConcurrentLinkedQueue<>();
    /** At most this much queued work shares a transaction, so that no caller waits for a long queue. */
    private static final int MAX_GROUP = 16;
    private static final int PAGE_SIZE = 16384;
    /** Prepared once per SQL text; only used under {@link #lock}. */
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    /** The WAL is copied back into the file on a thread of its own once it holds this much. */
    private static final long WAL_LIMIT_BYTES = 256L << 20;
    private final WalCheckpointer checkpointer;

    private SqliteServerStore(Path file, Connection connection, int pageSize, long walLimitBytes) throws SQLException {
        this.connection = connection;
        this.checkpointer = new WalCheckpointer(file, lock, walLimitBytes, pageSize, 200, TimeUnit.MILLISECONDS);
    }

    public static SqliteServerStore open(Path file) {
        return open(file, WAL_LIMIT_BYTES);
    }

    /** With the WAL started over once it holds {@code walLimitBytes} (tests use a small one). */
    static SqliteServerStore open(Path file, long walLimitBytes) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            int pageSize;
            try (Statement s = c.createStatement()) {
                // A new file gets pages of 16 KiB (an existing one keeps its own). A commit writes each
                // page it changed to the WAL as one frame, and a batch of reports keyed by random UUIDs
                // changes pages all over four indexes: with 4 KiB pages, writing the frames (a system
                // call or two each) was a third of the writers' lock time, and pages four times as large
                // hold the same entries in a quarter of the frames.
                s.execute("PRAGMA page_size = " + PAGE_SIZE);
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = NORMAL");
                s.execute("PRAGMA foreign_keys = ON");
                s.execute("PRAGMA busy_timeout = 10000");
                // Reports, places and their indexes are keyed by random UUIDs, so each batch of 1,000
                // touches pages all over them: with SQLite's default 2 MB cache most were read again
                // (the writers' lock held meanwhile). 64 MB of cache. The WAL is copied back by
                // WalCheckpointer, not by whichever batch crossed SQLite's threshold.
                s.execute("PRAGMA cache_size = -65536");
                s.execute("PRAGMA wal_autocheckpoint = 0");
                try (ResultSet rs = s.executeQuery("PRAGMA page_size")) {
                    pageSize = rs.next() ? rs.getInt(1) : PAGE_SIZE;
                }
            }
            Migrations.apply(c, "BLOB", null);
            c.setAutoCommit(false);
            try {
                return new SqliteServerStore(file, c, pageSize, walLimitBytes);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        } catch (SQLException | java.io.IOException e) {
            throw new ServerStoreException("cannot open the server database " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} in a transaction of its own or, when other work is queued for the
     * connection, in one transaction with it (group commit): the thread that gets the lock runs
     * everything queued and commits once. A piece that fails is left out (see {@link #runGroup})
     * and its caller gets the failure; if the commit fails,
     * every caller of the group does, and nothing of the group is kept. Nobody learns an outcome
     * before the commit. A commit writes every page the transaction touched to the WAL, and
     * batches of reports keyed by random UUIDs touch pages all over four indexes: committing the
     * batches that waited for the lock together writes the pages they share once.
     */
    @Override
    protected <T> T inTransaction(SqlWork<T> work) {
        if (lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("database work may not start more database work");
        }
        Queued<T> mine = new Queued<>(work);
        queue.add(mine);
        lock.lock();
        try {
            while (!mine.done) {
                runGroup();
            }
        } finally {
            lock.unlock();
        }
        return mine.outcome();
    }

    /** How much work waits for the connection (for tests). */
    int queued() {
        return queue.size();
    }

    /** Work waiting for the connection, then its result or failure. Fields are guarded by {@link #lock}. */
    private static final class Queued<T> {
        final SqlWork<T> work;
        T result;
        RuntimeException failure;
        boolean done;

        Queued(SqlWork<T> work) {
            this.work = work;
        }

        void run(Connection c) throws SQLException {
            result = work.run(c);
        }

        T outcome() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }

    /**
     * Under {@link #lock}: the queued work, in arrival order, in one transaction. When a piece
     * fails, the transaction is rolled back and the others run again without it, in the same
     * order: each sees what it would have seen alone. (Savepoints around each piece would cost
     * more than a rare repetition: SQLite copies every page a savepoint's work first changes into
     * a statement journal.)
     */
    private void runGroup() {
        List<Queued<?>> group = new ArrayList<>();
        Queued<?> next;
        while (group.size() < MAX_GROUP && (next = queue.poll()) != null) {
            group.add(next);
        }
        try {
            while (!group.isEmpty()) {
                Queued<?> failed = null;
                for (Queued<?> q : group) {
                    try {
                        q.run(connection);
                    } catch (Exception | Error e) {
                        q.failure = failure(e);
                        failed = q;
                        break;
                    }
                }
                if (failed == null) {
                    connection.commit();
                    checkpointer.committed();
                    break;
                }
                rollbackQuietly(failed.failure);
                failed.done = true;
                group.remove(failed);
            }
        } catch (Exception | Error e) {
            rollbackQuietly(e);
            for (Queued<?> q : group) {
                q.result = null;
                q.failure = failure(e);
            }
        } finally {
            for (Queued<?> q : group) {
                q.done = true;
            }
        }
    }

    private static RuntimeException failure(Throwable e) {
        return e instanceof RuntimeException re ? re : new ServerStoreException("server database error: " + e.getMessage(), e);
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

    private void rollbackQuietly(Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        // Before taking the lock: the checkpointer's last pass may be waiting for it.
        checkpointer.close();
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
