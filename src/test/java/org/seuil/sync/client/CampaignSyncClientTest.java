package org.seuil.sync.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.seuil.audit.Assignment;
import org.seuil.audit.Campaign;
import org.seuil.audit.CampaignId;
import org.seuil.audit.CampaignVenue;
import org.seuil.audit.VenueSelection;
import org.seuil.audit.VenueStatus;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.server.ServerConfig;
import org.seuil.server.store.PostgresServerStore;
import org.seuil.server.store.PostgresTestCluster;
import org.seuil.server.store.Principal;
import org.seuil.server.store.Role;
import org.seuil.server.store.ServerStore;
import org.seuil.server.store.SqliteServerStore;
import org.seuil.store.CampaignStore;
import org.seuil.audit.SharedCampaign;
import org.seuil.audit.SharedVenue;
import org.seuil.store.sqlite.SqlitePlaceStore;
import org.seuil.sync.protocol.CampaignFixtures;

/**
 * Campaign sync end to end: real local SQLite stores synced by the real client through the real
 * server on a loopback port (over SQLite and PostgreSQL): an auditor shares a campaign, two
 * volunteers get it, a visit made offline reaches the other volunteer, outsiders see nothing,
 * a reporter's campaign is refused without losing it.
 */
class CampaignSyncClientTest {
    private static final Instant T = Instant.parse("2026-01-12T10:00:00Z");

    @TempDir
    Path dir;

    private SyncHarness harness;
    private final List<SqlitePlaceStore> stores = new java.util.ArrayList<>();

    static Stream<String> backends() {
        return Stream.of("sqlite", "postgres");
    }

    private void start(String backend) {
        ServerStore store = backend.equals("sqlite") ? SqliteServerStore.open(dir.resolve("server.db"))
                : PostgresServerStore.open(PostgresTestCluster.freshSchemaUrl(), 4);
        harness = new SyncHarness(store, ServerConfig.DEFAULT.withRate(1_000_000, 1_000_000));
    }

    @AfterEach
    void stop() {
        stores.forEach(SqlitePlaceStore::close);
        if (harness != null) {
            harness.close();
        }
    }

    private SqlitePlaceStore store(String name) {
        SqlitePlaceStore store = SqlitePlaceStore.open(dir.resolve(name + ".db"));
        stores.add(store);
        return store;
    }

    private String token(String user, Role role) {
        return harness.serverStore.createToken(user, role, T);
    }

    private SyncClient client(SqlitePlaceStore store, String token, HttpTransport transport) {
        return new SyncClient(store, new SyncApi(harness.uri, token, transport), harness.uri.toString(), null,
                new Backoff(Duration.ofMillis(1), Duration.ofMillis(4), 3), d -> { }, new Random(7), Clock.systemUTC())
                .withCampaigns(store.campaignSync());
    }

    private SyncSummary sync(SqlitePlaceStore store, String token) throws Exception {
        return client(store, token, HttpTransport.jdk()).sync();
    }

    /** The auditor's device: the places of an OSM import, a campaign over them, venues shared out. */
    private CampaignId auditorCampaign(SqlitePlaceStore auditor, String name, List<String> volunteers) {
        for (int i = 0; i < 4; i++) {
            auditor.savePlace(CampaignFixtures.venuePlace(i));
        }
        auditor.savePlace(new Place(new PlaceId("osm:node/9999"), new GeoPoint(43.70, 7.40), "Far away", "shop=bakery", null));
        CampaignId id = CampaignId.random();
        CampaignStore campaigns = auditor.campaigns();
        assertEquals(4, campaigns.create(CampaignFixtures.campaign(id, name, volunteers), VenueSelection.VENUES));
        return id;
    }

