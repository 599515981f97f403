package org.seuil.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seuil.sync.protocol.Fixtures.T0;
import static org.seuil.sync.protocol.Fixtures.uuid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.formats.GdalTools;
import org.seuil.server.store.PostgresServerStore;
import org.seuil.server.store.PostgresTestCluster;
import org.seuil.server.store.Role;
import org.seuil.server.store.ServerStore;
import org.seuil.server.store.SqliteServerStore;
import org.seuil.sync.client.HttpTransport;
import org.seuil.sync.client.SyncApi;
import org.seuil.sync.protocol.ReportFeature;

/**
 * The OGC API - Features layer of the real server on loopback, over a store filled through the
 * real push path, read with plain HTTP and with GDAL's own OAPIF client.
 */
class OgcFeaturesTest {
    static final int PLACES = 250;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;
    private ServerStore store;
    private SeuilServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String planner;
    private String reporter;
    private String moderator;

    @BeforeEach
    void start() throws Exception {
        serve(SqliteServerStore.open(dir.resolve("server.db")));
    }

    /** Serves {@code opened}, filled with the {@link #PLACES} places through the real push route. */
    private void serve(ServerStore opened) throws Exception {
        store = opened;
        reporter = store.createToken("alice", Role.REPORTER, T0);
        String bob = store.createToken("bob", Role.REPORTER, T0);
        planner = store.createToken("city", Role.PLANNER, T0);
        moderator = store.createToken("mod", Role.MODERATOR, T0);
        server = new SeuilServer(store, ServerConfig.DEFAULT.withRate(10_000, 10_000)).start("127.0.0.1", 0);
        seed(reporter, bob);
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    /** Place i sits on a 25 x 10 grid in Monaco, 0.002 degrees apart; every tenth place gets a later report by bob. */
    static GeoPoint location(int i) {
        return new GeoPoint(43.72 + (i / 25) * 0.002, 7.40 + (i % 25) * 0.002);
    }

    static Place place(int i) {
        return new Place(new PlaceId(uuid(i)), location(i), "Place " + i, "amenity=cafe", i + " rue Grimaldi");
    }

    private static Report report(int n, Place p, int daysLater, Accessibility grade) {
        return new Report(new ReportId(uuid(100_000 + n)), p.id(), "x", T0.plusSeconds(86_400L * daysLater), 1, grade,
                Accessibility.UNKNOWN, null, null, null, null, Map.of(), List.of(), List.of(), false);
    }

    private void seed(String first, String second) throws Exception {
        SyncApi alice = new SyncApi(URI.create("http://127.0.0.1:" + server.port()), first, HttpTransport.jdk());
        SyncApi bob = new SyncApi(URI.create("http://127.0.0.1:" + server.port()), second, HttpTransport.jdk());
        List<ReportFeature> batch = new ArrayList<>();
        List<ReportFeature> later = new ArrayList<>();
        for (int i = 0; i < PLACES; i++) {
            Place p = place(i);
            batch.add(new ReportFeature(p, report(i, p, 0, Accessibility.YES)));
            if (i % 10 == 0) {
                later.add(new ReportFeature(p, report(PLACES + i, p, 30, Accessibility.NO)));
            }
            if (batch.size() == 100) {
                alice.push(batch);
                batch = new ArrayList<>();
            }
        }
        alice.push(batch);
        bob.push(later);
    }

    private String base() {
        return "http://127.0.0.1:" + server.port() + OgcFeaturesRoutes.BASE;
    }

    private HttpResponse<String> get(String token, String url) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/geo+json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode json(String token, String url) throws Exception {
        HttpResponse<String> r = get(token, url);
        assertEquals(200, r.statusCode(), url + " answered " + r.body());
        return MAPPER.readTree(r.body());
    }

    private static String link(JsonNode doc, String rel) {
        for (JsonNode l : doc.get("links")) {
            if (l.get("rel").asText().equals(rel)) {
                return l.get("href").asText();
            }
        }
        return null;
    }

    @Test
    void theLandingPageLinksToConformanceAndDataWhichDeclareCoreAndGeoJson() throws Exception {
        JsonNode landing = json(planner, base());
        assertEquals(base(), link(landing, "self"));
        JsonNode conformance = json(planner, link(landing, "conformance"));
        Set<String> classes = new HashSet<>();
        conformance.get("conformsTo").forEach(c -> classes.add(c.asText()));
        assertTrue(classes.contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core"), classes::toString);
        assertTrue(classes.contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson"), classes::toString);
        HttpResponse<String> api = get(planner, link(landing, "service-desc"));
        assertEquals(200, api.statusCode());
        assertTrue(api.headers().firstValue("Content-Type").orElse("").startsWith("application/vnd.oai.openapi+json"));
        JsonNode limit = MAPPER.readTree(api.body()).at("/paths/~1collections~1places~1items/get/parameters/0");
        assertEquals("limit", limit.get("name").asText());
        assertEquals(OgcFeaturesRoutes.MAX_LIMIT, limit.at("/schema/maximum").asInt());
        JsonNode collections = json(planner, link(landing, "data"));
        assertEquals(1, collections.get("collections").size());
        assertEquals("places", collections.get("collections").get(0).get("id").asText());
    }

    @Test
    void thePlacesCollectionHasTheExtentOfTheDataInCrs84() throws Exception {
        JsonNode c = json(planner, base() + "/collections/places?f=json");
        JsonNode bbox = c.get("extent").get("spatial").get("bbox").get(0);
        assertEquals(7.40, bbox.get(0).asDouble(), 1e-9);
        assertEquals(43.72, bbox.get(1).asDouble(), 1e-9);
        assertEquals(7.40 + 24 * 0.002, bbox.get(2).asDouble(), 1e-9);
        assertEquals(43.72 + 9 * 0.002, bbox.get(3).asDouble(), 1e-9);
        assertEquals(OgcFeaturesRoutes.CRS84, c.get("extent").get("spatial").get("crs").asText());
        assertEquals(base() + "/collections/places/items", link(c, "items"));
    }

    @Test
    void followingNextLinksToTheEndReturnsEveryPlaceExactlyOnce() throws Exception {
        Set<String> seen = new HashSet<>();
        int pages = 0;
        String url = base() + "/collections/places/items?limit=40";
        while (url != null) {
            HttpResponse<String> r = get(planner, url);
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("application/geo+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            JsonNode page = MAPPER.readTree(r.body());
            assertEquals("FeatureCollection", page.get("type").asText());
            assertEquals(PLACES, page.get("numberMatched").asLong());
            assertEquals(page.get("features").size(), page.get("numberReturned").asInt());
            for (JsonNode f : page.get("features")) {
                assertTrue(seen.add(f.get("id").asText()), "place " + f.get("id") + " came twice");
            }
            pages++;
            url = link(page, "next");
        }
        assertEquals(PLACES, seen.size());
        assertEquals(7, pages, "250 places by 40: six full pages and one of 10, and no empty page after");
    }

    @Test
    void withoutALimitAPageHoldsOneHundredPlaces() throws Exception {
        JsonNode page = json(planner, base() + "/collections/places/items");
        assertEquals(OgcFeaturesRoutes.DEFAULT_LIMIT, page.get("numberReturned").asInt());
        assertNotNull(link(page, "next"));
    }

    @Test
    void aBboxReturnsOnlyThePlacesInsideIt() throws Exception {
        BoundingBox box = new BoundingBox(7.4049, 43.7219, 7.4111, 43.7261);
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < PLACES; i++) {
            if (box.contains(location(i))) {
                expected.add(uuid(i));
            }
        }
        assertEquals(3 * 3, expected.size(), "columns 3-5 and rows 1-3 of the grid");
        JsonNode page = json(planner, base() + "/collections/places/items?bbox=" + box + "&limit=5");
        assertEquals(expected.size(), page.get("numberMatched").asInt());
        Set<String> got = new HashSet<>();
        String url = base() + "/collections/places/items?bbox=" + box + "&limit=5";
        while (url != null) {
            JsonNode p = json(planner, url);
            p.get("features").forEach(f -> got.add(f.get("id").asText()));
            url = link(p, "next");
        }
        assertEquals(expected, got);
    }

    @Test
    void anItemCarriesTheAccessibilityOfItsLatestReports() throws Exception {
        JsonNode twice = json(planner, base() + "/collections/places/items/" + uuid(20));
        assertEquals("Feature", twice.get("type").asText());
        assertEquals(uuid(20), twice.get("id").asText());
        JsonNode props = twice.get("properties");
        assertEquals("no", props.get("wheelchair").asText(), "bob's later report wins");
        assertEquals(2, props.get("report_count").asInt());
        assertEquals(T0.plusSeconds(86_400L * 30).toString(), props.get("last_surveyed").asText());
        assertEquals("Place 20", props.get("name").asText());
        assertEquals("20 rue Grimaldi", props.get("address").asText());
        assertEquals("amenity=cafe", props.get("category").asText());
        assertTrue(props.has("toilets_wheelchair"));
        assertEquals(7.40 + 20 * 0.002, twice.get("geometry").get("coordinates").get(0).asDouble(), 1e-9);

        JsonNode once = json(planner, base() + "/collections/places/items/" + uuid(21)).get("properties");
        assertEquals("yes", once.get("wheelchair").asText());
        assertEquals(1, once.get("report_count").asInt());

        assertEquals(404, get(planner, base() + "/collections/places/items/" + uuid(999)).statusCode());
        assertEquals(404, get(planner, base() + "/collections/places/items/not-an-id").statusCode());
    }

    @Test
    void theLayerIsForPlannersModeratorsAndAdminsOnly() throws Exception {
        String items = base() + "/collections/places/items";
        HttpResponse<String> none = get(null, items);
        assertEquals(401, none.statusCode());
        assertEquals("application/problem+json", none.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals(401, get("seuil_forged", base()).statusCode());
        HttpResponse<String> asReporter = get(reporter, items);
        assertEquals(403, asReporter.statusCode());
        assertTrue(asReporter.body().contains("planner"), asReporter.body());
        assertEquals(403, get(reporter, base() + "/conformance").statusCode());
        assertEquals(200, get(moderator, items).statusCode());
    }

    @Test
    void aBadBboxLimitOrFormatIsRefusedWithAProblemNamingTheParameter() throws Exception {
        String items = base() + "/collections/places/items";
        for (String query : List.of("bbox=1,2,3", "bbox=7.5,43,7.4,44", "bbox=a,b,c,d", "bbox=0,0,200,10",
                "limit=0", "limit=10001", "limit=ten", "after=nope", "f=html")) {
            HttpResponse<String> r = get(planner, items + "?" + query);
            assertEquals(400, r.statusCode(), query + " answered " + r.body());
            assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse("").split(";")[0]);
            JsonNode problem = MAPPER.readTree(r.body());
            String parameter = query.substring(0, query.indexOf('='));
            assertEquals(parameter, problem.get("errors").get(0).get("field").asText(), r.body());
        }
        assertEquals(200, get(planner, items + "?limit=10000").statusCode());
    }

    @Test
    void gdalsOapifClientListsAsManyPlacesAsTheStoreHolds() {
        GdalTools.assumeInstalled("ogrinfo");
        String auth = "Authorization: Bearer " + planner;
        String summary = GdalTools.run("ogrinfo", "--config", "GDAL_HTTP_HEADERS", auth, "-ro", "-so",
                "OAPIF:" + base(), "places");
        assertEquals(store.countPlaces(BoundingBox.WORLD), featureCount(summary), summary);
        assertEquals(PLACES, featureCount(summary), summary);
        assertTrue(summary.contains("report_count"), summary);
        assertTrue(summary.contains("wheelchair"), summary);

        String all = GdalTools.run("ogrinfo", "--config", "GDAL_HTTP_HEADERS", auth, "-ro", "-al", "-q",
                "-oo", "PAGE_SIZE=100", "OAPIF:" + base());
        Matcher features = Pattern.compile("(?m)^OGRFeature\\(places\\)").matcher(all);
        int listed = 0;
        while (features.find()) {
            listed++;
        }
        assertEquals(PLACES, listed);
        assertTrue(all.contains("report_count (Integer) = 2"), "the doubly reported places read back as integers");

        String spatial = GdalTools.run("ogrinfo", "--config", "GDAL_HTTP_HEADERS", auth, "-ro", "-so",
                "-spat", "7.4049", "43.7219", "7.4111", "43.7261", "OAPIF:" + base(), "places");
        assertEquals(9, featureCount(spatial), spatial);
    }

    @Test
    void gdalListsEveryPlaceOfAPostgresStoreToo() throws Exception {
        GdalTools.assumeInstalled("ogrinfo");
        String url = PostgresTestCluster.freshSchemaUrl();
        stop();
        serve(PostgresServerStore.open(url, 4));
        String summary = GdalTools.run("ogrinfo", "--config", "GDAL_HTTP_HEADERS", "Authorization: Bearer " + planner, "-ro", "-so",
                "OAPIF:" + base(), "places");
        assertEquals(PLACES, store.countPlaces(BoundingBox.WORLD));
        assertEquals(PLACES, featureCount(summary), summary);
        Set<String> seen = new HashSet<>();
        String next = base() + "/collections/places/items?limit=64";
        while (next != null) {
            JsonNode page = json(planner, next);
            page.get("features").forEach(f -> assertTrue(seen.add(f.get("id").asText())));
            next = link(page, "next");
        }
        assertEquals(PLACES, seen.size());
    }

    @Test
    void gdalWithoutATokenIsRefused() {
        GdalTools.assumeInstalled("ogrinfo");
        Process p;
        try {
            p = new ProcessBuilder("ogrinfo", "-ro", "-so", "OAPIF:" + base(), "places").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            assertFalse(p.exitValue() == 0 && out.contains("Feature Count: " + PLACES), out);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static long featureCount(String ogrinfo) {
        Matcher m = Pattern.compile("Feature Count: (\\d+)").matcher(ogrinfo);
        assertTrue(m.find(), "no feature count in:\n" + ogrinfo);
        return Long.parseLong(m.group(1));
    }
}
