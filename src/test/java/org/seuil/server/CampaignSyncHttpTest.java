package org.seuil.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.seuil.audit.CampaignId;
import org.seuil.audit.VenueStatus;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.formats.json.Json;
import org.seuil.server.store.PostgresServerStore;
import org.seuil.server.store.PostgresTestCluster;
import org.seuil.server.store.Role;
import org.seuil.server.store.ServerStore;
import org.seuil.server.store.SqliteServerStore;
import org.seuil.audit.SharedCampaign;
import org.seuil.audit.SharedVenue;
import org.seuil.sync.protocol.CampaignCodec;
import org.seuil.sync.protocol.CampaignEdit;
import org.seuil.sync.protocol.CampaignFixtures;
import org.seuil.sync.protocol.WireLimits;

/**
 * The campaign routes through the real server on a loopback port, with raw HTTP requests, on
 * SQLite and on a real PostgreSQL: who sees what (404, never 403, for a campaign one does not
 * belong to), who may change what, idempotent pushes, the later status winning, bad bodies.
 */
class CampaignSyncHttpTest {
    private static final CampaignCodec CODEC = new CampaignCodec(WireLimits.DEFAULT);
    private static final ObjectMapper MAPPER = new ObjectMapper(Json.FACTORY);
    private static final Instant NOW = Instant.parse("2026-02-01T12:00:00Z");

    @TempDir
    Path dir;

    private ServerStore store;
    private SeuilServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    static Stream<String> backends() {
        return Stream.of("sqlite", "postgres");
    }

