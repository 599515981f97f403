package org.seuil.basemap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.basemap.world.WorldOverview;
import org.seuil.basemap.world.WorldOverviewSource;
import org.seuil.geo.TileId;

/** The chain's order and its promise never to fail, with a real tile server on loopback. */
class TileChainTest {
    private static final TileId TILE = new TileId(15, 17059, 11948);
    private static final Color PACK = new Color(10, 200, 10);
    private static final Color CACHED = new Color(200, 10, 10);
    private static final Color SERVED = new Color(10, 10, 200);

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final ConcurrentLinkedQueue<String> userAgents = new ConcurrentLinkedQueue<>();
    private volatile int status = 200;
    private volatile long delayMillis;

    @BeforeEach
    void startTileServer() throws IOException {
        byte[] png = TileImage.ofImage(TestImages.solid(SERVED, 256)).encoded();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                if (status != 200) {
                    exchange.getResponseHeaders().add("Retry-After", "120");
                    exchange.sendResponseHeaders(status, -1);
                    return;
                }
                exchange.getResponseHeaders().add("Content-Type", "image/png");
                exchange.sendResponseHeaders(200, png.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(png);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
                exchange.close();
            }
        });
        server.start();
    }

    @AfterEach
    void stopTileServer() {
        server.stop(0);
    }

    private OnlineTileSource online(AtomicBoolean allowed) {
        String template = "http://127.0.0.1:" + server.getAddress().getPort() + "/{z}/{x}/{y}.png";
        return new OnlineTileSource(template, allowed::get, OnlineTileSource.userAgent("9.9"), 19, Clock.systemUTC());
    }

    private CachedTileSource cachedOnline(AtomicBoolean allowed, String cacheName) throws IOException {
        return new CachedTileSource(online(allowed), MBTiles.openOrCreate(dir.resolve(cacheName), Map.of("format", "png")),
                new MemoryTileCache(16));
    }

    private static WorldOverviewSource world() throws IOException {
        return new WorldOverviewSource(WorldOverview.loadBundled(), 256);
    }

    private static Color centre(TileChain.Result result) {
        return new Color(result.image().image().getRGB(128, 128));
    }

    @Test
    void anInstalledPackAnswersBeforeTheCacheAndTheNetwork() throws IOException {
        Path packFile = dir.resolve("pack.mbtiles");
        try (MBTiles pack = MBTiles.openOrCreate(packFile, Map.of("format", "png"))) {
            pack.write(TILE, TileImage.ofImage(TestImages.solid(PACK, 256)).encoded());
            pack.finishAsPack();
        }
        AtomicBoolean allowed = new AtomicBoolean(true);
        try (TileChain chain = new TileChain(List.of(RasterPackSource.open(packFile), cachedOnline(allowed, "osm.mbtiles"), world()), 256)) {
            TileChain.Result result = chain.tile(TILE);
            assertEquals(PACK, centre(result));
            assertTrue(result.source().startsWith("raster pack"), result.source());
            assertEquals(0, requests.get(), "a pack hit must not touch the network");
        }
    }

    @Test
    void aCachedTileIsServedWithTheNetworkOff() throws IOException {
        try (MBTiles cache = MBTiles.openOrCreate(dir.resolve("osm.mbtiles"), Map.of("format", "png"))) {
            cache.write(TILE, TileImage.ofImage(TestImages.solid(CACHED, 256)).encoded());
        }
        AtomicBoolean allowed = new AtomicBoolean(false);
        try (TileChain chain = new TileChain(List.of(cachedOnline(allowed, "osm.mbtiles"), world()), 256)) {
            TileChain.Result result = chain.tile(TILE);
            assertEquals(CACHED, centre(result));
            assertEquals(0, requests.get());
        }
    }

    @Test
    void anOnlineTileIsDownloadedWithOurUserAgentThenServedFromTheDiskCacheOffline() throws IOException {
        AtomicBoolean allowed = new AtomicBoolean(true);
        try (CachedTileSource online = cachedOnline(allowed, "osm.mbtiles")) {
            TileChain chain = new TileChain(List.of(online, world()), 256);
            TileChain.Result result = chain.tile(TILE);
            assertEquals(SERVED, centre(result));
            assertTrue(result.source().startsWith("online 127.0.0.1"), result.source());
            assertEquals(1, requests.get());
            assertEquals("Seuil/9.9 (+https://github.com/seuil-map/seuil)", userAgents.peek());
            chain.tile(TILE);
            assertEquals(1, requests.get(), "the second request must come from the memory cache");
        }
        // A new run, offline, with an empty memory cache: the disk cache still has the tile.
        allowed.set(false);
        server.stop(0);
        try (TileChain chain = new TileChain(List.of(cachedOnline(allowed, "osm.mbtiles"), world()), 256)) {
            assertEquals(SERVED, centre(chain.tile(TILE)));
        }
    }

    @Test
    void withTheNetworkOffAndNoPackTheWorldOverviewIsShownAndNothingIsRequested() throws IOException {
        AtomicBoolean allowed = new AtomicBoolean(false);
        try (TileChain chain = new TileChain(List.of(cachedOnline(allowed, "osm.mbtiles"), world()), 256)) {
            TileChain.Result result = chain.tile(new TileId(2, 2, 1));
            assertEquals("world overview", result.source());
            assertTrue(TestImages.distinctColours(result.image().image()) > 3);
            assertEquals(0, requests.get());
        }
    }

    @Test
    void failingSourcesAreSkippedAndTheWorldOverviewAnswers() throws IOException {
        status = 500;
        AtomicBoolean allowed = new AtomicBoolean(true);
        TileSource broken = new TileSource() {
            @Override
            public Optional<TileImage> tile(TileId id) throws IOException {
                throw new IOException("disk on fire");
            }

            @Override
            public String name() {
                return "broken";
            }
        };
        try (TileChain chain = new TileChain(List.of(broken, cachedOnline(allowed, "osm.mbtiles"), world()), 256)) {
            assertEquals("world overview", chain.tile(TILE).source());
            assertEquals(1, requests.get());
            // The server refused: the online source pauses instead of asking again at once.
            assertEquals("world overview", chain.tile(new TileId(15, 17060, 11948)).source());
            assertEquals(1, requests.get());
        }
    }

    @Test
    void tilesAskedForAfterTheChainIsClosedComeFromTheWorldOverviewWithoutWarnings() throws IOException {
        try (MBTiles cache = MBTiles.openOrCreate(dir.resolve("osm.mbtiles"), Map.of("format", "png"))) {
            cache.write(TILE, TileImage.ofImage(TestImages.solid(CACHED, 256)).encoded());
        }
        TileChain chain = new TileChain(List.of(cachedOnline(new AtomicBoolean(false), "osm.mbtiles"), world()), 256);
        assertEquals(CACHED, centre(chain.tile(TILE)));
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(TileChain.class.getName());
        List<java.util.logging.LogRecord> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                warnings.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        try {
            chain.close();
            TileChain.Result result = chain.tile(new TileId(15, 17060, 11948));
            assertEquals("world overview", result.source());
            assertEquals(List.of(), warnings.stream().map(java.util.logging.LogRecord::getMessage).toList());
        } finally {
            log.removeHandler(handler);
        }
    }

    @Test
    void whenEverySourceFailsAPlainTileIsReturnedNeverAnException() {
        TileSource throwsUnchecked = new TileSource() {
            @Override
            public Optional<TileImage> tile(TileId id) {
                throw new IllegalStateException("renderer crashed");
            }

            @Override
            public String name() {
                return "crashing";
            }
        };
        TileChain chain = new TileChain(List.of(throwsUnchecked), 512);
        TileChain.Result result = chain.tile(TILE);
        assertEquals("plain", result.source());
        assertEquals(512, result.image().image().getWidth());
    }

    @Test
    void noMoreThanTwoDownloadsRunAtOnce() throws Exception {
        delayMillis = 150;
        AtomicBoolean allowed = new AtomicBoolean(true);
        OnlineTileSource online = online(allowed);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<TileImage>>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                TileId id = new TileId(15, 17059 + i, 11948);
                results.add(pool.submit(() -> {
                    start.await();
                    return online.tile(id);
                }));
            }
            start.countDown();
            for (Future<Optional<TileImage>> f : results) {
                assertTrue(f.get(30, TimeUnit.SECONDS).isPresent());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(6, requests.get());
        assertTrue(maxInFlight.get() <= 2, "at most two connections, saw " + maxInFlight.get());
    }

    @Test
    void tilesBeyondTheServersZoomAreNotRequested() throws IOException {
        AtomicBoolean allowed = new AtomicBoolean(true);
        assertTrue(online(allowed).tile(new TileId(20, 0, 0)).isEmpty());
        assertEquals(0, requests.get());
    }
}
