package org.seuil.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seuil.sync.protocol.Fixtures.T0;
import static org.seuil.sync.protocol.Fixtures.feature;
import static org.seuil.sync.protocol.Fixtures.uuid;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;
import org.seuil.server.store.Role;
import org.seuil.server.store.SqliteServerStore;
import org.seuil.sync.client.HttpTransport;
import org.seuil.sync.client.SyncApi;
import org.seuil.sync.client.SyncException;
import org.seuil.sync.protocol.BatchResult;
import org.seuil.sync.protocol.OutcomeStatus;
import org.seuil.sync.protocol.Problem;
import org.seuil.sync.protocol.ReportFeature;
import org.seuil.sync.protocol.WireCodec;
import org.seuil.sync.protocol.WireLimits;

/** The real server on a loopback port, called with the real client and with hostile raw requests. */
class ServerHttpTest {
    private static final String ALPHABET = "{}[]\",:0123456789.eE+-nultrfasNI \\x\u00ff";
    private static final WireLimits LIMITS = new WireLimits(64 * 1024, 20, 2000);
    private static final WireCodec CODEC = new WireCodec(new WireLimits(1 << 20, 1000, 100_000));

    @TempDir
    Path dir;
    private SqliteServerStore store;
    private SeuilServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String alice;
    private String bob;
    private String planner;

