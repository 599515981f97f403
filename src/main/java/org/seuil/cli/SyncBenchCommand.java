package org.seuil.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.Entrance;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Quantity;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.server.SeuilServer;
import org.seuil.server.ServerConfig;
import org.seuil.server.store.PostgresServerStore;
import org.seuil.server.store.Role;
import org.seuil.server.store.ServerStore;
import org.seuil.server.store.SqliteServerStore;
import org.seuil.sync.client.HttpTransport;
import org.seuil.sync.client.ChangeFeed;
import org.seuil.sync.client.SyncApi;
import org.seuil.sync.client.SyncException;
import org.seuil.sync.protocol.ChangePage;
import org.seuil.sync.protocol.ReportFeature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code seuil bench sync}: push and pull speed of a real server over loopback, with the real
 * client, then many concurrent clients for a while. Prints figures; asserts nothing.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Measures sync speed over loopback: push reports/s, pull reports/s, concurrent clients.")
public final class SyncBenchCommand implements Callable<Integer> {
    @Option(names = "--reports", defaultValue = "100000", description = "reports to push (default: ${DEFAULT-VALUE})")
    int reports;

    @Option(names = "--batch", defaultValue = "1000", description = "features per batch (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--pushers", defaultValue = "4", description = "clients pushing at once (default: ${DEFAULT-VALUE})")
    int pushers;

    @Option(names = "--clients", defaultValue = "200", description = "clients of the concurrency run (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--seconds", defaultValue = "60", description = "length of the concurrency run (default: ${DEFAULT-VALUE}; 0 skips it)")
    int seconds;

    @Option(names = "--postgres", paramLabel = "JDBC_URL", description = "bench PostgreSQL instead of a temporary SQLite file")
    String postgres;

    @Option(names = "--warmup", defaultValue = "0", description = "reports pushed and pulled before the timed push, "
            + "so that it measures a server that has run a while rather than a JVM's first seconds (default: ${DEFAULT-VALUE})")
    int warmup;

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("seuil-bench-sync");
        try (ServerStore store = postgres != null ? PostgresServerStore.open(postgres, 32) : SqliteServerStore.open(dir.resolve("server.db"));
             SeuilServer server = new SeuilServer(store, ServerConfig.DEFAULT.withRate(1_000_000, 1_000_000)).start("127.0.0.1", 0)) {
            URI uri = URI.create("http://127.0.0.1:" + server.port());
            String backend = postgres != null ? "PostgreSQL" : "SQLite";
            System.out.printf("sync bench on %s, %d reports in batches of %d, %d pushers%n", backend, reports, batch, pushers);

            List<SyncApi> apis = new ArrayList<>();
            for (int i = 0; i < Math.max(pushers, clients); i++) {
                apis.add(new SyncApi(uri, store.createToken("bench" + i, Role.REPORTER, Instant.now()), HttpTransport.jdk()));
            }
            long since = 0;
            if (warmup > 0) {
                // A running server has compiled its hot code; a fresh JVM spends the first
                // seconds of a short run compiling it (about a third of the CPU of 100,000 reports).
                System.out.print("warm-up: ");
                pushAll(apis, warmup);
                System.out.print("warm-up: ");
                since = pullAll(apis.get(0), 0);
            }
            pushAll(apis, reports);
            pullAll(apis.get(0), since);
            if (seconds > 0) {
                concurrent(apis.subList(0, clients));
            }
        } finally {
            deleteQuietly(dir);
        }
        return 0;
    }

    private void pushAll(List<SyncApi> apis, int reports) throws Exception {
        int batches = (reports + batch - 1) / batch;
        // Made before the clock starts: inventing random reports is not part of a push.
        List<List<ReportFeature>> bodies = new ArrayList<>(batches);
        for (int b = 0; b < batches; b++) {
            bodies.add(features(Math.min(batch, reports - b * batch)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(pushers);
        long cpu = ProcessCpu.nanos();
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int p = 0; p < pushers; p++) {
            int pusher = p;
            done.add(pool.submit(() -> {
                for (int b = pusher; b < batches; b += pushers) {
                    apis.get(pusher).push(bodies.get(b));
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf("push: %,d reports in %.2f s = %,.0f reports/s%s%n", reports, s, reports / s, cpuNote(reports, cpu));
    }

    /**
     * Reads the feed after {@code since} as the sync client does: through {@link ChangeFeed}, a
     * page ahead. Returns the cursor at its end.
     */
    private static long pullAll(SyncApi api, long since) throws SyncException, InterruptedException {
        long cpu = ProcessCpu.nanos();
        long start = System.nanoTime();
        long cursor = since;
        long pulled = 0;
        ChangePage page;
        try (ChangeFeed feed = new ChangeFeed(api, null, 5000)) {
            do {
                page = feed.page(cursor);
                pulled += page.features().size();
                cursor = page.nextCursor();
            } while (page.more());
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf("pull: %,d reports in %.2f s = %,.0f reports/s (pages of 5,000)%s%n", pulled, s, pulled / s, cpuNote(pulled, cpu));
        return cursor;
    }

    private void concurrent(List<SyncApi> apis) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(apis.size());
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<?>> done = new ArrayList<>();
        for (SyncApi api : apis) {
            done.add(pool.submit(() -> {
                long cursor = 0;
                while (System.nanoTime() < end) {
                    try {
                        api.push(features(10));
                        ChangePage page = api.changes(cursor, new BoundingBox(7.40, 43.72, 7.44, 43.76), 500);
                        cursor = page.nextCursor();
                        requests.addAndGet(2);
                    } catch (SyncException e) {
                        errors.incrementAndGet();
                        System.err.println("error: " + e.getMessage());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("concurrency: %d clients for %d s, %,d requests (%,.0f/s), %d errors%n",
                apis.size(), seconds, requests.get(), requests.get() / (double) seconds, errors.get());
    }

    /**
     * CPU time of this process (client and server together) since {@code cpuBefore}: on a machine
     * shared with other work the wall-clock rate says little, the reports per CPU-second do.
     */
    private static String cpuNote(long reports, long cpuBefore) {
        long cpu = ProcessCpu.nanos() - cpuBefore;
        if (cpuBefore < 0 || cpu <= 0) {
            return "";
        }
        return String.format("; CPU %.2f s (client and server) = %,.0f reports per CPU-second", cpu / 1e9, reports / (cpu / 1e9));
    }

    private static List<ReportFeature> features(int n) {
        List<ReportFeature> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            // Ids as the app makes them (time-ordered), places anywhere in a 4 km square.
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Place place = new Place(PlaceId.generate(), new GeoPoint(43.72 + random.nextDouble(0.04), 7.40 + random.nextDouble(0.04)),
                    "Bench place", "amenity=cafe", null);
            Report report = new Report(ReportId.generate(), place.id(), "bench", Instant.parse("2025-03-01T10:00:00Z"), 1,
                    Accessibility.LIMITED, Accessibility.NO, new Entrance(1, Quantity.centimetres(6), null, Quantity.centimetres(85), null, null),
                    null, null, null, Map.of("en", "One small step at the door"), List.of(), List.of(), false);
            list.add(new ReportFeature(place, report));
        }
        return list;
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not remove " + dir + ": " + e.getMessage());
        }
    }
}
