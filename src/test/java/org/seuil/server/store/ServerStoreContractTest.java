package org.seuil.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seuil.sync.protocol.Fixtures.T0;
import static org.seuil.sync.protocol.Fixtures.feature;
import static org.seuil.sync.protocol.Fixtures.uuid;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.ReportId;
import org.seuil.sync.protocol.ChangePage;
import org.seuil.sync.protocol.Fixtures;
import org.seuil.sync.protocol.Outcome;
import org.seuil.sync.protocol.OutcomeStatus;
import org.seuil.sync.protocol.ReportFeature;

/** The same behaviour from both server stores, SQLite and a real PostgreSQL. */
class ServerStoreContractTest {
    @TempDir
    Path dir;
    private ServerStore store;

    static Stream<String> backends() {
        return Stream.of("sqlite", "postgres");
    }

    static ServerStore open(String backend, Path dir) {
        return backend.equals("sqlite") ? SqliteServerStore.open(dir.resolve("server.db"))
                : PostgresServerStore.open(PostgresTestCluster.freshSchemaUrl(), 4);
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private Principal user(String name, Role role) {
        String token = store.createToken(name, role, T0);
        return store.authenticate(token).orElseThrow();
    }

    @ParameterizedTest
    @MethodSource("backends")
    void tokensAreFoundByTheirSecretOnlyAndCarryTheRole(String backend) {
        store = open(backend, dir);
        String token = store.createToken("alice", Role.AUDITOR, T0);
        Principal alice = store.authenticate(token).orElseThrow();
        assertEquals("alice", alice.name());
        assertEquals(Role.AUDITOR, alice.role());
        assertTrue(store.authenticate(token + "x").isEmpty());
        assertTrue(store.authenticate("").isEmpty());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aBatchCreatesThenLeavesUnchangedThenUpdatesAndTheServerSetsTheAuthor(String backend) {
        store = open(backend, dir);
        Principal alice = user("alice", Role.REPORTER);
        ReportFeature first = feature(uuid(1), uuid(101), "forged-name", 1, Accessibility.LIMITED, 1);
        List<Outcome> created = store.applyBatch(alice, "k1", "h1", List.of(first), T0).result().results();
        assertEquals(OutcomeStatus.CREATED, created.get(0).status());

        List<Outcome> again = store.applyBatch(alice, "k2", "h2", List.of(first), T0).result().results();
        assertEquals(OutcomeStatus.UNCHANGED, again.get(0).status(), "the same revision with the same content");

        ReportFeature edited = feature(uuid(1), uuid(101), "alice", 2, Accessibility.YES, 0);
        Outcome updated = store.applyBatch(alice, "k3", "h3", List.of(edited), T0).result().results().get(0);
        assertEquals(OutcomeStatus.UPDATED, updated.status());
        assertEquals(2, updated.revision());

        ChangePage page = store.changes(0, BoundingBox.WORLD, 100);
        assertEquals(1, page.features().size());
        assertEquals("alice", page.features().get(0).report().author());
        assertEquals(Accessibility.YES, page.features().get(0).report().wheelchair());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aPlaceTakesItsLastPushedCopyWithEveryCharacterAndNullKept(String backend) {
        store = open(backend, dir);
        Principal alice = user("alice", Role.REPORTER);
        Place first = new Place(new PlaceId(uuid(101)), new GeoPoint(43.73, 7.42), "Chez \"Nono\", {l'ancien} \\ bar", "amenity=bar", "NULL");
        Place moved = new Place(first.id(), new GeoPoint(43.7401, 7.4202), "NULL", null, "2, quai {Antoine} — Ier");
        Place other = new Place(new PlaceId(uuid(102)), new GeoPoint(43.75, 7.43), null, "shop=bakery", null);
        // One batch names the place twice: its last copy is the one kept.
        store.applyBatch(alice, "k1", "h1", List.of(
                new ReportFeature(first, Fixtures.report(uuid(1), first, "alice", 1, Accessibility.NO, 3)),
                new ReportFeature(other, Fixtures.report(uuid(2), other, "alice", 1, Accessibility.YES, 0)),
                new ReportFeature(moved, Fixtures.report(uuid(3), moved, "alice", 1, Accessibility.YES, 0))), T0);
        assertEquals(moved, store.place(moved.id()).orElseThrow().place());
        assertEquals(other, store.place(other.id()).orElseThrow().place());
        // A later batch replaces it again.
        store.applyBatch(alice, "k2", "h2", List.of(
                new ReportFeature(first, Fixtures.report(uuid(1), first, "alice", 2, Accessibility.LIMITED, 1))), T0);
        assertEquals(first, store.place(first.id()).orElseThrow().place());
        ChangePage page = store.changes(0, BoundingBox.WORLD, 100);
        assertEquals(List.of(uuid(2), uuid(3), uuid(1)), page.features().stream().map(f -> f.report().id().value()).toList());
        assertEquals(first, page.features().get(2).place());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aStaleRevisionIsAConflictCarryingTheServersCopy(String backend) {
        store = open(backend, dir);
        Principal alice = user("alice", Role.REPORTER);
        store.applyBatch(alice, "k1", "h1", List.of(feature(uuid(1), uuid(101), "alice", 1, Accessibility.NO, 3)), T0);
        store.applyBatch(alice, "k2", "h2", List.of(feature(uuid(1), uuid(101), "alice", 2, Accessibility.LIMITED, 1)), T0);
        Outcome conflict = store.applyBatch(alice, "k3", "h3",
                List.of(feature(uuid(1), uuid(101), "alice", 2, Accessibility.YES, 0)), T0).result().results().get(0);
        assertEquals(OutcomeStatus.CONFLICT, conflict.status());
        assertEquals(Accessibility.LIMITED, conflict.serverCopy().report().wheelchair());
        assertEquals(2, conflict.serverCopy().report().revision());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void replayingAKeyReturnsTheFirstAnswerAndChangesNothing(String backend) {
        store = open(backend, dir);
        Principal alice = user("alice", Role.REPORTER);
        List<ReportFeature> batch = List.of(feature(uuid(1), uuid(101), "alice", 1, Accessibility.NO, 3),
                feature(uuid(2), uuid(102), "alice", 1, Accessibility.YES, 0));
        ApplyResult first = store.applyBatch(alice, "key", "hash", batch, T0);
        long head = store.changes(0, BoundingBox.WORLD, 100).nextCursor();
        ApplyResult replay = store.applyBatch(alice, "key", "hash", batch, T0);
        assertFalse(first.replayed());
        assertTrue(replay.replayed());
        assertEquals(first.result(), replay.result(), "created twice, never unchanged on the replay");
        assertEquals(head, store.changes(0, BoundingBox.WORLD, 100).nextCursor(), "a replay writes nothing");
        BatchRefusedException reused = assertThrows(BatchRefusedException.class,
                () -> store.applyBatch(alice, "key", "other-hash", batch, T0));
        assertEquals(422, reused.problem().status());
    }

    private record TwoReporters(Principal bob, ReportFeature hers) {
    }

    /** Alice and Bob are reporters; Alice has pushed one report (place 1, report 101). */
    private TwoReporters aliceHasPushedHerReport(String backend) {
        store = open(backend, dir);
        Principal alice = user("alice", Role.REPORTER);
        Principal bob = user("bob", Role.REPORTER);
        ReportFeature hers = feature(uuid(1), uuid(101), "alice", 1, Accessibility.NO, 3);
        store.applyBatch(alice, "k1", "h1", List.of(hers), T0);
        return new TwoReporters(bob, hers);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aReporterCannotChangeAnotherUsersReportAndNothingOfTheBatchIsApplied(String backend) {
        Principal bob = aliceHasPushedHerReport(backend).bob();
        BatchRefusedException e = assertThrows(BatchRefusedException.class, () -> store.applyBatch(bob, "k1", "h1", List.of(
                feature(uuid(2), uuid(202), "bob", 1, Accessibility.YES, 0),
                feature(uuid(1), uuid(101), "bob", 2, Accessibility.YES, 0)), T0));
        assertEquals(403, e.problem().status());
        assertEquals(1, e.problem().errors().get(0).feature());
        assertEquals(1, store.changes(0, BoundingBox.WORLD, 100).features().size(), "bob's own report was not applied either");
        assertEquals(OutcomeStatus.CREATED, store.applyBatch(bob, "k1", "h2", List.of(feature(uuid(2), uuid(202), "bob", 1,
                Accessibility.YES, 0)), T0).result().results().get(0).status(), "a refused batch leaves its key unused");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void anUnchangedCopyOfAnotherUsersReportIsUnchangedNotForbidden(String backend) {
        TwoReporters two = aliceHasPushedHerReport(backend);
        Principal bob = two.bob();
        ReportFeature hers = two.hers();
        long head = store.changes(0, BoundingBox.WORLD, 100).nextCursor();
        // Bob imported a file with Alice's report in it (author as she wrote it) and syncs it with his own.
        List<Outcome> outcomes = store.applyBatch(bob, "k1", "h1", List.of(
                feature(uuid(2), uuid(202), "bob", 1, Accessibility.YES, 0), hers), T0).result().results();
        assertEquals(OutcomeStatus.CREATED, outcomes.get(0).status());
        assertEquals(OutcomeStatus.UNCHANGED, outcomes.get(1).status());
        ChangePage page = store.changes(0, BoundingBox.WORLD, 100);
        assertEquals(2, page.features().size(), "only Bob's report was added");
        assertEquals("alice", page.features().get(0).report().author(), "Alice's report is still hers");
        assertEquals(head + 1, page.nextCursor());
        // A copy that differs in anything is a change, and only Alice may make it.
        BatchRefusedException e = assertThrows(BatchRefusedException.class, () -> store.applyBatch(bob, "k2", "h2",
                List.of(feature(uuid(1), uuid(101), "alice", 1, Accessibility.NO, 2)), T0));
        assertEquals(403, e.problem().status());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void theChangeFeedPagesByCursorFiltersByBoxAndCarriesTombstones(String backend) {
        store = open(backend, dir);
        Principal alice = user("alice", Role.REPORTER);
        for (int i = 1; i <= 5; i++) {
            store.applyBatch(alice, "k" + i, "h", List.of(feature(uuid(i), uuid(100 + i), "alice", 1, Accessibility.YES, 0)), T0);
        }
        ReportFeature one = store.changes(0, BoundingBox.WORLD, 100).features().get(0);
        store.applyBatch(alice, "del", "h", List.of(new ReportFeature(one.place(), one.report().tombstone(T0.plusSeconds(60)))), T0);

        ChangePage p1 = store.changes(0, BoundingBox.WORLD, 2);
        assertEquals(2, p1.features().size());
        assertTrue(p1.more());
        ChangePage p2 = store.changes(p1.nextCursor(), BoundingBox.WORLD, 2);
        ChangePage p3 = store.changes(p2.nextCursor(), BoundingBox.WORLD, 2);
        assertEquals(1, p3.features().size(), "five reports, the deleted one only once, as its tombstone");
        assertFalse(p3.more());
        assertTrue(p3.features().get(0).report().deleted(), "the tombstone comes last, as the newest change");
        assertTrue(store.changes(p3.nextCursor(), BoundingBox.WORLD, 2).features().isEmpty());

        assertTrue(store.changes(0, new BoundingBox(0, 0, 1, 1), 100).features().isEmpty());
        assertEquals(5, store.changes(0, new BoundingBox(7.3, 43.6, 7.6, 43.9), 100).features().size());
        assertEquals(4, store.places(BoundingBox.WORLD, 100).stream().mapToInt(r -> r.reports().size()).sum(),
                "places show live reports only");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aSmallBoxPagesThroughReportsScatteredAmongManyOthersInOrderAndOnce(String backend) {
        store = open(backend, dir);
        Principal alice = user("alice", Role.REPORTER);
        // 2,500 reports, every tenth in Paris, the rest in Monaco: the feed is read in slices of
        // the sequence order, so a page of the Paris box spans several slices.
        List<String> paris = new java.util.ArrayList<>();
        for (int b = 0; b < 5; b++) {
            List<ReportFeature> batch = new java.util.ArrayList<>();
            for (int i = 0; i < 500; i++) {
                int n = b * 500 + i;
                ReportFeature f = feature(uuid(100_000 + n), uuid(200_000 + n), "alice", 1, Accessibility.YES, 0);
                if (n % 10 == 7) {
                    var place = org.seuil.sync.protocol.Fixtures.place(uuid(100_000 + n), 2.35, 48.85);
                    f = new ReportFeature(place, org.seuil.sync.protocol.Fixtures.report(uuid(200_000 + n), place, "alice", 1, Accessibility.NO, 2));
                    paris.add(uuid(200_000 + n));
                }
                batch.add(f);
            }
            store.applyBatch(alice, "k" + b, "h" + b, batch, T0);
        }
        BoundingBox box = new BoundingBox(2.2, 48.8, 2.5, 48.9);
        List<String> pulled = new java.util.ArrayList<>();
        long cursor = 0;
        ChangePage page;
        int pages = 0;
        do {
            page = store.changes(cursor, box, 60);
            page.features().forEach(f -> pulled.add(f.report().id().value()));
            assertTrue(page.nextCursor() > cursor || !page.more(), "the cursor moves forward");
            cursor = page.nextCursor();
            pages++;
        } while (page.more());
        assertEquals(paris, pulled, "every report in the box, once, oldest change first");
        assertEquals(5, pages, "250 reports in pages of 60");
        assertEquals(2500, cursor, "the last page leaves the cursor at the head");
        assertTrue(store.changes(cursor, box, 60).features().isEmpty());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aReportWithAMissingPhotoIsRejectedWithThePhotoToUpload(String backend) {
        store = open(backend, dir);
        Principal alice = user("alice", Role.REPORTER);
        ReportFeature f = feature(uuid(1), uuid(101), "alice", 1, Accessibility.YES, 0);
        String sha = "ab".repeat(32);
        var withPhoto = new ReportFeature(f.place(), new org.seuil.domain.Report(f.report().id(), f.report().placeId(), "alice",
                f.report().surveyedAt(), 1, Accessibility.YES, null, null, null, null, null, null, List.of(sha), null, false));
        Outcome rejected = store.applyBatch(alice, "k1", "h1", List.of(withPhoto), T0).result().results().get(0);
        assertEquals(OutcomeStatus.REJECTED, rejected.status());
        assertEquals(List.of(sha), rejected.missingPhotos());
        assertTrue(store.putPhoto(new StoredPhoto(sha, "image/png", new byte[] {1, 2, 3}), alice, T0));
        assertFalse(store.putPhoto(new StoredPhoto(sha, "image/png", new byte[] {1, 2, 3}), alice, T0));
        assertEquals(OutcomeStatus.CREATED, store.applyBatch(alice, "k2", "h2", List.of(withPhoto), T0).result().results().get(0).status());
        assertEquals(3, store.photo(sha).orElseThrow().bytes().length);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aHiddenReportReachesDevicesAsATombstoneAndLeavesThePlaces(String backend) {
        store = open(backend, dir);
        Principal alice = user("alice", Role.REPORTER);
        Principal mod = user("mod", Role.MODERATOR);
        store.applyBatch(alice, "k1", "h1", List.of(feature(uuid(1), uuid(101), "alice", 1, Accessibility.YES, 0)), T0);
        long cursor = store.changes(0, BoundingBox.WORLD, 10).nextCursor();
        assertTrue(store.hide(new ReportId(uuid(101)), mod, "insults in the text", T0));
        assertFalse(store.hide(new ReportId(uuid(999)), mod, "no such report", T0));
        ChangePage after = store.changes(cursor, BoundingBox.WORLD, 10);
        assertEquals(1, after.features().size());
        assertTrue(after.features().get(0).report().deleted());
        assertEquals(0, store.places(BoundingBox.WORLD, 10).get(0).reports().size());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void concurrentDeliveriesOfOneBatchApplyItOnce(String backend) throws Exception {
        store = open(backend, dir);
        Principal alice = user("alice", Role.REPORTER);
        List<ReportFeature> batch = List.of(feature(uuid(1), uuid(101), "alice", 1, Accessibility.NO, 3));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<ApplyResult>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> store.applyBatch(alice, "same", "hash", batch, T0)));
            }
            int fresh = 0;
            for (var r : results) {
                ApplyResult result = r.get();
                assertEquals(OutcomeStatus.CREATED, result.result().results().get(0).status());
                fresh += result.replayed() ? 0 : 1;
            }
            assertEquals(1, fresh, "applied once, replayed seven times");
        } finally {
            pool.shutdown();
        }
        assertEquals(1, store.changes(0, BoundingBox.WORLD, 100).features().size());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aReaderPagingWhileOthersWriteNeverSkipsAChange(String backend) throws Exception {
        store = open(backend, dir);
        int writers = 4;
        int batches = 15;
        List<Principal> users = new java.util.ArrayList<>();
        for (int w = 0; w < writers; w++) {
            users.add(user("writer" + w, Role.REPORTER));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try {
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int b = 0; b < batches; b++) {
                        int n = writer * 1000 + b * 10;
                        store.applyBatch(users.get(writer), "b" + b, "h", List.of(feature(uuid(n), uuid(100_000 + n), "w", 1, Accessibility.YES, 0),
                                feature(uuid(n + 1), uuid(100_001 + n), "w", 1, Accessibility.NO, 2)), T0);
                    }
                    return null;
                }));
            }
            long cursor = 0;
            while (!done.stream().allMatch(java.util.concurrent.Future::isDone)) {
                ChangePage page = store.changes(cursor, BoundingBox.WORLD, 3);
                page.features().forEach(f -> seen.add(f.report().id().value()));
                cursor = page.nextCursor();
            }
            for (var d : done) {
                d.get();
            }
            ChangePage page;
            do {
                page = store.changes(cursor, BoundingBox.WORLD, 3);
                page.features().forEach(f -> seen.add(f.report().id().value()));
                cursor = page.nextCursor();
            } while (page.more());
        } finally {
            pool.shutdown();
        }
        assertEquals(writers * batches * 2, seen.size(), "every report reached the reader");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aDeletedUsersReportsStayUnderAnAnonymousNameAndTheirTokensStopWorking(String backend) {
        store = open(backend, dir);
        String token = store.createToken("alice", Role.REPORTER, T0);
        Principal alice = store.authenticate(token).orElseThrow();
        store.applyBatch(alice, "k1", "h1", List.of(feature(uuid(1), uuid(101), "alice", 1, Accessibility.NO, 3)), T0);
        long cursor = store.changes(0, BoundingBox.WORLD, 10).nextCursor();
        String anonymous = store.deleteUser("alice", T0).orElseThrow();
        assertTrue(anonymous.startsWith("anonymous-"));
        assertTrue(store.authenticate(token).isEmpty());
        ChangePage after = store.changes(cursor, BoundingBox.WORLD, 10);
        assertEquals(1, after.features().size(), "devices learn the new name");
        assertEquals(anonymous, after.features().get(0).report().author());
        assertTrue(store.deleteUser("alice", T0).isEmpty());
        assertTrue(store.authenticate(store.createToken("alice", Role.REPORTER, T0)).isPresent(), "the name is free again");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void placesPageByIdAfterTheLastOneSeenAndAreCountedFoundAndBoxed(String backend) {
        store = open(backend, dir);
        assertTrue(store.extent().isEmpty(), "no places, no extent");
        Principal alice = user("alice", Role.REPORTER);
        List<String> ids = List.of(uuid(3), "osm:node/40", uuid(1), "osm:way/7", uuid(2), "osm:node/5", "osm:relation/9");
        List<ReportFeature> batch = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            org.seuil.domain.Place p = org.seuil.sync.protocol.Fixtures.place(ids.get(i), 7.41 + i * 0.01, 43.72 + i * 0.001);
            batch.add(new ReportFeature(p, org.seuil.sync.protocol.Fixtures.report(uuid(100 + i), p, "alice", 1, Accessibility.NO, 1)));
        }
        store.applyBatch(alice, "k1", "h1", batch, T0);

        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        org.seuil.domain.PlaceId after = null;
        int pages = 0;
        while (true) {
            List<org.seuil.domain.PlaceRecord> page = store.places(BoundingBox.WORLD, after, 3);
            if (page.isEmpty()) {
                break;
            }
            pages++;
            for (org.seuil.domain.PlaceRecord r : page) {
                assertTrue(seen.add(r.place().id().value()), r.place().id() + " came twice");
                assertEquals(1, r.reports().size());
            }
            after = page.get(page.size() - 1).place().id();
        }
        assertEquals(new java.util.HashSet<>(ids), seen);
        assertEquals(3, pages);

        assertEquals(7, store.countPlaces(BoundingBox.WORLD));
        BoundingBox firstThree = new BoundingBox(7.405, 43.7, 7.435, 43.8);
        assertEquals(3, store.countPlaces(firstThree));
        assertEquals(java.util.Set.of(uuid(3), "osm:node/40", uuid(1)), store.places(firstThree, null, 10).stream()
                .map(r -> r.place().id().value()).collect(java.util.stream.Collectors.toSet()));
        assertEquals(new BoundingBox(7.41, 43.72, 7.47, 43.726), store.extent().orElseThrow());
        assertEquals(Accessibility.NO, store.place(new org.seuil.domain.PlaceId("osm:way/7")).orElseThrow().accessibility().wheelchair());
        assertTrue(store.place(new org.seuil.domain.PlaceId("osm:way/8")).isEmpty());
    }
}
