package org.seuil.app.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.app.i18n.Messages;
import org.seuil.app.settings.SettingsViewModel;
import org.seuil.app.task.CurrentThreadTaskExecutor;
import org.seuil.domain.Accessibility;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.server.SeuilServer;
import org.seuil.server.ServerConfig;
import org.seuil.server.store.Role;
import org.seuil.server.store.ServerStore;
import org.seuil.server.store.SqliteServerStore;
import org.seuil.store.PlaceStore;
import org.seuil.store.sqlite.SqlitePlaceStore;
import org.seuil.sync.client.Backoff;

/** The Sync button's view model against a real server on loopback and real SQLite stores. */
class SyncViewModelTest {
    static final PlaceId CAFE = new PlaceId("osm:node/1001");
    static final Instant SURVEYED = Instant.parse("2024-05-04T10:00:00Z");

    @TempDir
    Path dir;
    ServerStore serverStore;
    SeuilServer server;
    String url;
    String token;

    @BeforeEach
    void startServer() {
        serverStore = SqliteServerStore.open(dir.resolve("server.db"));
        server = new SeuilServer(serverStore, ServerConfig.DEFAULT).start("127.0.0.1", 0);
        url = "http://127.0.0.1:" + server.port();
        token = serverStore.createToken("alice", Role.REPORTER, Instant.now());
    }

    @AfterEach
    void stopServer() {
        server.close();
        serverStore.close();
    }

    private SyncViewModel device(PlaceStore store, String serverUrl) {
        Messages messages = new Messages(Locale.ENGLISH);
        SettingsViewModel settings = new SettingsViewModel(null, messages);
        settings.serverUrlProperty().set(serverUrl);
        settings.tokenProperty().set(token);
        assertTrue(settings.apply(), settings.errors().toString());
        return new SyncViewModel(store, new CurrentThreadTaskExecutor(), messages, settings,
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(4), 2), Clock.systemUTC());
    }

    private static Report report(ReportId id, int revision, Accessibility grade) {
        return new Report(id, CAFE, "alice", SURVEYED.plusSeconds(revision), revision, grade, Accessibility.UNKNOWN, null, null, null, null,
                Map.of(), List.of(), List.of(), false);
    }

    @Test
    void syncSendsThePendingChangesAndShowsWhenItWentThrough() {
        try (PlaceStore laptop = SqlitePlaceStore.open(dir.resolve("laptop.db")); PlaceStore phone = SqlitePlaceStore.open(dir.resolve("phone.db"))) {
            laptop.savePlace(new Place(CAFE, new GeoPoint(43.7396, 7.4276), "Café de Paris", "amenity=cafe", null));
            laptop.saveReport(report(ReportId.generate(), 1, Accessibility.YES));
            SyncViewModel vm = device(laptop, url);
            assertEquals("Never synced", vm.statusProperty().get());

            vm.sync();

            assertFalse(vm.runningProperty().get());
            assertEquals(0, laptop.pendingChanges());
            assertNotNull(vm.lastSuccessProperty().get());
            assertTrue(vm.statusProperty().get().startsWith("Last sync "), vm.statusProperty().get());
            assertTrue(vm.messageProperty().get().startsWith("Synced: 1 sent"), vm.messageProperty().get());
            assertEquals(1, vm.syncsProperty().get());

            SyncViewModel other = device(phone, url);
            other.sync();
            assertTrue(phone.place(CAFE).isPresent(), "the other device received the place");
            assertEquals(Accessibility.YES, phone.place(CAFE).get().accessibility().wheelchair().shown());
        }
    }

    @Test
    void theSameReportEditedOnTwoDevicesIsListedAsMineAndTheirs() {
        try (PlaceStore laptop = SqlitePlaceStore.open(dir.resolve("laptop.db")); PlaceStore phone = SqlitePlaceStore.open(dir.resolve("phone.db"))) {
            ReportId id = ReportId.generate();
            laptop.savePlace(new Place(CAFE, new GeoPoint(43.7396, 7.4276), "Café de Paris", "amenity=cafe", null));
            laptop.saveReport(report(id, 1, Accessibility.YES));
            SyncViewModel onLaptop = device(laptop, url);
            SyncViewModel onPhone = device(phone, url);
            onLaptop.sync();
            onPhone.sync();
            phone.saveReport(report(id, 2, Accessibility.LIMITED));
            onPhone.sync();
            laptop.saveReport(report(id, 2, Accessibility.NO));

            onLaptop.sync();

            assertEquals(1, onLaptop.conflicts().size(), onLaptop.messageProperty().get());
            String line = onLaptop.conflicts().get(0);
            assertTrue(line.startsWith("Café de Paris: mine revision 2") && line.contains("/ theirs revision 2"), line);
            assertEquals(1, laptop.conflicts().size(), "kept in the store, not dropped");
        }
    }

    @Test
    void aServerThatDoesNotAnswerIsOneLineAndTheNextAutomaticTryWaits() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (PlaceStore laptop = SqlitePlaceStore.open(dir.resolve("laptop.db"))) {
            laptop.savePlace(new Place(CAFE, new GeoPoint(43.7396, 7.4276), "Café de Paris", "amenity=cafe", null));
            laptop.saveReport(report(ReportId.generate(), 1, Accessibility.YES));
            long pending = laptop.pendingChanges();
            SyncViewModel vm = device(laptop, "http://127.0.0.1:" + closedPort);
            Instant before = Instant.now();

            vm.sync();

            assertTrue(vm.messageProperty().get().startsWith("\u26a0 Sync failed: "), vm.messageProperty().get());
            assertFalse(vm.messageProperty().get().contains("\n"));
            assertEquals(pending, laptop.pendingChanges(), "nothing is lost: the report waits for the next sync");
            assertEquals("Never synced", vm.statusProperty().get());
            assertTrue(vm.nextAutomaticAttempt().isAfter(before.plus(Duration.ofSeconds(90))), vm.nextAutomaticAttempt().toString());
            String failed = vm.messageProperty().get();
            vm.messageProperty().set("");
            vm.autoSync(); // too early: no attempt
            assertEquals("", vm.messageProperty().get(), failed);
        }
    }

    @Test
    void withoutAServerSyncSaysSoAndAutomaticSyncDoesNothing() {
        try (PlaceStore laptop = SqlitePlaceStore.open(dir.resolve("laptop.db"))) {
            SyncViewModel vm = device(laptop, "");
            assertEquals("Sync: no server set (Settings)", vm.statusProperty().get());
            vm.autoSync();
            assertEquals("", vm.messageProperty().get());
            vm.sync();
            assertEquals("Sync: no server set (Settings)", vm.messageProperty().get());
        }
    }
}
