package org.seuil.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seuil.sync.protocol.Fixtures.T0;
import static org.seuil.sync.protocol.Fixtures.feature;
import static org.seuil.sync.protocol.Fixtures.uuid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.Report;
import org.seuil.server.store.PostgresServerStore;
import org.seuil.server.store.PostgresTestCluster;
import org.seuil.server.store.Role;
import org.seuil.server.store.ServerStore;
import org.seuil.server.store.SqliteServerStore;
import org.seuil.sync.client.HttpTransport;
import org.seuil.sync.client.SyncApi;
import org.seuil.sync.protocol.ChangePage;

/** Hiding and un-hiding a report through the real server, as moderators and as others, on both stores. */
class ModerationHttpTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    static Stream<String> backends() {
        return Stream.of("sqlite", "postgres");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void aHiddenReportComesBackWholeAfterAnUnhideAndBothAreInTheModerationLog(String backend) throws Exception {
        try (ServerStore store = backend.equals("sqlite") ? SqliteServerStore.open(dir.resolve("server.db"))
                : PostgresServerStore.open(PostgresTestCluster.freshSchemaUrl(), 4);
             SeuilServer server = new SeuilServer(store, ServerConfig.DEFAULT).start("127.0.0.1", 0)) {
            String alice = store.createToken("alice", Role.REPORTER, T0);
            String moderator = store.createToken("margot", Role.MODERATOR, T0);
            URI base = URI.create("http://127.0.0.1:" + server.port());
            SyncApi device = new SyncApi(base, alice, HttpTransport.jdk());
            device.push("b1", List.of(feature(uuid(1), uuid(101), "alice", 1, Accessibility.LIMITED, 1)));
            Report original = device.changes(0, BoundingBox.WORLD, 10).features().get(0).report();
            long cursor = device.changes(0, BoundingBox.WORLD, 10).nextCursor();
            String report = "/api/v1/reports/" + uuid(101);

            assertEquals(409, post(base, moderator, report + "/unhide?reason=" + enc("nothing to undo")).statusCode(), "a visible report");
            assertEquals(403, post(base, alice, report + "/unhide?reason=x").statusCode(), "a reporter may not un-hide");
            assertEquals(403, post(base, alice, report + "/hide?reason=x").statusCode(), "nor hide");
            assertEquals(404, post(base, moderator, "/api/v1/reports/" + uuid(999) + "/unhide?reason=x").statusCode());
            assertEquals(400, post(base, moderator, report + "/unhide").statusCode(), "a reason is required");

            assertEquals(200, post(base, moderator, report + "/hide?reason=" + enc("insults in the text")).statusCode());
            ChangePage hidden = device.changes(cursor, BoundingBox.WORLD, 10);
            assertEquals(1, hidden.features().size());
            assertTrue(hidden.features().get(0).report().deleted(), "devices drop the hidden report");
            assertEquals(0, placeReports(base, alice));

            HttpResponse<String> unhidden = post(base, moderator, report + "/unhide?reason=" + enc("appeal: the text was quoted"));
            assertEquals(200, unhidden.statusCode(), unhidden.body());
            assertEquals(uuid(101), JSON.readTree(unhidden.body()).get("unhidden").asText());
            ChangePage back = device.changes(hidden.nextCursor(), BoundingBox.WORLD, 10);
            assertEquals(1, back.features().size(), "the un-hide is a change of its own");
            assertEquals(original, back.features().get(0).report(), "devices get the whole report back");
            assertEquals(1, placeReports(base, alice));
            assertEquals(409, post(base, moderator, report + "/unhide?reason=" + enc("twice")).statusCode());

            HttpResponse<String> log = get(base, moderator, report + "/moderation");
            assertEquals(200, log.statusCode(), log.body());
            JsonNode entries = JSON.readTree(log.body()).get("moderation");
            assertEquals(2, entries.size());
            assertEquals("hide", entries.get(0).get("action").asText());
            assertEquals("insults in the text", entries.get(0).get("reason").asText());
            assertEquals("unhide", entries.get(1).get("action").asText());
            assertEquals("margot", entries.get(1).get("moderator").asText());
            assertEquals("appeal: the text was quoted", entries.get(1).get("reason").asText());
            assertTrue(entries.get(1).get("sequence").asLong() > entries.get(0).get("sequence").asLong());
            assertFalse(entries.get(1).get("at").asText().isEmpty());
            assertEquals(403, get(base, alice, report + "/moderation").statusCode(), "the log names moderators: moderators only");
        }
    }

    private int placeReports(URI base, String token) throws Exception {
        JsonNode places = JSON.readTree(get(base, token, "/api/v1/places").body()).get("features");
        return places.get(0).get("properties").get("reports").asInt();
    }

    private HttpResponse<String> post(URI base, String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(URI base, String token, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
