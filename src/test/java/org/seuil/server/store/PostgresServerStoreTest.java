package org.seuil.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.seuil.sync.protocol.Fixtures.T0;
import static org.seuil.sync.protocol.Fixtures.feature;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
}