    private void start(String backend) {
        store = backend.equals("sqlite") ? SqliteServerStore.open(dir.resolve("server.db"))
                : PostgresServerStore.open(PostgresTestCluster.freshSchemaUrl(), 4);
        server = new SeuilServer(store, ServerConfig.DEFAULT.withRate(1_000_000, 1_000_000)).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private String token(String name, Role role) {
        return store.createToken(name, role, NOW);
    }

    private HttpResponse<byte[]> send(String method, String path, String token, String key, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1" + path))
                .header("Authorization", "Bearer " + token);
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> post(String path, String token, String key, byte[] body) throws Exception {
        return send("POST", path, token, key, body);
    }

    private HttpResponse<byte[]> get(String path, String token) throws Exception {
        return send("GET", path, token, null, null);
    }

    private List<String> listedIds(String token) throws Exception {
        HttpResponse<byte[]> r = get("/campaigns", token);
        assertEquals(200, r.statusCode(), text(r));
        return CODEC.readListing(new ByteArrayInputStream(r.body())).stream().map(l -> l.id().value()).toList();
    }

    private SharedCampaign fetch(CampaignId id, String token) throws Exception {
        HttpResponse<byte[]> r = get("/campaigns/" + id, token);
        assertEquals(200, r.statusCode(), text(r));
        assertEquals("application/geo+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        return CODEC.readCampaign(new ByteArrayInputStream(r.body()));
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    private static JsonNode json(HttpResponse<byte[]> r) throws Exception {
        return MAPPER.readTree(r.body());
    }

    private static byte[] edits(CampaignEdit... edits) {
        return CODEC.writeEdits(List.of(edits));
    }

    private CampaignId created(String auditor, String name, List<String> members, int venues) throws Exception {
        CampaignId id = CampaignId.random();
        HttpResponse<byte[]> r = post("/campaigns", auditor, "create-" + id, CODEC.writeCampaign(CampaignFixtures.shared(id, name, members, venues)));
        assertEquals(201, r.statusCode(), text(r));
        return id;
    }

    @ParameterizedTest
    @MethodSource("backends")
    void membersSeeOnlyTheirCampaignsAndAnOutsiderGets404AndAnEmptyList(String backend) throws Exception {
        start(backend);
        String auditor = token("carol", Role.AUDITOR);
        String alice = token("alice", Role.REPORTER);
        String bob = token("bob", Role.REPORTER);
        String mallory = token("mallory", Role.REPORTER);
        String otherAuditor = token("dave", Role.AUDITOR);
        String admin = token("root", Role.ADMIN);

        CampaignId both = created(auditor, "Monte-Carlo", List.of("alice", "bob"), 3);
        CampaignId aliceOnly = created(auditor, "Port", List.of("alice"), 2);
        CampaignId daves = created(otherAuditor, "Fontvieille", List.of(), 1);

        assertEquals(Stream.of(both, aliceOnly).map(CampaignId::value).sorted().toList(), listedIds(alice).stream().sorted().toList());
        assertEquals(List.of(both.value()), listedIds(bob));
        assertEquals(List.of(), listedIds(mallory));
        assertEquals(Stream.of(both, aliceOnly).map(CampaignId::value).sorted().toList(), listedIds(auditor).stream().sorted().toList(),
                "an auditor lists the campaigns they created");
        assertEquals(List.of(daves.value()), listedIds(otherAuditor));
        assertEquals(3, listedIds(admin).size(), "an admin lists every campaign");

        SharedCampaign bobsCopy = fetch(both, bob);
        assertEquals("Monte-Carlo", bobsCopy.campaign().name());
        assertEquals("carol", bobsCopy.owner());
        assertEquals(List.of("alice", "bob"), bobsCopy.campaign().volunteers());
        assertEquals(3, bobsCopy.venues().size());
        assertEquals(CampaignFixtures.district(), bobsCopy.campaign().district());
        assertEquals(CampaignFixtures.venuePlace(1), bobsCopy.venues().get(1).place());
        assertTrue(bobsCopy.version() > 0);

        // Not a member: the same answer as for a campaign that does not exist.
        HttpResponse<byte[]> hidden = get("/campaigns/" + aliceOnly, bob);
        HttpResponse<byte[]> missing = get("/campaigns/" + CampaignId.random(), bob);
        assertEquals(404, hidden.statusCode());
        assertEquals(404, missing.statusCode());
        assertEquals(json(hidden).path("title").asText(), json(missing).path("title").asText());
        assertEquals(404, get("/campaigns/" + both, mallory).statusCode());
        assertEquals(404, get("/campaigns/" + both, otherAuditor).statusCode(), "another auditor is an outsider too");
        assertEquals(404, post("/campaigns/" + both + "/changes", mallory, "m1",
                edits(new CampaignEdit.SetStatus(CampaignFixtures.venuePlace(0).id(), VenueStatus.VISITED, NOW))).statusCode());
        assertEquals(404, get("/campaigns/not-a-uuid", alice).statusCode());
        assertEquals(401, get("/campaigns", "seuil_nope").statusCode());
        assertEquals(VenueStatus.TO_VISIT, fetch(both, auditor).venues().get(0).status(), "the outsider's push changed nothing");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aReporterCannotCreateACampaign(String backend) throws Exception {
        start(backend);
        String reporter = token("alice", Role.REPORTER);
        String planner = token("pat", Role.PLANNER);
        CampaignId id = CampaignId.random();
        byte[] body = CODEC.writeCampaign(CampaignFixtures.shared(id, "Mine", List.of("alice"), 1));
        HttpResponse<byte[]> r = post("/campaigns", reporter, "k1", body);
        assertEquals(403, r.statusCode(), text(r));
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals(403, post("/campaigns", planner, "k1", body).statusCode());
        assertEquals(List.of(), listedIds(reporter));
        assertEquals(List.of(), listedIds(token("root", Role.ADMIN)), "nothing was stored");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aReplayedKeyReturnsTheStoredAnswerAndChangesNothing(String backend) throws Exception {
        start(backend);
        String auditor = token("carol", Role.AUDITOR);
        String alice = token("alice", Role.REPORTER);
        CampaignId id = CampaignId.random();
        byte[] create = CODEC.writeCampaign(CampaignFixtures.shared(id, "Monte-Carlo", List.of("alice"), 2));
        HttpResponse<byte[]> first = post("/campaigns", auditor, "create-1", create);
        HttpResponse<byte[]> again = post("/campaigns", auditor, "create-1", create);
        assertEquals(201, first.statusCode());
        assertEquals(201, again.statusCode());
        assertArrayEquals(first.body(), again.body());
        assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(null));
        assertTrue(again.headers().firstValue("Idempotent-Replayed").isPresent());
        assertFalse(first.headers().firstValue("Idempotent-Replayed").isPresent());

        PlaceId venue = CampaignFixtures.venuePlace(0).id();
        byte[] visit = edits(new CampaignEdit.SetStatus(venue, VenueStatus.VISITED, NOW.minusSeconds(60)));
        HttpResponse<byte[]> pushed = post("/campaigns/" + id + "/changes", alice, "visit-1", visit);
        assertEquals(200, pushed.statusCode(), text(pushed));
        assertEquals("applied", json(pushed).path("results").get(0).asText());
        long version = fetch(id, alice).version();

        HttpResponse<byte[]> replayed = post("/campaigns/" + id + "/changes", alice, "visit-1", visit);
        assertArrayEquals(pushed.body(), replayed.body());
        assertEquals("true", replayed.headers().firstValue("Idempotent-Replayed").orElse(null));
        assertEquals(version, fetch(id, alice).version(), "a replay takes no new version");

        HttpResponse<byte[]> reused = post("/campaigns/" + id + "/changes", alice, "visit-1",
                edits(new CampaignEdit.SetStatus(venue, VenueStatus.CLOSED, NOW)));
        assertEquals(422, reused.statusCode(), text(reused));
        SharedCampaign after = fetch(id, alice);
        assertEquals(VenueStatus.VISITED, after.venues().get(0).status());
        assertEquals(version, after.version());
        assertEquals(2, after.venues().size(), "the replayed create added no venue");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void theLaterStatusWinsAndAVenueFoundOnTheGroundReachesEveryMember(String backend) throws Exception {
        start(backend);
        String auditor = token("carol", Role.AUDITOR);
        String alice = token("alice", Role.REPORTER);
        String bob = token("bob", Role.REPORTER);
        CampaignId id = created(auditor, "Monte-Carlo", List.of("alice", "bob"), 2);
        PlaceId venue = CampaignFixtures.venuePlace(0).id();

        HttpResponse<byte[]> late = post("/campaigns/" + id + "/changes", alice, "a1",
                edits(new CampaignEdit.SetStatus(venue, VenueStatus.VISITED, NOW.minusSeconds(10))));
        HttpResponse<byte[]> early = post("/campaigns/" + id + "/changes", bob, "b1",
                edits(new CampaignEdit.SetStatus(venue, VenueStatus.CLOSED, NOW.minusSeconds(3600))));
        assertEquals("applied", json(late).path("results").get(0).asText());
        assertEquals("superseded", json(early).path("results").get(0).asText(), text(early));

        Place found = new Place(new PlaceId("osm:node/77"), new GeoPoint(43.74, 7.425), "Boulangerie du coin", "shop=bakery", null);
        HttpResponse<byte[]> added = post("/campaigns/" + id + "/changes", bob, "b2",
                edits(new CampaignEdit.AddVenue(found, VenueStatus.VISITED, NOW.minusSeconds(5))));
        assertEquals(200, added.statusCode(), text(added));

        SharedCampaign seen = fetch(id, alice);
        Map<PlaceId, SharedVenue> venues = seen.venues().stream().collect(Collectors.toMap(v -> v.place().id(), v -> v));
        assertEquals(VenueStatus.VISITED, venues.get(venue).status());
        assertEquals("alice", venues.get(venue).statusBy(), "the server writes who pushed, not what the device claims");
        assertEquals(found, venues.get(found.id()).place());
        assertTrue(venues.get(found.id()).foundOnGround());
        assertEquals("bob", venues.get(found.id()).statusBy());

        // A clock hours ahead cannot pin a venue: its claim is capped at the server's time.
        post("/campaigns/" + id + "/changes", bob, "b3",
                edits(new CampaignEdit.SetStatus(CampaignFixtures.venuePlace(1).id(), VenueStatus.REFUSED, Instant.now().plusSeconds(36_000))));
        HttpResponse<byte[]> later = post("/campaigns/" + id + "/changes", alice, "a2",
                edits(new CampaignEdit.SetStatus(CampaignFixtures.venuePlace(1).id(), VenueStatus.VISITED, Instant.now().plusSeconds(1))));
        assertEquals("applied", json(later).path("results").get(0).asText(), text(later));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void onlyTheOwnerAssignsAndManagesMembers(String backend) throws Exception {
        start(backend);
        String auditor = token("carol", Role.AUDITOR);
        String alice = token("alice", Role.REPORTER);
        String bob = token("bob", Role.REPORTER);
        CampaignId id = created(auditor, "Monte-Carlo", List.of("alice"), 2);
        PlaceId venue = CampaignFixtures.venuePlace(0).id();

        HttpResponse<byte[]> refused = post("/campaigns/" + id + "/changes", alice, "a1",
                edits(new CampaignEdit.SetStatus(venue, VenueStatus.VISITED, NOW), new CampaignEdit.Assign(venue, "alice", null)));
        assertEquals(403, refused.statusCode(), text(refused));
        assertEquals(VenueStatus.TO_VISIT, fetch(id, alice).venues().get(0).status(), "a refused push applies nothing");
        assertEquals(403, post("/campaigns", alice, "a2", CODEC.writeCampaign(CampaignFixtures.shared(id, "Mine", List.of(), 0))).statusCode());

        HttpResponse<byte[]> assigned = post("/campaigns/" + id + "/changes", auditor, "c1", edits(new CampaignEdit.Assign(venue, "bob", 1)));
        assertEquals(200, assigned.statusCode(), text(assigned));
        assertEquals(List.of(id.value()), listedIds(bob), "an assignment makes the volunteer a member");
        SharedVenue v = fetch(id, bob).venues().get(0);
        assertEquals("bob", v.volunteer());
        assertEquals(1, v.zone());

        assertEquals(403, send("DELETE", "/campaigns/" + id + "/members/bob", alice, null, null).statusCode());
        assertEquals(200, send("DELETE", "/campaigns/" + id + "/members/bob", auditor, null, null).statusCode());
        assertEquals(404, get("/campaigns/" + id, bob).statusCode(), "a removed member no longer sees the campaign");
        assertEquals(200, send("PUT", "/campaigns/" + id + "/members/bob", auditor, null, null).statusCode());
        assertEquals(200, get("/campaigns/" + id, bob).statusCode());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void badBodiesAreRefusedWithAProblemNamingTheField(String backend) throws Exception {
        start(backend);
        String auditor = token("carol", Role.AUDITOR);
        CampaignId id = created(auditor, "Monte-Carlo", List.of(), 1);

        Place outside = new Place(new PlaceId("osm:node/5"), new GeoPoint(43.70, 7.40), null, null, null);
        HttpResponse<byte[]> r = post("/campaigns/" + id + "/changes", auditor, "x1", edits(new CampaignEdit.AddVenue(outside, VenueStatus.VISITED, NOW)));
        assertEquals(400, r.statusCode(), text(r));
        assertEquals("changes[0].location", json(r).path("errors").get(0).path("field").asText());

        r = post("/campaigns/" + id + "/changes", auditor, "x2", edits(new CampaignEdit.SetStatus(new PlaceId("osm:node/9"), VenueStatus.VISITED, NOW)));
        assertEquals(400, r.statusCode(), text(r));
        assertEquals("changes[0].place", json(r).path("errors").get(0).path("field").asText());

        String created = new String(CODEC.writeCampaign(CampaignFixtures.shared(CampaignId.random(), "X", List.of(), 0)), StandardCharsets.UTF_8);
        String swapped = created.replace("[7.42,43.735]", "[43.735,95.0]");
        r = post("/campaigns", auditor, "x3", swapped.getBytes(StandardCharsets.UTF_8));
        assertEquals(400, r.statusCode(), text(r));
        assertTrue(json(r).path("errors").get(0).path("field").asText().startsWith("geometry.coordinates[0][0]"), text(r));

        r = post("/campaigns", auditor, "x4", created.replace("\"rules\":\"osm\"", "\"rules\":\"osm\",\"colour\":1").getBytes(StandardCharsets.UTF_8));
        assertEquals(400, r.statusCode(), text(r));
        assertEquals("properties.colour", json(r).path("errors").get(0).path("field").asText());

        r = post("/campaigns", auditor, "x5", created.replaceFirst("\"answer\"\\s*:\\s*\"[a-z-]+\"", "\"answer\": \"maybe\"").getBytes(StandardCharsets.UTF_8));
        assertEquals(400, r.statusCode(), text(r));
        assertTrue(json(r).path("errors").get(0).path("field").asText().startsWith("properties.checklist.items["), text(r));

        r = post("/campaigns/" + id + "/changes", auditor, null, edits());
        assertEquals(400, r.statusCode(), "the Idempotency-Key is required");
        assertEquals(400, post("/campaigns", auditor, "x6", "[[[[".getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(400, post("/campaigns", auditor, "x7", "[".repeat(10_000).getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(413, post("/campaigns", auditor, "x8", new byte[9 * 1024 * 1024]).statusCode());
        byte[] padded = ("{\"changes\": [], \"pad\": \"" + "x".repeat(19_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertEquals(200, post("/campaigns/" + id + "/changes", auditor, "x9", padded).statusCode(), "a small body passes");
        byte[] large = ("{\"changes\": [" + "{},".repeat(400_000) + "{}]}").getBytes(StandardCharsets.UTF_8);
        assertEquals(413, post("/campaigns/" + id + "/changes", auditor, "x10", large).statusCode(), "changes stop at 1 MiB");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void concurrentStatusPushesAreSerializedAndTheLatestVisitWins(String backend) throws Exception {
        start(backend);
        String auditor = token("carol", Role.AUDITOR);
        List<String> members = List.of("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7");
        CampaignId id = created(auditor, "Monte-Carlo", members, 2);
        List<String> tokens = members.stream().map(m -> token(m, Role.REPORTER)).toList();
        PlaceId venue = CampaignFixtures.venuePlace(0).id();
        int perMember = 5;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(members.size());
        java.util.Set<Long> versions = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<java.util.concurrent.Future<Integer>> done = new java.util.ArrayList<>();
        try {
            for (int m = 0; m < members.size(); m++) {
                int member = m;
                done.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < perMember; i++) {
                        Instant at = NOW.minusSeconds(1000).plusSeconds(member * perMember + i);
                        HttpResponse<byte[]> r = post("/campaigns/" + id + "/changes", tokens.get(member), "k" + i,
                                edits(new CampaignEdit.SetStatus(venue, VenueStatus.VISITED, at)));
                        if (r.statusCode() == 200) {
                            ok++;
                            versions.add(json(r).path("version").asLong());
                        }
                    }
                    return ok;
                }));
            }
            for (java.util.concurrent.Future<Integer> f : done) {
                assertEquals(perMember, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(members.size() * perMember, versions.size(), "every push took its own version");
        SharedVenue v = fetch(id, auditor).venues().get(0);
        assertEquals(NOW.minusSeconds(1000).plusSeconds(members.size() * perMember - 1), v.statusAt(), "the latest visit wins");
        assertEquals("m7", v.statusBy());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void randomlyDamagedCampaignsAreNeverAnsweredWithA5xx(String backend) throws Exception {
        start(backend);
        String auditor = token("carol", Role.AUDITOR);
        byte[] valid = CODEC.writeCampaign(CampaignFixtures.shared(CampaignId.random(), "Monte-Carlo", List.of("alice"), 3));
        java.util.Random random = new java.util.Random(20260129L);
        java.util.Set<Integer> seen = new java.util.TreeSet<>();
        for (int run = 0; run < 150; run++) {
            byte[] body = valid.clone();
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(body.length);
                switch (random.nextInt(3)) {
                    case 0 -> body[at] = (byte) "{}[]\",:0-9e.aZ\u00e9 ".charAt(random.nextInt(16));
                    case 1 -> body = java.util.Arrays.copyOf(java.util.Arrays.copyOfRange(body, 0, at), at);
                    default -> {
                        byte[] longer = new byte[body.length + 8];
                        System.arraycopy(body, 0, longer, 0, at);
                        System.arraycopy(body, at, longer, at + 8, body.length - at);
                        System.arraycopy(body, at, longer, at, Math.min(8, body.length - at));
                        body = longer;
                    }
                }
                if (body.length == 0) {
                    break;
                }
            }
            HttpResponse<byte[]> r = post("/campaigns", auditor, "fuzz-" + run, body);
            seen.add(r.statusCode());
            assertTrue(r.statusCode() < 500, "run " + run + ": " + r.statusCode() + " " + text(r));
        }
        assertTrue(seen.contains(400), "the mutations produced refusals: " + seen);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void theOwnersUpdateAssignsAndAddsVenuesButNeverUndoesANewerVisit(String backend) throws Exception {
        start(backend);
        String auditor = token("carol", Role.AUDITOR);
        String alice = token("alice", Role.REPORTER);
        CampaignId id = CampaignId.random();
        SharedCampaign first = CampaignFixtures.shared(id, "Monte-Carlo", List.of("alice"), 2);
        assertEquals(201, post("/campaigns", auditor, "c1", CODEC.writeCampaign(first)).statusCode());
        PlaceId v0 = CampaignFixtures.venuePlace(0).id();
        post("/campaigns/" + id + "/changes", alice, "a1", edits(new CampaignEdit.SetStatus(v0, VenueStatus.VISITED, NOW.minusSeconds(60))));

        // The owner's device still has v0 closed an hour earlier, assigns it to bob, and found a third venue.
        List<SharedVenue> venues = List.of(
                new SharedVenue(CampaignFixtures.venuePlace(0), VenueStatus.CLOSED, "bob", 2, NOW.minusSeconds(3600), "carol", false),
                first.venues().get(1),
                new SharedVenue(CampaignFixtures.venuePlace(2), VenueStatus.TO_VISIT, null, null, null, null, false));
        SharedCampaign update = new SharedCampaign(new org.seuil.audit.Campaign(id, "Monte-Carlo nord", CampaignFixtures.district(),
                first.campaign().checklist(), org.seuil.audit.RuleSetName.ERP, first.campaign().created(), 3, List.of("alice")), null, 0, venues);
        HttpResponse<byte[]> r = post("/campaigns", auditor, "c2", CODEC.writeCampaign(update));
        assertEquals(200, r.statusCode(), text(r));
        assertEquals("updated", json(r).path("outcome").asText());

        SharedCampaign after = fetch(id, alice);
        assertEquals("Monte-Carlo nord", after.campaign().name());
        assertEquals(org.seuil.audit.RuleSetName.ERP, after.campaign().rules());
        assertEquals(3, after.campaign().revisitYears());
        assertEquals(List.of("alice", "bob"), after.campaign().volunteers(), "the assigned volunteer joins");
        assertEquals(3, after.venues().size());
        SharedVenue first0 = after.venues().get(0);
        assertEquals("bob", first0.volunteer());
        assertEquals(2, first0.zone());
        assertEquals(VenueStatus.VISITED, first0.status(), "alice's later visit stands");
        assertEquals("alice", first0.statusBy());
    }

    @ParameterizedTest
    @MethodSource("backends")
    void theSameKeyAndBodySentToAnotherCampaignIsAnotherPush(String backend) throws Exception {
        start(backend);
        String auditor = token("carol", Role.AUDITOR);
        String alice = token("alice", Role.REPORTER);
        CampaignId first = created(auditor, "Monte-Carlo", List.of("alice"), 2);
        CampaignId second = created(auditor, "Port", List.of("alice"), 2);
        // The fixtures give both campaigns the same venues, so one body fits both.
        byte[] visit = edits(new CampaignEdit.SetStatus(CampaignFixtures.venuePlace(0).id(), VenueStatus.VISITED, NOW.minusSeconds(60)));
        assertEquals(200, post("/campaigns/" + first + "/changes", alice, "visit-1", visit).statusCode());
        HttpResponse<byte[]> other = post("/campaigns/" + second + "/changes", alice, "visit-1", visit);
        assertEquals(422, other.statusCode(), "a key already used for another campaign: " + text(other));
        assertEquals(VenueStatus.TO_VISIT, fetch(second, alice).venues().get(0).status(), "nothing replayed into the other campaign");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aDeletedUsersNameLeavesTheCampaignsSoANewUserOfThatNameInheritsNothing(String backend) throws Exception {
        start(backend);
        String auditor = token("carol", Role.AUDITOR);
        String alice = token("alice", Role.REPORTER);
        CampaignId id = created(auditor, "Monte-Carlo", List.of("alice"), 2);
        PlaceId venue = CampaignFixtures.venuePlace(0).id();
        assertEquals(200, post("/campaigns/" + id + "/changes", alice, "visit-1",
                edits(new CampaignEdit.SetStatus(venue, VenueStatus.VISITED, NOW.minusSeconds(60)))).statusCode());

        String anonymous = store.deleteUser("alice", NOW).orElseThrow();
        String newAlice = token("alice", Role.REPORTER);
        assertEquals(List.of(), listedIds(newAlice), "another person named alice is no member");
        assertEquals(404, get("/campaigns/" + id, newAlice).statusCode());
        SharedCampaign kept = fetch(id, auditor);
        assertEquals(List.of(anonymous), kept.campaign().volunteers(), "the member is kept under the anonymous name");
        assertFalse(new String(CODEC.writeCampaign(kept), StandardCharsets.UTF_8).contains("\"alice\""), "the name is gone");
    }
}