    private static Map<PlaceId, CampaignVenue> venues(SqlitePlaceStore store, CampaignId id) {
        return store.campaigns().venues(id).stream().collect(Collectors.toMap(CampaignVenue::placeId, v -> v));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void volunteersGetOnlyTheirCampaignsAndAVisitMadeOfflineReachesTheOtherVolunteer(String backend) throws Exception {
        start(backend);
        String carolToken = token("carol", Role.AUDITOR);
        String aliceToken = token("alice", Role.REPORTER);
        String bobToken = token("bob", Role.REPORTER);
        String malloryToken = token("mallory", Role.REPORTER);
        SqlitePlaceStore carol = store("carol");
        SqlitePlaceStore alice = store("alice");
        SqlitePlaceStore bob = store("bob");
        SqlitePlaceStore mallory = store("mallory");

        CampaignId shared = auditorCampaign(carol, "Monte-Carlo", List.of("alice", "bob"));
        PlaceId v0 = CampaignFixtures.venuePlace(0).id();
        PlaceId v1 = CampaignFixtures.venuePlace(1).id();
        carol.campaigns().assign(shared, List.of(new Assignment(v0, "alice", 0), new Assignment(v1, "bob", 1)));
        CampaignId aliceOnly = CampaignId.random();
        carol.campaigns().create(CampaignFixtures.campaign(aliceOnly, "Port Hercule", List.of("alice")), VenueSelection.VENUES);

        SyncSummary first = sync(carol, carolToken);
        assertEquals(2, first.campaigns().campaignsPushed(), first.toString());
        assertEquals(List.of(), first.campaigns().refusals());
        assertTrue(carol.campaignSync().pendingChanges(100).isEmpty(), "the change log is pushed");

        sync(alice, aliceToken);
        sync(bob, bobToken);
        sync(mallory, malloryToken);
        assertEquals(Stream.of(shared, aliceOnly).map(CampaignId::value).sorted().toList(),
                alice.campaigns().list().stream().map(c -> c.id().value()).sorted().toList());
        assertEquals(List.of(shared), bob.campaigns().list().stream().map(Campaign::id).toList(), "bob sees only his campaign");
        assertEquals(List.of(), mallory.campaigns().list(), "an outsider gets no campaign");
        SyncApi malloryApi = new SyncApi(harness.uri, malloryToken, HttpTransport.jdk());
        assertEquals(List.of(), malloryApi.campaigns());
        assertEquals(404, assertThrows(SyncException.class, () -> malloryApi.campaign(shared)).status());

        // Bob's store never imported these places: they came with the campaign, not queued for sync.
        Map<PlaceId, CampaignVenue> bobs = venues(bob, shared);
        assertEquals(4, bobs.size());
        assertEquals("bob", bobs.get(v1).volunteer());
        assertEquals(1, bobs.get(v1).zone());
        assertEquals("alice", bobs.get(v0).volunteer());
        assertEquals(CampaignFixtures.venuePlace(2), bob.place(CampaignFixtures.venuePlace(2).id()).orElseThrow().place());
        assertEquals(0, bob.pendingChanges());
        assertTrue(bob.campaignSync().pendingChanges(10).isEmpty(), "a pull writes nothing to the change log");
        assertEquals(carol.campaigns().get(shared).orElseThrow().checklist(), bob.campaigns().get(shared).orElseThrow().checklist());

        // Alice visits v0 with no network: the sync fails, nothing is lost.
        Instant visited = Instant.now().minusSeconds(120);
        alice.campaigns().setStatus(shared, v0, VenueStatus.VISITED, "alice", visited);
        Place found = new Place(new PlaceId("osm:node/4242"), new GeoPoint(43.7405, 7.4255), "Épicerie fine", "shop=deli", null);
        alice.campaigns().addVenue(shared, found, "alice", visited.plusSeconds(30));
        HttpTransport offline = request -> {
            throw new ConnectException("network is unreachable");
        };
        SyncException down = assertThrows(SyncException.class, () -> client(alice, aliceToken, offline).sync());
        assertEquals(0, down.status());
        assertEquals(2, alice.campaignSync().pendingChanges(10).size(), "the visit waits for the next sync");

        SyncSummary back = sync(alice, aliceToken);
        assertEquals(2, back.campaigns().changesPushed(), back.toString());
        assertTrue(alice.campaignSync().pendingChanges(10).isEmpty());

        sync(bob, bobToken);
        Map<PlaceId, CampaignVenue> seen = venues(bob, shared);
        assertEquals(VenueStatus.VISITED, seen.get(v0).status());
        assertEquals("alice", seen.get(v0).statusBy());
        assertEquals(visited.toEpochMilli(), seen.get(v0).statusAt().toEpochMilli());
        assertTrue(seen.get(found.id()).foundOnGround());
        assertEquals(VenueStatus.VISITED, seen.get(found.id()).status());
        assertEquals(5, seen.size());

        sync(carol, carolToken);
        assertEquals(VenueStatus.VISITED, venues(carol, shared).get(v0).status(), "the auditor sees the visit too");
        assertEquals(2, carol.campaigns().coverage(shared, Instant.now()).byVolunteer().get("alice").audited(), "the visit and the venue alice found");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aReportersCampaignIsRefusedAndStaysOnTheirDevice(String backend) throws Exception {
        start(backend);
        String aliceToken = token("alice", Role.REPORTER);
        SqlitePlaceStore alice = store("alice");
        CampaignId id = auditorCampaign(alice, "Mine", List.of("alice"));

        SyncSummary summary = sync(alice, aliceToken);
        assertEquals(0, summary.campaigns().campaignsPushed());
        assertEquals(1, summary.campaigns().refusals().size(), summary.toString());
        assertTrue(summary.campaigns().refusals().get(0).contains("403"), summary.campaigns().refusals().get(0));
        assertTrue(alice.campaigns().get(id).isPresent(), "the campaign stays on the device");
        assertTrue(alice.campaignSync().pendingChanges(10).isEmpty(), "a refusal is not sent again and again");
        Principal admin = harness.serverStore.authenticate(token("root", Role.ADMIN)).orElseThrow();
        assertEquals(List.of(), harness.serverStore.campaigns().visibleTo(admin), "nothing reached the server");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void anAnswerLostAfterTheServerCommittedIsReplayedNotAppliedTwice(String backend) throws Exception {
        start(backend);
        String carolToken = token("carol", Role.AUDITOR);
        String aliceToken = token("alice", Role.REPORTER);
        SqlitePlaceStore carol = store("carol");
        SqlitePlaceStore alice = store("alice");
        CampaignId id = auditorCampaign(carol, "Monte-Carlo", List.of("alice"));
        sync(carol, carolToken);
        sync(alice, aliceToken);

        PlaceId v2 = CampaignFixtures.venuePlace(2).id();
        alice.campaigns().setStatus(id, v2, VenueStatus.CLOSED, "alice", Instant.now().minusSeconds(10));
        AtomicInteger campaignPushes = new AtomicInteger();
        HttpTransport real = HttpTransport.jdk();
        HttpTransport losesFirstAnswer = request -> {
            var response = real.send(request);
            if (request.uri().getPath().matches(".*/campaigns/[^/]+/changes") && campaignPushes.getAndIncrement() == 0) {
                throw new IOException("connection reset after the server answered");
            }
            return response;
        };
        Principal admin = harness.serverStore.authenticate(token("root", Role.ADMIN)).orElseThrow();
        long before = harness.serverStore.campaigns().get(admin, id).orElseThrow().version();
        SyncSummary summary = client(alice, aliceToken, losesFirstAnswer).sync();
        assertEquals(2, campaignPushes.get(), "the push was sent again after the lost answer");
        assertEquals(1, summary.campaigns().changesPushed(), "the replayed answer says applied, as the first did");
        SharedCampaign onServer = harness.serverStore.campaigns().get(admin, id).orElseThrow();
        assertEquals(before + 1, onServer.version(), "applied once: one new version, none for the replay");
        SharedVenue closed = onServer.venues().stream().filter(v -> v.place().id().equals(v2)).findFirst().orElseThrow();
        assertEquals(VenueStatus.CLOSED, closed.status());
        assertFalse(alice.campaignSync().pendingChanges(10).size() > 0);
    }
}
