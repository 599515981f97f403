package org.seuil.sync.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seuil.sync.protocol.Fixtures.T0;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.basemap.MBTiles;
import org.seuil.basemap.PackLocator;
import org.seuil.geo.TileId;
import org.seuil.server.ServerConfig;
import org.seuil.server.SeuilServer;
import org.seuil.server.store.Role;
import org.seuil.server.store.SqliteServerStore;

/** Packs served by the real server on a loopback port and fetched by the real downloader. */
class PackDownloadTest {
    private static final Path MONACO = Path.of(System.getProperty("seuil.shared.data", "../shared/data"), "maps", "monaco-2021-04-21.map");
    private static final String NAME = "monaco.map";

    @TempDir
    Path dir;
    private Path served;
    private Path installed;
    private SqliteServerStore store;
    private SeuilServer server;
    private String token;
    private PackDownloader downloader;

    @BeforeEach
    void start() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(MONACO), MONACO + " is absent: pack download tests skipped");
        served = Files.createDirectories(dir.resolve("served"));
        installed = dir.resolve("data").resolve("maps");
        Files.copy(MONACO, served.resolve(NAME));
        store = SqliteServerStore.open(dir.resolve("server.db"));
        token = store.createToken("alice", Role.REPORTER, T0);
        server = new SeuilServer(store, ServerConfig.DEFAULT.withRate(1000, 1000).withMaps(served)).start("127.0.0.1", 0);
        downloader = new PackDownloader(root(), token);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
            store.close();
        }
    }

    private URI root() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    private PackDownloader.RemotePack listed(String name) throws SyncException {
        return downloader.list().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** A progress callback that cancels once at least {@code stopAt} bytes are on disk. */
    private static PackDownloader.Progress cancelAfter(long stopAt) {
        return (done, total) -> {
            if (done >= stopAt) {
                throw new CancellationException("stopped at " + done);
            }
        };
    }

    @Test
    void theListingGivesNameSizeChecksumKindAndBounds() throws Exception {
        Files.writeString(served.resolve("notes.txt"), "not a pack");
        List<PackDownloader.RemotePack> packs = downloader.list();
        assertEquals(1, packs.size(), "only .map and .mbtiles files are listed: " + packs);
        PackDownloader.RemotePack pack = packs.get(0);
        assertEquals(NAME, pack.name());
        assertEquals(Files.size(MONACO), pack.size());
        assertEquals(sha256(MONACO), pack.sha256());
        assertEquals("mapsforge", pack.kind());
        assertNotNull(pack.bounds());
        assertTrue(pack.bounds().minLon() > 7.3 && pack.bounds().maxLon() < 7.5, "Monaco's longitudes: " + pack.bounds());
        assertTrue(pack.bounds().minLat() > 43.6 && pack.bounds().maxLat() < 43.8, "Monaco's latitudes: " + pack.bounds());

        SyncException anonymous = assertThrows(SyncException.class, () -> new PackDownloader(root(), null).list());
        assertEquals(401, anonymous.status());
    }

    @Test
    void aFullDownloadIsVerifiedAndInstalled() throws Exception {
        List<long[]> reports = new ArrayList<>();
        PackDownloader.Result result = downloader.download(listed(NAME), installed, PackLocator::checkReadable,
                (done, total) -> reports.add(new long[] {done, total}));
        assertEquals(installed.resolve(NAME), result.installed());
        assertEquals(200, result.httpStatus());
        assertEquals(0, result.resumedFrom());
        assertEquals(sha256(MONACO), sha256(result.installed()));
        assertFalse(Files.exists(PackDownloader.partFile(installed, NAME)), "the part file is renamed into place");
        long[] last = reports.get(reports.size() - 1);
        assertEquals(Files.size(MONACO), last[0]);
        assertEquals(Files.size(MONACO), last[1]);
        assertTrue(reports.size() > 2, "progress is reported while bytes arrive, not only at the end");
    }

    @Test
    void anInterruptedDownloadResumesWithARangeRequest() throws Exception {
        PackDownloader.RemotePack pack = listed(NAME);
        long half = pack.size() / 2;
        assertThrows(CancellationException.class, () -> downloader.download(pack, installed, PackLocator::checkReadable, cancelAfter(half)));
        Path part = PackDownloader.partFile(installed, NAME);
        long kept = Files.size(part);
        assertTrue(kept >= half && kept < pack.size(), "the part file keeps what arrived: " + kept);
        assertFalse(Files.exists(installed.resolve(NAME)), "nothing is installed from an interrupted download");

        PackDownloader.Result result = downloader.download(pack, installed, PackLocator::checkReadable, (done, total) -> { });
        assertEquals(206, result.httpStatus(), "the server sends only the rest");
        assertEquals(kept, result.resumedFrom());
        assertEquals(pack.size() - kept, result.bytesReceived());
        assertEquals(sha256(MONACO), sha256(installed.resolve(NAME)));
        assertFalse(Files.exists(part));
    }

    @Test
    void aPackChangedOnTheServerSinceTheInterruptionIsFetchedWhole() throws Exception {
        Path first = mbtiles(served.resolve("town.mbtiles"), 1);
        PackDownloader.RemotePack before = listed("town.mbtiles");
        assertEquals("mbtiles", before.kind());
        assertThrows(CancellationException.class,
                () -> downloader.download(before, installed, PackLocator::checkReadable, cancelAfter(before.size() / 2)));

        Path replacement = mbtiles(dir.resolve("town-v2.mbtiles"), 2);
        Files.move(replacement, first, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        PackDownloader.RemotePack after = listed("town.mbtiles");
        assertFalse(after.sha256().equals(before.sha256()));

        PackDownloader.Result result = downloader.download(after, installed, PackLocator::checkReadable, (done, total) -> { });
        assertEquals(200, result.httpStatus(), "If-Range with the old ETag gets the whole new pack");
        assertEquals(0, result.resumedFrom());
        assertEquals(after.sha256(), sha256(installed.resolve("town.mbtiles")));
    }

    @Test
    void aCorruptPartIsRefusedAndNothingIsInstalled() throws Exception {
        PackDownloader.RemotePack pack = listed(NAME);
        assertThrows(CancellationException.class,
                () -> downloader.download(pack, installed, PackLocator::checkReadable, cancelAfter(pack.size() / 2)));
        Path part = PackDownloader.partFile(installed, NAME);
        try (RandomAccessFile raf = new RandomAccessFile(part.toFile(), "rw")) {
            raf.seek(1000);
            raf.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        }
        PackRefusedException refused = assertThrows(PackRefusedException.class,
                () -> downloader.download(pack, installed, PackLocator::checkReadable, (done, total) -> { }));
        assertTrue(refused.getMessage().contains("SHA-256") && refused.getMessage().contains("nothing was installed"), refused.getMessage());
        assertFalse(Files.exists(installed.resolve(NAME)));
        assertFalse(Files.exists(part), "a part that cannot become the pack is not kept");

        PackDownloader.Result again = downloader.download(pack, installed, PackLocator::checkReadable, (done, total) -> { });
        assertEquals(200, again.httpStatus(), "the next try starts from zero");
        assertEquals(sha256(MONACO), sha256(installed.resolve(NAME)));
    }

    @Test
    void aPackThatMatchesItsChecksumButDoesNotOpenIsRefused() throws Exception {
        byte[] junk = new byte[300_000];
        new Random(7).nextBytes(junk);
        Files.write(served.resolve("broken.map"), junk);
        PackDownloader.RemotePack pack = listed("broken.map");
        assertEquals(null, pack.bounds(), "an unreadable header is listed without bounds");
        PackRefusedException refused = assertThrows(PackRefusedException.class,
                () -> downloader.download(pack, installed, PackLocator::checkReadable, (done, total) -> { }));
        assertTrue(refused.getMessage().contains("does not open as a mapsforge pack"), refused.getMessage());
        assertFalse(Files.exists(installed.resolve("broken.map")));
        assertFalse(Files.exists(PackDownloader.partFile(installed, "broken.map")));
    }

    @Test
    void rangesAreHonouredAndABadRangeGets416() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long size = Files.size(MONACO);
        URI uri = URI.create(root() + "/api/v1/maps/" + NAME);
        HttpResponse<byte[]> middle = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Range", "bytes=100-199").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, middle.statusCode());
        assertEquals("bytes 100-199/" + size, middle.headers().firstValue("Content-Range").orElse(""));
        assertEquals("bytes", middle.headers().firstValue("Accept-Ranges").orElse(""));
        assertEquals("\"" + sha256(MONACO) + "\"", middle.headers().firstValue("ETag").orElse(""));
        byte[] expected = new byte[100];
        System.arraycopy(Files.readAllBytes(MONACO), 100, expected, 0, 100);
        assertArrayEquals(expected, middle.body());

        HttpResponse<byte[]> beyond = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Range", "bytes=" + size + "-").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */" + size, beyond.headers().firstValue("Content-Range").orElse(""));

        HttpResponse<byte[]> traversal = http.send(HttpRequest.newBuilder(URI.create(root() + "/api/v1/maps/..%2Fserver.db"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(404, traversal.statusCode());
    }

    /** A small raster pack whose bytes depend on {@code version}, large enough to interrupt half-way. */
    private static Path mbtiles(Path file, int version) throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("name", "town v" + version);
        metadata.put("format", "png");
        metadata.put("bounds", "7.40,43.72,7.44,43.76");
        Random random = new Random(version);
        try (MBTiles pack = MBTiles.openOrCreate(file, metadata)) {
            for (int x = 0; x < 20; x++) {
                byte[] tile = new byte[20_000 + version * 100];
                random.nextBytes(tile);
                pack.write(new TileId(14, 8500 + x, 5900), tile);
            }
        }
        return file;
    }
}
