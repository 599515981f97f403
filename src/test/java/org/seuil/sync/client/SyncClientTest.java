package org.seuil.sync.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seuil.sync.protocol.Fixtures.T0;
import static org.seuil.sync.protocol.Fixtures.place;
import static org.seuil.sync.protocol.Fixtures.report;
import static org.seuil.sync.protocol.Fixtures.uuid;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.Place;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.server.ServerConfig;
import org.seuil.server.store.SqliteServerStore;
import org.seuil.store.PlaceStore;
import org.seuil.store.SyncConflict;

/** Two real local stores, one real server, the real client between them. */
class SyncClientTest {
    @TempDir
    Path dir;
    private SyncHarness harness;
    private PlaceStore laptop;
    private PlaceStore phone;

    @BeforeEach
    void start() {
        harness = new SyncHarness(SqliteServerStore.open(dir.resolve("server.db")), ServerConfig.DEFAULT);
        laptop = SyncHarness.localStore(dir, "laptop");
        phone = SyncHarness.localStore(dir, "phone");
    }

    @AfterEach
    void stop() {
        laptop.close();
        phone.close();
        harness.close();
    }

    private static Report survey(PlaceStore store, Place place, String id, Accessibility grade, int steps) {
        store.savePlace(place);
        Report r = report(id, place, "me", 1, grade, steps);
        store.saveReport(r);
        return r;
    }

    private static Report edit(PlaceStore store, ReportId id, Accessibility grade) {
        Report current = store.report(id).orElseThrow();
        Report next = new Report(current.id(), current.placeId(), current.author(), current.surveyedAt().plusSeconds(3600),
                current.revision() + 1, grade, current.toiletsWheelchair(), current.entrance(), current.toilet(), current.parking(),
                current.path(), current.descriptions(), current.photos(), current.experiences(), false);
        store.saveReport(next);
        return next;
    }

    @Test
    void twoStoresConvergeThroughOneServer() throws Exception {
        String alice = harness.token("alice");
        String bob = harness.token("bob");
        survey(laptop, place(uuid(1), 7.42, 43.73), uuid(101), Accessibility.LIMITED, 1);
        survey(phone, place(uuid(2), 7.43, 43.74), uuid(102), Accessibility.YES, 0);
        SyncClient a = harness.client(laptop, alice, HttpTransport.jdk(), 1);
        SyncClient b = harness.client(phone, bob, HttpTransport.jdk(), 2);

        SyncSummary first = a.sync();
        assertEquals(1, first.created());
        b.sync();
        a.sync();
        laptop.deleteReport(new ReportId(uuid(101)), T0.plusSeconds(7200));
        a.sync();
        b.sync();

        for (PlaceStore s : List.of(laptop, phone)) {
            assertEquals(0, s.pendingChanges());
            assertEquals("bob", s.report(new ReportId(uuid(102))).orElseThrow().author(), "the server's pseudonym everywhere");
            assertTrue(s.report(new ReportId(uuid(101))).orElseThrow().deleted(), "the tombstone reached both");
            assertEquals(Accessibility.YES, s.place(new org.seuil.domain.PlaceId(uuid(2))).orElseThrow().accessibility().wheelchair());
        }
        assertEquals(laptop.report(new ReportId(uuid(102))), phone.report(new ReportId(uuid(102))));
        assertEquals(laptop.report(new ReportId(uuid(101))), phone.report(new ReportId(uuid(101))));
        assertEquals(2, harness.serverStore.changes(0, BoundingBox.WORLD, 100).features().size());
        assertTrue(laptop.syncState(harness.uri.toString()).cursor() > 0);
        assertNotNull(laptop.syncState(harness.uri.toString()).lastSuccess());
    }

    @Test
    void theSameReportEditedOnTwoDevicesIsKeptAsAConflictNeverDropped() throws Exception {
        SyncClient a = harness.client(laptop, harness.token("alice"), HttpTransport.jdk(), 1);
        SyncClient b = harness.client(phone, harness.token("alice"), HttpTransport.jdk(), 2);
        survey(laptop, place(uuid(1), 7.42, 43.73), uuid(101), Accessibility.NO, 3);
        a.sync();
        b.sync();
        edit(laptop, new ReportId(uuid(101)), Accessibility.LIMITED);
        Report mine = edit(phone, new ReportId(uuid(101)), Accessibility.YES);
        a.sync();
        SyncSummary conflicted = b.sync();

        assertEquals(1, conflicted.conflicts());
        List<SyncConflict> conflicts = phone.conflicts();
        assertEquals(1, conflicts.size());
        assertEquals(Accessibility.YES, conflicts.get(0).mine().wheelchair(), "my edit is kept");
        assertEquals(mine.revision(), conflicts.get(0).mine().revision());
        assertEquals(Accessibility.LIMITED, conflicts.get(0).theirs().wheelchair(), "with the server's copy");
        assertEquals(Accessibility.LIMITED, phone.report(new ReportId(uuid(101))).orElseThrow().wheelchair(),
                "the store shows the server's version until the user picks");
        assertEquals(0, phone.pendingChanges());
    }