    @BeforeEach
    void start() {
        store = SqliteServerStore.open(dir.resolve("server.db"));
        alice = store.createToken("alice", Role.REPORTER, T0);
        bob = store.createToken("bob", Role.REPORTER, T0);
        planner = store.createToken("city", Role.PLANNER, T0);
        server = new SeuilServer(store, ServerConfig.DEFAULT.withLimits(LIMITS).withRate(1000, 1000)).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + "/api/v1" + path);
    }

    private SyncApi api(String token) {
        return new SyncApi(URI.create("http://127.0.0.1:" + server.port()), token, HttpTransport.jdk());
    }

    private HttpResponse<byte[]> post(String token, String key, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/batches")).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Problem problem(HttpResponse<byte[]> response) {
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        Problem p = CODEC.readProblem(new ByteArrayInputStream(response.body()));
        assertEquals(response.statusCode(), p.status());
        return p;
    }

    private static byte[] batch(String properties) {
        return ("{\"type\":\"FeatureCollection\",\"features\":[" + properties + "]}").getBytes(StandardCharsets.UTF_8);
    }

    private static String validFeature(String coordinates) {
        String place = uuid(1);
        return "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":" + coordinates + "},"
                + "\"properties\":{\"place\":{\"id\":\"" + place + "\",\"name\":\"Café\"},\"report\":{\"id\":\"" + uuid(101)
                + "\",\"placeId\":\"" + place + "\",\"author\":\"me\",\"surveyedAt\":\"2025-03-01T10:00:00Z\",\"wheelchair\":\"yes\"}}}";
    }

    @Test
    void theRealClientPushesAndPullsAndTheServerNamesTheAuthor() throws Exception {
        BatchResult result = api(alice).push("b1", List.of(feature(uuid(1), uuid(101), "laptop", 1, Accessibility.LIMITED, 1)));
        assertEquals(OutcomeStatus.CREATED, result.results().get(0).status());
        List<ReportFeature> pulled = api(bob).changes(0, BoundingBox.WORLD, 100).features();
        assertEquals(1, pulled.size());
        assertEquals("alice", pulled.get(0).report().author(), "the pseudonym of the token, not what the client wrote");
    }

    @Test
    void aReplayedBatchGetsTheSameAnswerMarkedAsReplayed() throws Exception {
        byte[] body = CODEC.writeBatch(List.of(feature(uuid(1), uuid(101), "alice", 1, Accessibility.NO, 2)));
        HttpResponse<byte[]> first = post(alice, "same-key", body);
        HttpResponse<byte[]> second = post(alice, "same-key", body);
        assertEquals(200, first.statusCode());
        assertEquals(200, second.statusCode());
        assertArrayEquals(first.body(), second.body());
        assertEquals("true", second.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(422, problem(post(alice, "same-key", batch(""))).status());
    }

    @Test
    void withoutAValidTokenTheAnswerIs401() throws Exception {
        HttpResponse<byte[]> none = http.send(HttpRequest.newBuilder(uri("/changes")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(401, problem(none).status());
        assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals(401, problem(post("seuil_forged", "k", batch(""))).status());
    }

    @Test
    void aPlannerCannotPushAndAReporterCannotEditAnotherUsersReport() throws Exception {
        SyncException readOnly = assertThrows(SyncException.class,
                () -> api(planner).push("k", List.of(feature(uuid(1), uuid(101), "x", 1, Accessibility.YES, 0))));
        assertEquals(403, readOnly.status());
        api(alice).push("k", List.of(feature(uuid(1), uuid(101), "alice", 1, Accessibility.YES, 0)));
        SyncException foreign = assertThrows(SyncException.class,
                () -> api(bob).push("k", List.of(feature(uuid(1), uuid(101), "bob", 2, Accessibility.NO, 4))));
        assertEquals(403, foreign.status());
        assertEquals("properties.report.id", foreign.problem().errors().get(0).field());
        assertEquals(Accessibility.YES, api(bob).changes(0, null, 10).features().get(0).report().wheelchair());
    }

    @Test
    void aTokenOverItsRateGets429WithRetryAfter() throws Exception {
        server.close();
        server = new SeuilServer(store, ServerConfig.DEFAULT.withRate(0.5, 3)).start("127.0.0.1", 0);
        for (int i = 0; i < 3; i++) {
            api(alice).changes(0, null, 10);
        }
        SyncException limited = assertThrows(SyncException.class, () -> api(alice).changes(0, null, 10));
        assertEquals(429, limited.status());
        assertTrue(limited.retryAfterSeconds() >= 1);
        assertTrue(limited.retryable());
        api(bob).changes(0, null, 10); // another token has its own bucket
    }

    @Test
    void aBodyOverTheLimitIs413WhetherDeclaredOrStreamed() throws Exception {
        byte[] big = batch(validFeature("[7.42,43.73]") + ",{\"type\":\"Feature\",\"pad\":\"" + "x".repeat(1000) + "\"}".repeat(1)
                + ("," + validFeature("[7.42,43.73]")).repeat(200));
        assertTrue(big.length > LIMITS.maxBodyBytes());
        assertEquals(413, problem(post(alice, "k", big)).status());
        HttpRequest chunked = HttpRequest.newBuilder(uri("/batches")).header("Authorization", "Bearer " + alice)
                .header("Idempotency-Key", "k2")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        ("{\"type\":\"FeatureCollection\",\"features\":[" + (validFeature("[7.42,43.73]") + ",").repeat(300)).getBytes(StandardCharsets.UTF_8))))
                .build();
        HttpResponse<byte[]> streamed = http.send(chunked, HttpResponse.BodyHandlers.ofByteArray());
        assertTrue(streamed.statusCode() == 413 || streamed.statusCode() == 400, "got " + streamed.statusCode());
    }

    @Test
    void moreFeaturesThanABatchMayHoldIs413() throws Exception {
        List<ReportFeature> many = new ArrayList<>();
        for (int i = 0; i < LIMITS.maxFeatures() + 1; i++) {
            many.add(feature(uuid(i), uuid(1000 + i), "alice", 1, Accessibility.YES, 0));
        }
        Problem p = problem(post(alice, "k", CODEC.writeBatch(many)));
        assertEquals(413, p.status());
        assertTrue(p.detail().contains("at most " + LIMITS.maxFeatures() + " features"));
    }

    @Test
    void badCoordinatesNanDeepNestingAndLongStringsAre400NamingTheField() throws Exception {
        Problem latitude = problem(post(alice, "k", batch(validFeature("[7.42,95]"))));
        assertEquals(400, latitude.status());
        assertEquals(0, latitude.errors().get(0).feature());
        assertEquals("features[0].geometry.coordinates", latitude.errors().get(0).field());

        Problem nan = problem(post(alice, "k", batch(validFeature("[NaN,43.7]"))));
        assertEquals(400, nan.status());

        String deep = "[".repeat(10_000);
        assertEquals(400, problem(post(alice, "k", batch(validFeature(deep)))).status());

        String longName = validFeature("[7.42,43.73]").replace("\"Café\"", "\"" + "é".repeat(LIMITS.maxStringLength() + 1) + "\"");
        assertEquals(400, problem(post(alice, "k", batch(longName))).status());

        Problem stepCount = problem(post(alice, "k", batch(validFeature("[7.42,43.73]")
                .replace("\"wheelchair\":\"yes\"", "\"entrance\":{\"stepCount\":\"two\"}"))));
        assertEquals("features[0].properties.report.entrance.stepCount", stepCount.errors().get(0).field());

        assertEquals(400, problem(post(alice, null, batch(""))).status(), "the Idempotency-Key header is required");
    }

    @Test
    void noMutationOfAValidBatchMakesTheServerFail() throws Exception {
        byte[] valid = CODEC.writeBatch(List.of(feature(uuid(1), uuid(101), "alice", 1, Accessibility.LIMITED, 1),
                feature(uuid(2), uuid(102), "alice", 1, Accessibility.NO, 3)));
        Random random = new Random(20250301);
        for (int run = 0; run < 300; run++) {
            byte[] body = valid.clone();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(body.length);
                body[at] = (byte) ALPHABET.charAt(random.nextInt(ALPHABET.length()));
            }
            HttpResponse<byte[]> r = post(alice, "fuzz-" + run, body);
            assertTrue(r.statusCode() < 500, "run " + run + " got " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void badQueryParametersAre400() throws Exception {
        for (String query : List.of("/changes?since=abc", "/changes?since=-1", "/changes?bbox=1,2,3", "/changes?limit=0",
                "/changes?limit=999999999", "/places?bbox=200,0,210,10")) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri(query)).header("Authorization", "Bearer " + alice).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(400, problem(r).status(), query);
        }
    }

    @Test
    void healthVersionAndUnknownRoutes() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(uri("/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertTrue(health.body().contains("\"ok\""));
        assertEquals(1, api(alice).protocolVersion());
        HttpResponse<byte[]> missing = http.send(HttpRequest.newBuilder(uri("/nothing")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(404, problem(missing).status());
    }

    @Test
    void photosAreCheckedByHashAndTypeAndJpegMetadataIsStripped() throws Exception {
        byte[] jpeg = jpegWithExif();
        String sha = sha256(jpeg);
        assertTrue(api(alice).putPhoto(sha, jpeg));
        assertFalse(api(alice).putPhoto(sha, jpeg), "a second upload is a no-op");
        HttpResponse<byte[]> stored = http.send(HttpRequest.newBuilder(uri("/photos/" + sha)).header("Authorization", "Bearer " + bob).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("image/jpeg", stored.headers().firstValue("Content-Type").orElse(""));
        String kept = new String(stored.body(), StandardCharsets.ISO_8859_1);
        assertFalse(kept.contains("Exif"), "the EXIF segment is gone");
        assertFalse(kept.contains("SERIAL-1234"));
        assertTrue(kept.contains("JFIF"), "other segments stay");
        assertTrue(kept.endsWith("\u00ff\u00d9"));

        SyncException mismatch = assertThrows(SyncException.class, () -> api(alice).putPhoto("0".repeat(64), jpeg));
        assertEquals(400, mismatch.status());
        byte[] text = "not an image".getBytes(StandardCharsets.UTF_8);
        assertEquals(415, assertThrows(SyncException.class, () -> api(alice).putPhoto(sha256(text), text)).status());
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        assertTrue(api(alice).putPhoto(sha256(png), png));
        assertEquals(403, assertThrows(SyncException.class, () -> api(planner).putPhoto(sha256(png), png)).status());
    }

    /** A tiny JPEG-shaped file: SOI, APP0 JFIF, APP1 EXIF with a camera serial, SOS, data, EOI. */
    private static byte[] jpegWithExif() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
        segment(out, 0xE0, "JFIF\0\1\1\0\0\1\0\1\0\0".getBytes(StandardCharsets.ISO_8859_1));
        segment(out, 0xE1, "Exif\0\0GPS 43.73N 7.42E SERIAL-1234".getBytes(StandardCharsets.ISO_8859_1));
        segment(out, 0xDA, new byte[] {1, 2, 3, 4});
        out.writeBytes(new byte[] {0x55, 0x66, 0x77, (byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] payload) {
        out.write(0xFF);
        out.write(marker);
        int length = payload.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(payload);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
