package org.seuil.server.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Copies the server store's WAL back into the database file on a thread and connection of its
 * own, so that a batch never waits for it. With SQLite's automatic checkpoint the writer that
 * crossed the threshold copied the WAL and waited for its fsync while holding the writers' lock:
 * 40 % of the push time on a store of 300,000 reports.
 *
 * <p>A passive checkpoint copies the frames committed before it started and leaves writers
 * alone; SQLite starts the WAL over from its beginning only when a writer finds every frame
 * copied. Under a steady stream of batches some frame is always newer, and the WAL would grow
 * without end; so once it holds more than {@code walLimitBytes}, the next pass takes the
 * writers' lock and copies the few frames written since the previous pass, and the next batch
 * starts the WAL over.
 */
final class WalCheckpointer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WalCheckpointer.class.getName());

    private final Connection connection;
    private final ReentrantLock writers;
    private final long walLimitBytes;
    private final long pageSize;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "seuil-wal-checkpoint");
        t.setDaemon(true);
        return t;
    });
    /** Set by a commit, cleared by the pass that follows it. */
    private final AtomicBoolean committed = new AtomicBoolean();
    /** Only the first failure of a run of them is logged; reset by a pass that succeeds. Checkpoint thread only. */
    private boolean failing;

    /**
     * @param writers the lock every writer of the store holds for its transaction
     * @param pause   the time between two looks for commits, so that a page changed by every batch
     *                is copied once per pause rather than once per batch
     */
    WalCheckpointer(Path file, ReentrantLock writers, long walLimitBytes, long pageSize, long pause, TimeUnit unit)
            throws SQLException {
        this.connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        this.writers = writers;
        this.walLimitBytes = walLimitBytes;
        this.pageSize = pageSize;
        thread.scheduleWithFixedDelay(this::passAfterCommits, pause, pause, unit);
    }

    /** Called after each commit: a pass follows within one pause. */
    void committed() {
        committed.set(true);
    }

    private void passAfterCommits() {
        if (!committed.getAndSet(false)) {
            return;
        }
        try {
            if (passive() * pageSize > walLimitBytes) {
                writers.lock();
                try {
                    passive();
                } finally {
                    writers.unlock();
                }
            }
            failing = false;
        } catch (SQLException | RuntimeException e) {
            // Batches go on meanwhile (their connection does not checkpoint), the WAL grows until a
            // later pass succeeds or the store closes, which copies it. Caught here, or the executor
            // would silently run no pass again.
            if (!failing) {
                LOG.log(Level.WARNING, "WAL checkpoint failed; trying again after the next commit", e);
            }
            failing = true;
        }
    }

    /** Runs a passive checkpoint; returns the number of frames in the WAL. */
    private long passive() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            rs.next();
            return rs.getLong(2);
        }
    }

    /** Stops the thread after its pass in progress; the store's last connection copies the rest when it closes. */
    @Override
    public void close() {
        thread.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (thread.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "cannot close the WAL checkpoint connection", e);
        }
    }
}
