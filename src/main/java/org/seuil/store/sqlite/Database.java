package org.seuil.store.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.seuil.store.StoreException;
import org.sqlite.SQLiteConfig;

/**
 * The connections to one store file. Concurrency: one write connection, guarded by a lock, so
 * writes are serialised in this process (SQLite allows one writer anyway); reads use their own
 * connections from a small pool, and WAL lets them run while a write or an import is under way,
 * each read seeing the last committed state (except during an import into a store with no places,
 * see {@link #writeBulk}). Crash safety: WAL (or the rollback journal) with {@code synchronous=NORMAL}
 * keeps every transaction atomic when the process is killed; a power cut may lose the last
 * commits but never leaves a half-written one.
 */
final class Database implements AutoCloseable {
    /** Idle read connections kept open; more are opened when needed and closed when returned. */
    private static final int IDLE_READERS = 4;
    private static final int READER_CACHE_KIB = 32 * 1024;
    private static final int BUSY_TIMEOUT_MS = 10_000;
    private static final int NEW_STORE_PAGE_SIZE = 8192;

    interface Work<T> {
        T run(Session session) throws SQLException;
    }

    private final Path file;
    private final Session writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ConcurrentLinkedQueue<Session> idleReaders = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    private Database(Path file, Session writer) {
        this.file = file;
        this.writer = writer;
    }

    static Database open(Path file, int writerCacheKib) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new StoreException(absolute + " is a folder, not a Seuil store file");
        }
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new StoreException("cannot create the folder of the store " + absolute + ": " + e.getMessage(), e);
        }
        Session writer = connect(absolute);
        try {
            // Check before changing anything: a refused file must stay byte for byte as it was.
            int version = Migrations.check(writer, absolute);
            if (version == 0 && writer.queryLong("SELECT count(*) FROM sqlite_schema") == 0) {
                // Only possible before the first table (and before WAL): fewer, fuller B-tree pages
                // for rows of a few hundred bytes. Existing stores keep the size they were made with.
                writer.execute("PRAGMA page_size = " + NEW_STORE_PAGE_SIZE);
            }
            String mode = writer.queryText("PRAGMA journal_mode = WAL");
            if (!"wal".equalsIgnoreCase(mode)) {
                throw new StoreException("cannot put " + absolute + " in WAL mode (got " + mode + "); is it on a network drive?");
            }
            writer.execute("PRAGMA synchronous = NORMAL");
            writer.execute("PRAGMA cache_size = -" + writerCacheKib);
            writer.execute("PRAGMA temp_store = MEMORY");
            // After a big import the WAL is as big as the data; give the space back after checkpoints.
            writer.execute("PRAGMA journal_size_limit = " + (64L << 20));
            Migrations.migrate(writer, absolute, version);
            return new Database(absolute, writer);
        } catch (SQLException e) {
            writer.close();
            throw new StoreException("cannot open the store " + absolute + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    private static Session connect(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        // Otherwise the driver asks for last_insert_rowid() after every insert of an import.
        config.setGetGeneratedKeys(false);
        try {
            java.sql.Connection connection = config.createConnection("jdbc:sqlite:" + file);
            // Statements naming the area test must prepare before a filter with an area binds one.
            AreaFunction.install(connection, null);
            return new Session(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot open the store " + file + ": " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    /**
     * Runs work in one write transaction: committed when it returns, rolled back when it throws.
     * Runtime exceptions (from an import's iterator, say) come out unchanged.
     */
    <T> T write(Work<T> work) {
        return writeBulk(s -> false, work);
    }

    private <T> T inTransaction(Work<T> work) throws SQLException {
        writer.execute("BEGIN IMMEDIATE");
        T result;
        try {
            result = work.run(writer);
            writer.execute("COMMIT");
        } catch (Throwable failure) {
            rollback(writer, failure);
            try {
                writer.transactionEnded();
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
            throw failure;
        }
        writer.transactionEnded();
        return result;
    }

    /**
     * Runs a large write (an import) in one transaction like {@link #write}; when {@code appendsToEmpty}
     * says the work will mostly append to an empty store, the transaction uses SQLite's rollback
     * journal instead of the WAL. Pages beyond the file's size at the start are never journalled,
     * so the import writes each page once, straight into the file, with no checkpoint copying the
     * whole WAL afterwards; a kill leaves a journal that the next open rolls back (truncating the
     * appended pages), so the previous content stays intact exactly as with the WAL. The cost:
     * readers wait (up to the busy timeout) instead of seeing the state before the import, which
     * for a store with no places yet shows nothing anyway (decisions/0008). When another
     * connection has the store open the mode cannot change, and the write goes through the WAL.
     */
    <T> T writeBulk(Work<Boolean> appendsToEmpty, Work<T> work) {
        if (writeLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("a store write cannot start inside another write");
        }
        writeLock.lock();
        try {
            ensureOpen();
            boolean journal = appendsToEmpty.run(writer) && leaveWal();
            try {
                return inTransaction(work);
            } finally {
                if (journal) {
                    backToWal();
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Switches the writer to the rollback journal; false if another connection holds the store. */
    private boolean leaveWal() {
        Session reader;
        while ((reader = idleReaders.poll()) != null) {
            reader.close();
        }
        try {
            return "delete".equalsIgnoreCase(writer.queryText("PRAGMA journal_mode = DELETE"));
        } catch (SQLException busy) {
            return false;
        }
    }

    /**
     * Back to the WAL once the import is over. Should another process hold the store just now,
     * it stays in rollback-journal mode, as safe but with readers waiting on writers, until the
     * next {@link #open} sets the WAL again; the import is not failed for that.
     */
    private void backToWal() {
        try {
            writer.queryText("PRAGMA journal_mode = WAL");
        } catch (SQLException busy) {
            // see above
        }
    }

    /** Runs work in one read transaction, so all its queries see the same committed state. */
    <T> T read(Work<T> work) {
        ensureOpen();
        Session reader = idleReaders.poll();
        if (reader == null) {
            reader = openReader();
        }
        try {
            reader.execute("BEGIN");
            T result;
            try {
                result = work.run(reader);
            } catch (Throwable failure) {
                rollback(reader, failure);
                throw failure;
            }
            reader.execute("COMMIT");
            return result;
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            if (closed || idleReaders.size() >= IDLE_READERS) {
                reader.close();
            } else {
                idleReaders.add(reader);
            }
        }
    }

    private Session openReader() {
        Session reader = connect(file);
        try {
            reader.execute("PRAGMA query_only = 1");
            reader.execute("PRAGMA cache_size = -" + READER_CACHE_KIB);
            reader.execute("PRAGMA temp_store = MEMORY");
            NameMatch.register(reader);
            return reader;
        } catch (SQLException e) {
            reader.close();
            throw failure(e);
        }
    }

    private static void rollback(Session session, Throwable failure) {
        try {
            session.execute("ROLLBACK");
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("the store " + file + " is closed");
        }
    }

    StoreException failure(SQLException e) {
        return new StoreException("store " + file + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            Session reader;
            while ((reader = idleReaders.poll()) != null) {
                reader.close();
            }
            writer.close();
        } finally {
            writeLock.unlock();
        }
    }
}
