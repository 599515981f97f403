package org.seuil.sync.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.server.ServerConfig;
import org.seuil.server.store.PostgresServerStore;
import org.seuil.server.store.PostgresTestCluster;
import org.seuil.server.store.ServerStore;
import org.seuil.server.store.SqliteServerStore;
import org.seuil.store.PlaceStore;
import org.seuil.store.SyncConflict;
import org.seuil.sync.protocol.ReportFeature;

/**
 * Seeded randomized runs: two devices of one user survey, edit and delete reports and sync
 * through a {@link FaultyTransport} (lost requests, lost answers after commit, duplicates, late
 * delivery, client crashes, the server's clock hours off). After each run, with the faults gone,
 * both devices and the server must hold exactly the same reports: none lost, none duplicated, and
 * every edit either on the server, superseded by a later revision, or kept as a conflict.
 *
 * <p>{@code -Dseuil.fault.runs=N} sets the number of runs (default 1,000 on SQLite, 200 on
 * PostgreSQL), {@code -Dseuil.fault.seed=S} the first seed; a failure names its seed.
 */
class FaultInjectionTest {
    @TempDir
    Path dir;

    static Stream<String> backends() {
        return Stream.of("sqlite", "postgres");
    }

    /** A clock the test moves, for a server whose time is hours off. */
    static final class SkewedClock extends Clock {
        volatile Duration skew = Duration.ZERO;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(skew);
        }
    }

    private record Device(String name, PlaceStore[] store, FaultyTransport transport, SyncClient[] client) {
        PlaceStore local() {
            return store[0];
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void noReportIsLostOrDuplicatedWhateverTheNetworkDoes(String backend) throws Exception {
        int runs = Integer.getInteger("seuil.fault.runs", backend.equals("sqlite") ? 1000 : 200);
        long firstSeed = Long.getLong("seuil.fault.seed", 20250301L);
        ServerStore serverStore = backend.equals("sqlite") ? SqliteServerStore.open(dir.resolve("server.db"))
                : PostgresServerStore.open(PostgresTestCluster.freshSchemaUrl(), 8);
        SkewedClock serverClock = new SkewedClock();
        Map<FaultyTransport.Fault, Integer> injected = new java.util.EnumMap<>(FaultyTransport.Fault.class);
        long start = System.nanoTime();
        try (SyncHarness harness = new SyncHarness(serverStore, ServerConfig.DEFAULT.withRate(1e6, 1_000_000).withClock(serverClock))) {
            Random devicesRandom = new Random(firstSeed);
            List<Device> devices = new ArrayList<>();
            for (String name : List.of("laptop", "phone")) {
                FaultyTransport transport = new FaultyTransport(HttpTransport.jdk(), devicesRandom);
                PlaceStore[] store = {SyncHarness.localStore(dir, name)};
                SyncClient[] client = {harness.client(store[0], harness.token("walker"), transport, firstSeed)};
                devices.add(new Device(name, store, transport, client));
            }
            try {
                for (int run = 0; run < runs; run++) {
                    long seed = firstSeed + run;
                    devicesRandom.setSeed(seed);
                    try {
                        oneRun(harness, devices, serverClock, new Random(seed), run);
                    } catch (AssertionError | RuntimeException e) {
                        throw new AssertionError("run " + run + " (seed " + seed + ") failed: " + e.getMessage(), e);
                    }
                }
                devices.forEach(d -> d.transport().injected().forEach((f, n) -> injected.merge(f, n, Integer::sum)));
            } finally {
                devices.forEach(d -> d.local().close());
            }
        }
        System.out.printf("fault injection on %s: %d runs in %.1f s, faults injected %s%n", backend, runs,
                (System.nanoTime() - start) / 1e9, injected);
        assertTrue(injected.values().stream().mapToInt(Integer::intValue).sum() > runs / 4, "the suite injected faults");
    }

    private void oneRun(SyncHarness harness, List<Device> devices, SkewedClock serverClock, Random random, int run) throws Exception {
        BoundingBox box = new BoundingBox(-179 + (run % 340), -80 + (run / 340) % 160, -179 + (run % 340) + 0.5, -80 + (run / 340) % 160 + 0.5);
        serverClock.skew = Duration.ofHours(random.nextInt(13) - 6);
        Set<ReportId> created = new LinkedHashSet<>();
        Map<String, Map<ReportId, Report>> lastEdits = new HashMap<>();
        devices.forEach(d -> {
            d.transport().rate(0.5);
            d.client()[0].withArea(box);
            lastEdits.put(d.name(), new HashMap<>());
        });

        int steps = 3 + random.nextInt(6);
        for (int step = 0; step < steps; step++) {
            Device d = devices.get(random.nextInt(devices.size()));
            int action = random.nextInt(10);
            Instant deviceNow = Instant.parse("2025-03-01T10:00:00Z").plus(Duration.ofHours(random.nextInt(9) - 4)).plusSeconds(step * 60L);
            if (action < 3 || created.isEmpty()) {
                Place place = new Place(new PlaceId(uuid(random)), new GeoPoint(box.minLat() + random.nextDouble() * 0.5,
                        box.minLon() + random.nextDouble() * 0.5), "Place " + run + "." + step, "amenity=cafe", null);
                Report r = new Report(new ReportId(uuid(random)), place.id(), d.name(), deviceNow, 1, grade(random), null,
                        null, null, null, null, Map.of(), List.of(), List.of(), false);
                d.local().savePlace(place);
                d.local().saveReport(r);
                created.add(r.id());
                lastEdits.get(d.name()).put(r.id(), r);
            } else if (action < 6) {
                ReportId id = pick(created, random);
                Optional<Report> current = d.local().report(id);
                if (current.isPresent() && !current.get().deleted()) {
                    Report c = current.get();
                    Report next = new Report(c.id(), c.placeId(), d.name(), deviceNow, c.revision() + 1, grade(random), null,
                            null, null, null, null, Map.of("en", "edit " + step + " on " + d.name()), List.of(), List.of(), false);
                    d.local().saveReport(next);
                    lastEdits.get(d.name()).put(id, next);
                }
            } else if (action < 7) {
                ReportId id = pick(created, random);
                Optional<Report> current = d.local().report(id);
                if (current.isPresent() && !current.get().deleted()) {
                    d.local().deleteReport(id, deviceNow);
                    lastEdits.get(d.name()).put(id, d.local().report(id).orElseThrow());
                }
            } else {
                syncUnderFaults(harness, d);
            }
        }

        for (Device d : devices) {
            d.transport().rate(0);
            d.transport().flush();
        }
        // Each device pushes and pulls, then the first pulls what the others pushed.
        for (Device d : devices) {
            d.client()[0].sync();
        }
        devices.get(0).client()[0].sync();

        Map<ReportId, Report> server = new HashMap<>();
        for (ReportFeature f : harness.serverStore.changes(0, box, 10_000).features()) {
            if (server.put(f.report().id(), f.report()) != null) {
                fail("report " + f.report().id() + " is twice on the server");
            }
        }
        assertEquals(created, server.keySet(), "the server holds exactly the reports the devices created");
        for (Device d : devices) {
            assertEquals(0, d.local().pendingChanges(), d.name() + " has changes left");
            for (ReportId id : created) {
                assertEquals(server.get(id), d.local().report(id).orElse(null), d.name() + " differs from the server on " + id);
            }
            List<SyncConflict> conflicts = d.local().conflicts();
            for (Report edit : lastEdits.get(d.name()).values()) {
                Report onServer = server.get(edit.id());
                assertTrue(onServer.revision() >= edit.revision(), d.name() + " lost revision " + edit.revision() + " of " + edit.id());
                if (onServer.revision() == edit.revision() && !sameContent(onServer, edit)) {
                    assertTrue(conflicts.stream().anyMatch(c -> c.mine().id().equals(edit.id()) && sameContent(c.mine(), edit)),
                            d.name() + "'s revision " + edit.revision() + " of " + edit.id() + " is neither on the server nor kept as a conflict");
                }
            }
        }
    }

    private void syncUnderFaults(SyncHarness harness, Device d) throws Exception {
        try {
            d.client()[0].sync();
        } catch (SyncException e) {
            // retries ran out under the faults: the next sync resumes
        } catch (FaultyTransport.Crash crash) {
            if (crash.hashCode() % 4 == 0) { // sometimes restart the process: reopen the store from its file
                Path file = d.local().file();
                d.local().close();
                d.store()[0] = org.seuil.store.sqlite.SqlitePlaceStore.open(file);
                d.client()[0] = harness.client(d.store()[0], harness.token("walker"), d.transport(), crash.hashCode());
            }
        }
    }

    private static boolean sameContent(Report a, Report b) {
        return a.withRevision(1).equals(new Report(b.id(), b.placeId(), a.author(), b.surveyedAt(), 1, b.wheelchair(), b.toiletsWheelchair(),
                b.entrance(), b.toilet(), b.parking(), b.path(), b.descriptions(), b.photos(), b.experiences(), b.deleted()));
    }

    private static Accessibility grade(Random random) {
        return List.of(Accessibility.YES, Accessibility.LIMITED, Accessibility.NO).get(random.nextInt(3));
    }

    private static ReportId pick(Set<ReportId> ids, Random random) {
        return new ArrayList<>(ids).get(random.nextInt(ids.size()));
    }

    private static String uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