    @Test
    void anAnswerLostAfterTheServerCommittedIsReplayedNotDuplicated() throws Exception {
        HttpTransport real = HttpTransport.jdk();
        AtomicInteger batches = new AtomicInteger();
        HttpTransport losesFirstAnswer = request -> {
            HttpResponse<byte[]> response = real.send(request);
            if (request.uri().getPath().endsWith("/batches") && batches.getAndIncrement() == 0) {
                throw new IOException("connection reset after the server answered");
            }
            return response;
        };
        survey(laptop, place(uuid(1), 7.42, 43.73), uuid(101), Accessibility.NO, 3);
        survey(laptop, place(uuid(2), 7.42, 43.73), uuid(102), Accessibility.YES, 0);
        SyncSummary summary = harness.client(laptop, harness.token("alice"), losesFirstAnswer, 3).sync();
        assertEquals(2, batches.get(), "sent twice");
        assertEquals(2, summary.created(), "the replayed answer says created, as the first did");
        assertEquals(2, harness.serverStore.changes(0, BoundingBox.WORLD, 100).features().size());
        assertEquals(0, laptop.pendingChanges());
    }

    @Test
    void transientFailuresAreRetriedWithGrowingJitteredWaitsAndRetryAfter() throws Exception {
        List<java.time.Duration> waits = new ArrayList<>();
        HttpTransport real = HttpTransport.jdk();
        AtomicInteger calls = new AtomicInteger();
        HttpTransport flaky = request -> {
            if (calls.getAndIncrement() < 3) {
                throw new IOException("network unreachable");
            }
            return real.send(request);
        };
        SyncClient client = new SyncClient(laptop, new SyncApi(harness.uri, harness.token("alice"), flaky), harness.uri.toString(), null,
                new Backoff(java.time.Duration.ofMillis(100), java.time.Duration.ofSeconds(10), 5), waits::add,
                new java.util.Random(7), java.time.Clock.systemUTC());
        survey(laptop, place(uuid(1), 7.42, 43.73), uuid(101), Accessibility.NO, 3);
        client.sync();
        assertEquals(3, waits.size());
        for (int i = 0; i < 3; i++) {
            long ceiling = 100L << i;
            assertTrue(waits.get(i).toMillis() >= ceiling / 2 && waits.get(i).toMillis() <= ceiling, "wait " + i + ": " + waits.get(i));
        }
        assertEquals(java.time.Duration.ofSeconds(30), Backoff.DEFAULT.delay(0, 30, new java.util.Random(1)), "Retry-After is a floor");
        assertEquals(0, laptop.pendingChanges());
    }

    @Test
    void aWrongTokenStopsTheSyncAndKeepsEverythingPending() {
        survey(laptop, place(uuid(1), 7.42, 43.73), uuid(101), Accessibility.NO, 3);
        SyncException e = assertThrows(SyncException.class, () -> harness.client(laptop, "seuil_wrong", HttpTransport.jdk(), 1).sync());
        assertEquals(401, e.status());
        assertEquals(2, laptop.pendingChanges());
        assertNull(laptop.syncState(harness.uri.toString()).lastSuccess());
    }

    @Test
    void aPhotoTheServerLacksIsUploadedAndTheReportSentAgain() throws Exception {
        Path photos = java.nio.file.Files.createDirectories(dir.resolve("photos"));
        java.io.ByteArrayOutputStream encoded = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(3, 2, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", encoded);
        byte[] png = encoded.toByteArray(); // a real PNG without metadata: the server stores it as it is
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(png));
        java.nio.file.Files.write(photos.resolve(sha), png);
        Place place = place(uuid(1), 7.42, 43.73);
        laptop.savePlace(place);
        Report withPhoto = new Report(new ReportId(uuid(101)), place.id(), "me", T0, 1, Accessibility.YES, null, null, null, null, null,
                null, List.of(sha), null, false);
        laptop.saveReport(withPhoto);
        SyncClient client = new SyncClient(laptop, new SyncApi(harness.uri, harness.token("alice"), HttpTransport.jdk()),
                harness.uri.toString(), photos, Backoff.DEFAULT, d -> { }, new java.util.Random(1), java.time.Clock.systemUTC());
        SyncSummary summary = client.sync();
        assertEquals(1, summary.photosUploaded(), "uploaded before the batch that needs it");
        assertEquals(1, summary.created());
        assertEquals(0, laptop.pendingChanges());
        assertTrue(laptop.conflicts().isEmpty());
        assertEquals(png.length, harness.serverStore.photo(sha).orElseThrow().bytes().length);

        String absent = "cd".repeat(32);
        Report lostPhoto = new Report(new ReportId(uuid(102)), place.id(), "me", T0, 1, Accessibility.NO, null, null, null, null, null,
                null, List.of(absent), null, false);
        laptop.saveReport(lostPhoto);
        SyncSummary refused = client.sync();
        assertEquals(1, refused.rejected());
        assertEquals(0, laptop.pendingChanges(), "a refusal does not block the outbox");
        SyncConflict kept = laptop.conflicts().get(0);
        assertEquals(lostPhoto.id(), kept.mine().id());
        assertTrue(kept.reason().contains(absent), kept.reason());

        // A file the server refuses to store (here a PNG cut after its signature) does not stop the sync.
        byte[] broken = java.util.Arrays.copyOf(png, 8);
        String brokenSha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(broken));
        java.nio.file.Files.write(photos.resolve(brokenSha), broken);
        Report brokenPhoto = new Report(new ReportId(uuid(103)), place.id(), "me", T0, 1, Accessibility.NO, null, null, null, null, null,
                null, List.of(brokenSha), null, false);
        laptop.saveReport(brokenPhoto);
        SyncSummary refusedPhoto = client.sync();
        assertEquals(1, refusedPhoto.rejected());
        assertEquals(0, laptop.pendingChanges(), "a refused photo does not block the outbox");
        SyncConflict refusal = laptop.conflicts().stream().filter(c -> c.mine().id().equals(brokenPhoto.id())).findFirst().orElseThrow();
        assertTrue(refusal.reason().contains("refused by the server") && refusal.reason().contains("PNG"), refusal.reason());
    }
}
