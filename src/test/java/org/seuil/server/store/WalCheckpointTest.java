package org.seuil.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seuil.sync.protocol.Fixtures.T0;
import static org.seuil.sync.protocol.Fixtures.feature;
import static org.seuil.sync.protocol.Fixtures.uuid;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.Accessibility;
import org.seuil.sync.protocol.ReportFeature;

/**
 * The SQLite server store copies its WAL back into the database file on a thread of its own
 * (WalCheckpointer), not in the batch that crossed a threshold: the copy must happen while the
 * server runs, and the WAL must not grow without end under batches that never stop.
 */
class WalCheckpointTest {
    @TempDir
    Path dir;

    @Test
    void committedBatchesReachTheDatabaseFileWhileTheServerRuns() throws Exception {
        Path file = dir.resolve("server.db");
        try (SqliteServerStore store = SqliteServerStore.open(file)) {
            Principal alice = store.authenticate(store.createToken("alice", Role.REPORTER, T0)).orElseThrow();
            for (int b = 0; b < 10; b++) {
                store.applyBatch(alice, "key-" + b, "h", batch(b, 20, 1), T0);
            }
            // The database file alone, without its WAL, comes to hold every report: copied (a copy
            // taken during a pass may be torn; the next one is not) and counted until it does.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            int found = -1;
            for (int attempt = 0; found != 200 && System.nanoTime() < deadline; attempt++) {
                Thread.sleep(50);
                found = reportsInCopy(file, dir.resolve("copy" + attempt + ".db"));
            }
            assertEquals(200, found);
        }
    }

    private static int reportsInCopy(Path file, Path copy) throws java.io.IOException {
        Files.copy(file, copy);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM reports")) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException torn) {
            return -1;
        }
    }

    @Test
    void theWalStartsOverUnderBatchesThatNeverStop() throws Exception {
        Path file = dir.resolve("server.db");
        Path wal = dir.resolve("server.db-wal");
        long limit = 256 << 10;
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (SqliteServerStore store = SqliteServerStore.open(file, limit)) {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                Principal who = store.authenticate(store.createToken("user" + w, Role.REPORTER, T0)).orElseThrow();
                int writer = w;
                // Each writer sends its next batch as soon as the last one is answered, so that
                // some commit is always newer than the checkpointer's last pass.
                writers.add(pool.submit(() -> {
                    for (int b = 0; b < 300; b++) {
                        store.applyBatch(who, "w" + writer + "-" + b, "h", batch(1000 * writer + b, 40, 100_000 * (writer + 1)), T0);
                    }
                    return null;
                }));
            }
            for (Future<?> f : writers) {
                f.get(120, TimeUnit.SECONDS);
            }
            long walBytes = Files.size(wal);
            long dbBytes = Files.size(file);
            // The batches changed the same index pages again and again: the frames they wrote come to
            // about thirty times the database file. A WAL started over holds a few passes' worth.
            assertTrue(walBytes < 10 * dbBytes, "WAL of " + walBytes + " bytes for a database file of " + dbBytes + " bytes");
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code count} features of new places and reports, numbered from {@code first * count + offset}. */
    private static List<ReportFeature> batch(int first, int count, int offset) {
        List<ReportFeature> features = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = offset + first * count + i;
            features.add(feature(uuid(n), uuid(n + 50_000_000), "x", 1, Accessibility.values()[n % 4], n % 5));
        }
        return features;
    }
}
