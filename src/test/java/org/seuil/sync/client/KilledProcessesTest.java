package org.seuil.sync.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.PlaceRecord;
import org.seuil.store.ImportSource;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.server.store.SqliteServerStore;
import org.seuil.store.PlaceStore;
import org.seuil.store.sqlite.SqlitePlaceStore;
import org.seuil.sync.protocol.ReportFeature;

/**
 * Real {@code seuil serve} and {@code seuil sync} processes killed with SIGKILL at random moments
 * (seeded); afterwards one clean sync must leave the server with exactly the device's reports.
 */
class KilledProcessesTest {
    private static final Pattern LISTENING = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/api/v1");

    @TempDir
    Path dir;

    private static ProcessBuilder seuil(String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "org.seuil.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    private Process startServer(Path db, int port) throws IOException {
        return seuil("serve", "--db", db.toString(), "--port", Integer.toString(port)).start();
    }

    private static int awaitPort(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IllegalStateException("the server process ended before listening (exit " + server.exitValue() + ")");
    }

    /** Waits until the server holds more than {@code round} batches' worth of changes, or the sync process ended. */
    private static void awaitServerChange(SyncApi api, int round, Process sync) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && sync.isAlive()) {
            try {
                if (api.changes(0, null, 5000).features().size() > round * 500) {
                    return;
                }
            } catch (SyncException e) {
                // the server may be restarting
            }
            Thread.sleep(20);
        }
    }

    @Test
    void syncSurvivesServerAndClientProcessesKilledMidway() throws Exception {
        Path serverDb = dir.resolve("server.db");
        Process tokenCommand = seuil("server", "token", "create", "--db", serverDb.toString(), "--name", "walker", "--role", "reporter")
                .redirectErrorStream(false).start();
        String token = new String(tokenCommand.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, tokenCommand.waitFor(), "token create failed");
        assertTrue(token.startsWith("seuil_"), token);

        Path localDb = dir.resolve("device.db");
        List<ReportId> ids = new ArrayList<>();
        List<PlaceRecord> records = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            Place place = new Place(PlaceId.generate(), new GeoPoint(43.73 + i * 1e-5, 7.42), "Place " + i, "amenity=cafe", null);
            Report r = new Report(ReportId.generate(), place.id(), "me", Instant.parse("2025-03-01T10:00:00Z"), 1, Accessibility.YES,
                    null, null, null, null, null, Map.of(), List.of(), List.of(), false);
            records.add(new PlaceRecord(place, List.of(r)));
            ids.add(r.id());
        }
        try (PlaceStore device = SqlitePlaceStore.open(localDb)) {
            device.importRecords(records.iterator(), ImportSource.FILE); // a file import queues every report for sync
            assertTrue(device.pendingChanges() >= ids.size());
        }

        Random random = new Random(42);
        Process server = startServer(serverDb, 0);
        int port = awaitPort(server);
        SyncApi api = new SyncApi(URI.create("http://127.0.0.1:" + port), token, HttpTransport.jdk());
        try {
            for (int round = 0; round < 3; round++) {
                Process sync = seuil("sync", "--server", "http://127.0.0.1:" + port, "--token", token, "--db", localDb.toString()).start();
                awaitServerChange(api, round, sync);
                Thread.sleep(random.nextInt(300));
                sync.destroyForcibly(); // SIGKILL, mid-push or mid-pull
                sync.waitFor(30, TimeUnit.SECONDS);
                if (round == 1) {
                    server.destroyForcibly();
                    server.waitFor(30, TimeUnit.SECONDS);
                    server = startServer(serverDb, port);
                    awaitPort(server);
                }
            }
            try (PlaceStore device = SqlitePlaceStore.open(localDb)) {
                System.out.println("after the kills: " + device.pendingChanges() + " changes pending");
                new SyncClient(device, new SyncApi(URI.create("http://127.0.0.1:" + port), token, HttpTransport.jdk()),
                        "http://127.0.0.1:" + port, null, new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2), 10),
                        d -> Thread.sleep(d.toMillis()), new Random(1), Clock.systemUTC()).sync();
                assertEquals(0, device.pendingChanges());
                for (ReportId id : List.of(ids.get(0), ids.get(700), ids.get(1499))) {
                    assertEquals("walker", device.report(id).orElseThrow().author(), "pulled back from the server");
                }
            }
        } finally {
            server.destroyForcibly();
            server.waitFor(30, TimeUnit.SECONDS);
        }
        try (SqliteServerStore store = SqliteServerStore.open(serverDb)) {
            List<ReportFeature> all = new ArrayList<>();
            long cursor = 0;
            var page = store.changes(cursor, BoundingBox.WORLD, 5000);
            all.addAll(page.features());
            while (page.more()) {
                page = store.changes(page.nextCursor(), BoundingBox.WORLD, 5000);
                all.addAll(page.features());
            }
            assertEquals(ids.size(), all.size(), "every report once on the server");
            assertEquals(ids.size(), all.stream().map(f -> f.report().id()).distinct().count());
        }
    }
}
