package org.seuil.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seuil.sync.protocol.Fixtures.T0;
import static org.seuil.sync.protocol.Fixtures.feature;
import static org.seuil.sync.protocol.Fixtures.uuid;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;
import org.seuil.sync.protocol.ChangePage;
import org.seuil.sync.protocol.OutcomeStatus;
import org.seuil.sync.protocol.ReportFeature;

/**
 * Batches that wait for the SQLite writer are committed together (group commit); each must still
 * behave as if it ran alone: applied whole or not at all, replays answered from the stored answer.
 */
class SqliteGroupCommitTest {
    @TempDir
    Path dir;

    @Test
    void batchesCommittedTogetherStayAtomicEachAndARefusedOneLeavesNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (SqliteServerStore store = SqliteServerStore.open(dir.resolve("server.db"))) {
            Principal alice = store.authenticate(store.createToken("alice", Role.REPORTER, T0)).orElseThrow();
            Principal bob = store.authenticate(store.createToken("bob", Role.REPORTER, T0)).orElseThrow();
            store.applyBatch(alice, "before", "h", List.of(feature(uuid(1), uuid(101), "alice", 1, Accessibility.NO, 3)), T0);

            // Hold the writer while the batches queue, so that they all run in one transaction.
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<Object> holder = pool.submit(() -> store.inTransaction(c -> {
                holding.countDown();
                await(release);
                return null;
            }));
            assertTrue(holding.await(10, TimeUnit.SECONDS));

            List<Future<ApplyResult>> good = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                List<ReportFeature> batch = List.of(feature(uuid(10 + 2 * i), uuid(110 + 2 * i), "alice", 1, Accessibility.YES, 0),
                        feature(uuid(11 + 2 * i), uuid(111 + 2 * i), "alice", 1, Accessibility.LIMITED, 1));
                good.add(pool.submit(() -> store.applyBatch(alice, "good-" + batch.get(0).report().id(), "h", batch, T0)));
            }
            // Bob's batch creates a report of his and changes one of alice's: refused, nothing of it kept.
            Future<ApplyResult> refused = pool.submit(() -> store.applyBatch(bob, "bad", "h", List.of(
                    feature(uuid(30), uuid(130), "bob", 1, Accessibility.YES, 0),
                    feature(uuid(1), uuid(101), "bob", 2, Accessibility.YES, 0)), T0));
            List<ReportFeature> twice = List.of(feature(uuid(40), uuid(140), "alice", 1, Accessibility.NO, 2));
            Future<ApplyResult> first = pool.submit(() -> store.applyBatch(alice, "twice", "h", twice, T0));
            Future<ApplyResult> second = pool.submit(() -> store.applyBatch(alice, "twice", "h", twice, T0));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (store.queued() < 7 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(7, store.queued(), "every batch waits for the writer");
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);

            for (Future<ApplyResult> f : good) {
                ApplyResult r = f.get(10, TimeUnit.SECONDS);
                assertFalse(r.replayed());
                assertEquals(List.of(OutcomeStatus.CREATED, OutcomeStatus.CREATED), r.result().results().stream().map(o -> o.status()).toList());
            }
            ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> refused.get(10, TimeUnit.SECONDS));
            assertEquals(403, assertInstanceOf(BatchRefusedException.class, e.getCause()).problem().status());
            ApplyResult a = first.get(10, TimeUnit.SECONDS);
            ApplyResult b = second.get(10, TimeUnit.SECONDS);
            assertEquals(a.result(), b.result());
            assertTrue(a.replayed() != b.replayed(), "one delivery applied, the other answered from the stored answer");

            ChangePage page = store.changes(0, BoundingBox.WORLD, 100);
            Set<String> ids = new HashSet<>();
            for (ReportFeature f : page.features()) {
                assertTrue(ids.add(f.report().id().value()), "each report once");
                if (f.report().id().value().equals(uuid(101))) {
                    assertEquals("alice", f.report().author());
                    assertEquals(1, f.report().revision(), "alice's report is as she left it");
                }
            }
            assertEquals(1 + 8 + 1, page.features().size(), "alice's first, the four good batches, the twice-sent one; nothing of bob's");
            assertFalse(ids.contains(uuid(130)), "bob's own report went with his refused batch");
            assertEquals(10, page.nextCursor(), "one sequence number per report written, none taken by the refused batch");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
