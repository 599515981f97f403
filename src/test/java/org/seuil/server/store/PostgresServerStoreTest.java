package org.seuil.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seuil.sync.protocol.Fixtures.T0;
import static org.seuil.sync.protocol.Fixtures.feature;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.seuil.domain.Accessibility;
import org.seuil.sync.protocol.ReportFeature;

/** What only PostgreSQL shows: how the store's writes age in the database. */
class PostgresServerStoreTest {
    @Test
    void aLargeBatchLeavesAFewVersionsOfTheChangeCounterNotOnePerReport() throws Exception {
        String url = PostgresTestCluster.freshSchemaUrl();
        try (PostgresServerStore store = PostgresServerStore.open(url, 4)) {
            Principal alice = store.authenticate(store.createToken("alice", Role.REPORTER, T0)).orElseThrow();
            List<ReportFeature> features = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                features.add(feature(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "alice", 1, Accessibility.YES, 0));
            }
            store.applyBatch(alice, "k1", "h1", features, T0);
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT pg_relation_size('counters'), (SELECT value FROM counters WHERE name = 'changes')")) {
                rs.next();
                // An update per report left 1,000 dead versions of the one counter row (7 pages);
                // every writer and reader walked them until vacuum, and under load requests timed out.
                assertEquals(8192, rs.getLong(1), "the counters table grew past one page");
                assertEquals(1000, rs.getLong(2), "one sequence number per report");
            }
        }
    }

    @Test
    void everyPooledConnectionPlansEachRunWithItsOwnParameters() {
        try (PostgresServerStore store = PostgresServerStore.open(PostgresTestCluster.freshSchemaUrl(), 4)) {
            // A generic plan of the change feed read every report in the box and sorted them
            // (seconds on 50,000 reports); under 200 clients every request then timed out.
            for (int i = 0; i < 8; i++) {
                String mode = store.read(c -> {
                    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW plan_cache_mode")) {
                        rs.next();
                        return rs.getString(1);
                    }
                });
                assertEquals("force_custom_plan", mode);
            }
        }
    }

    @Test
    void aTransactionAbortedByADeadlockIsRunAgainAndBothWritersCommit() throws Exception {
        String url = PostgresTestCluster.freshSchemaUrl();
        try (PostgresServerStore store = PostgresServerStore.open(url, 8)) {
            store.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE pair (id INTEGER PRIMARY KEY, v INTEGER NOT NULL)");
                    s.execute("INSERT INTO pair VALUES (1, 0), (2, 0)");
                }
                return null;
            });
            // Two transactions lock the two rows in opposite orders: PostgreSQL aborts one with
            // deadlock_detected (40P01); the store must run it again instead of answering 503.
            CyclicBarrier bothHoldOneRow = new CyclicBarrier(2);
            AtomicInteger runs = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Object>> done = new ArrayList<>();
                for (int[] order : new int[][] {{1, 2}, {2, 1}}) {
                    done.add(pool.submit(() -> store.inTransaction(c -> {
                        boolean first = runs.incrementAndGet() <= 2;
                        try (Statement s = c.createStatement()) {
                            s.executeUpdate("UPDATE pair SET v = v + 1 WHERE id = " + order[0]);
                            if (first) {
                                bothHoldOneRow.await(30, TimeUnit.SECONDS);
                            }
                            s.executeUpdate("UPDATE pair SET v = v + 1 WHERE id = " + order[1]);
                        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                            throw new IllegalStateException(e);
                        }
                        return null;
                    })));
                }
                for (Future<Object> f : done) {
                    f.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(3, runs.get(), "one of the two ran twice");
            int[] values = store.read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT v FROM pair ORDER BY id")) {
                    rs.next();
                    int a = rs.getInt(1);
                    rs.next();
                    return new int[] {a, rs.getInt(1)};
                }
            });
            assertEquals(2, values[0], "both increments of row 1 committed, none twice");
            assertEquals(2, values[1], "both increments of row 2 committed, none twice");
        }
    }

    @Test
    void onlySerializationFailuresAndDeadlocksAreRetried() {
        assertTrue(PostgresServerStore.retryable(new SQLException("could not serialize access", "40001")));
        assertTrue(PostgresServerStore.retryable(new RuntimeException(new SQLException("deadlock detected", "40P01"))));
        assertFalse(PostgresServerStore.retryable(new SQLException("duplicate key", "23505")));
        assertFalse(PostgresServerStore.retryable(new SQLException("connection refused", "08001")));
    }
}
