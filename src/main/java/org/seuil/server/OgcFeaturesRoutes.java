package org.seuil.server;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.InvalidValueException;
import org.seuil.domain.PlaceAccessibility;
import org.seuil.domain.PlaceId;
import org.seuil.domain.PlaceRecord;
import org.seuil.formats.json.Json;
import org.seuil.server.store.Principal;
import org.seuil.server.store.ServerStore;
import org.seuil.sync.protocol.Problem;
import org.seuil.sync.protocol.ProtocolException;

/**
 * OGC API - Features, Part 1 Core, read-only, over the server's places: what QGIS, ArcGIS and GDAL
 * open as a live layer. One collection, {@code places}, one point per place with the accessibility
 * derived from its latest visible reports, in CRS84. Paging is by place id (keyset), so a page
 * stays correct while reporters add places between two requests.
 */
final class OgcFeaturesRoutes {
    static final String BASE = "/ogc";
    static final String COLLECTION = "places";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson");
    private static final String JSON = "application/json";
    private static final String GEOJSON = "application/geo+json";
    private static final String OPENAPI = "application/vnd.oai.openapi+json;version=3.0";

    private final ServerStore store;
    private final Function<Context, Principal> authenticate;
    private final Clock clock;

    OgcFeaturesRoutes(ServerStore store, Function<Context, Principal> authenticate, Clock clock) {
        this.store = store;
        this.authenticate = authenticate;
        this.clock = clock;
    }

    void mount(Javalin app) {
        app.get(BASE, this::landingPage);
        app.get(BASE + "/api", this::apiDefinition);
        app.get(BASE + "/conformance", this::conformance);
        app.get(BASE + "/collections", this::collections);
        app.get(BASE + "/collections/" + COLLECTION, this::collection);
        app.get(BASE + "/collections/" + COLLECTION + "/items", this::items);
        // <id> also matches the slash of osm:node/123.
        app.get(BASE + "/collections/" + COLLECTION + "/items/<id>", this::item);
    }

    // ---------------------------------------------------------------- routes

    private void landingPage(Context ctx) throws IOException {
        String base = checkRequest(ctx);
        write(ctx, JSON, out -> {
            out.writeStringField("title", "Seuil accessibility reports");
            out.writeStringField("description", "Places and their wheelchair accessibility, derived from the latest crowdsourced reports");
            out.writeArrayFieldStart("links");
            link(out, base, "self", JSON, "This document");
            link(out, base + "/api", "service-desc", OPENAPI, "The API definition (OpenAPI 3.0)");
            link(out, base + "/conformance", "conformance", JSON, "Conformance classes");
            link(out, base + "/collections", "data", JSON, "Collections");
            out.writeEndArray();
        });
    }

    /**
     * A small OpenAPI 3.0 definition of these routes. Clients read the {@code limit} bounds from
     * it: GDAL pages with the advertised maximum instead of ten features a request.
     */
    private void apiDefinition(Context ctx) throws IOException {
        String base = checkRequest(ctx);
        write(ctx, OPENAPI, out -> {
            out.writeStringField("openapi", "3.0.3");
            out.writeObjectFieldStart("info");
            out.writeStringField("title", "Seuil OGC API - Features");
            out.writeStringField("version", "1.0");
            out.writeEndObject();
            out.writeArrayFieldStart("servers");
            out.writeStartObject();
            out.writeStringField("url", base);
            out.writeEndObject();
            out.writeEndArray();
            out.writeObjectFieldStart("components");
            out.writeObjectFieldStart("securitySchemes");
            out.writeObjectFieldStart("bearer");
            out.writeStringField("type", "http");
            out.writeStringField("scheme", "bearer");
            out.writeEndObject();
            out.writeEndObject();
            out.writeEndObject();
            out.writeArrayFieldStart("security");
            out.writeStartObject();
            out.writeArrayFieldStart("bearer");
            out.writeEndArray();
            out.writeEndObject();
            out.writeEndArray();
            out.writeObjectFieldStart("paths");
            path(out, "/", "The landing page", JSON, List.of());
            path(out, "/conformance", "The conformance classes", JSON, List.of());
            path(out, "/collections", "The collections", JSON, List.of());
            path(out, "/collections/" + COLLECTION, "The places collection", JSON, List.of());
            path(out, "/collections/" + COLLECTION + "/items", "Places, a page at a time", GEOJSON, List.of("limit", "bbox", "after"));
            path(out, "/collections/" + COLLECTION + "/items/{featureId}", "One place", GEOJSON, List.of("featureId"));
            out.writeEndObject();
        });
    }

    private static void path(JsonGenerator out, String path, String summary, String type, List<String> parameters) throws IOException {
        out.writeObjectFieldStart(path);
        out.writeObjectFieldStart("get");
        out.writeStringField("summary", summary);
        out.writeArrayFieldStart("parameters");
        for (String p : parameters) {
            out.writeStartObject();
            out.writeStringField("name", p);
            out.writeStringField("in", p.equals("featureId") ? "path" : "query");
            out.writeBooleanField("required", p.equals("featureId"));
            out.writeObjectFieldStart("schema");
            switch (p) {
                case "limit" -> {
                    out.writeStringField("type", "integer");
                    out.writeNumberField("minimum", 1);
                    out.writeNumberField("maximum", MAX_LIMIT);
                    out.writeNumberField("default", DEFAULT_LIMIT);
                }
                case "bbox" -> {
                    out.writeStringField("type", "array");
                    out.writeNumberField("minItems", 4);
                    out.writeNumberField("maxItems", 6);
                    out.writeObjectFieldStart("items");
                    out.writeStringField("type", "number");
                    out.writeEndObject();
                }
                default -> out.writeStringField("type", "string");
            }
            out.writeEndObject();
            if (p.equals("bbox")) {
                out.writeStringField("style", "form");
                out.writeBooleanField("explode", false);
            }
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeObjectFieldStart("responses");
        out.writeObjectFieldStart("200");
        out.writeStringField("description", summary);
        out.writeObjectFieldStart("content");
        out.writeObjectFieldStart(type);
        out.writeEndObject();
        out.writeEndObject();
        out.writeEndObject();
        for (String status : List.of("400", "401", "403", "404")) {
            out.writeObjectFieldStart(status);
            out.writeStringField("description", "A problem (RFC 9457)");
            out.writeEndObject();
        }
        out.writeEndObject();
        out.writeEndObject();
        out.writeEndObject();
    }

    private void conformance(Context ctx) throws IOException {
        checkRequest(ctx);
        write(ctx, JSON, out -> {
            out.writeArrayFieldStart("conformsTo");
            for (String c : CONFORMANCE) {
                out.writeString(c);
            }
            out.writeEndArray();
        });
    }

    private void collections(Context ctx) throws IOException {
        String base = checkRequest(ctx);
        Optional<BoundingBox> extent = store.extent();
        write(ctx, JSON, out -> {
            out.writeArrayFieldStart("links");
            link(out, base + "/collections", "self", JSON, "Collections");
            out.writeEndArray();
            out.writeArrayFieldStart("collections");
            out.writeStartObject();
            collectionBody(out, base, extent);
            out.writeEndObject();
            out.writeEndArray();
        });
    }

    private void collection(Context ctx) throws IOException {
        String base = checkRequest(ctx);
        Optional<BoundingBox> extent = store.extent();
        write(ctx, JSON, out -> collectionBody(out, base, extent));
    }

    private void items(Context ctx) throws IOException {
        String base = checkRequest(ctx);
        int limit = limit(ctx);
        BoundingBox bbox = bbox(ctx);
        PlaceId after = after(ctx);
        List<PlaceRecord> fetched = store.places(bbox, after, limit + 1);
        boolean more = fetched.size() > limit;
        List<PlaceRecord> page = more ? fetched.subList(0, limit) : fetched;
        long matched = store.countPlaces(bbox);
        String items = base + "/collections/" + COLLECTION + "/items";
        String query = "?limit=" + limit + (ctx.queryParam("bbox") == null ? "" : "&bbox=" + bbox);
        write(ctx, GEOJSON, out -> {
            out.writeStringField("type", "FeatureCollection");
            out.writeStringField("timeStamp", Instant.now(clock).toString());
            out.writeNumberField("numberMatched", matched);
            out.writeNumberField("numberReturned", page.size());
            out.writeArrayFieldStart("features");
            for (PlaceRecord r : page) {
                out.writeStartObject();
                feature(out, r);
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeArrayFieldStart("links");
            link(out, items + query + (after == null ? "" : "&after=" + encode(after.value())), "self", GEOJSON, "This page");
            if (more) {
                link(out, items + query + "&after=" + encode(page.get(page.size() - 1).place().id().value()), "next", GEOJSON, "Next page");
            }
            link(out, base + "/collections/" + COLLECTION, "collection", JSON, "The collection");
            out.writeEndArray();
        });
    }

    private void item(Context ctx) throws IOException {
        String base = checkRequest(ctx);
        String text = ctx.pathParam("id");
        Optional<PlaceRecord> found;
        try {
            found = store.place(new PlaceId(text));
        } catch (InvalidValueException e) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            throw new ProtocolException(Problem.of(404, "not-found", "No such place", text));
        }
        PlaceRecord r = found.get();
        write(ctx, GEOJSON, out -> {
            feature(out, r);
            out.writeArrayFieldStart("links");
            link(out, base + "/collections/" + COLLECTION + "/items/" + r.place().id().value(), "self", GEOJSON, "This place");
            link(out, base + "/collections/" + COLLECTION, "collection", JSON, "The collection");
            out.writeEndArray();
        });
    }

    // ---------------------------------------------------------------- bodies

    private static void collectionBody(JsonGenerator out, String base, Optional<BoundingBox> extent) throws IOException {
        out.writeStringField("id", COLLECTION);
        out.writeStringField("title", "Places");
        out.writeStringField("description", "One point per place: name, category, address, wheelchair and toilets grades "
                + "(yes, limited, no, unknown) from the latest reports, when last surveyed, how many visible reports");
        out.writeStringField("itemType", "feature");
        out.writeArrayFieldStart("crs");
        out.writeString(CRS84);
        out.writeEndArray();
        if (extent.isPresent()) {
            BoundingBox b = extent.get();
            out.writeObjectFieldStart("extent");
            out.writeObjectFieldStart("spatial");
            out.writeArrayFieldStart("bbox");
            out.writeArray(new double[] {b.minLon(), b.minLat(), b.maxLon(), b.maxLat()}, 0, 4);
            out.writeEndArray();
            out.writeStringField("crs", CRS84);
            out.writeEndObject();
            out.writeEndObject();
        }
        out.writeArrayFieldStart("links");
        String self = base + "/collections/" + COLLECTION;
        link(out, self, "self", JSON, "This collection");
        link(out, self + "/items", "items", GEOJSON, "The places");
        out.writeEndArray();
    }

    /** The fields of one GeoJSON Feature; every property is written, null when unknown, so readers see one schema. */
    private static void feature(JsonGenerator out, PlaceRecord r) throws IOException {
        PlaceAccessibility a = r.accessibility();
        out.writeStringField("type", "Feature");
        out.writeStringField("id", r.place().id().value());
        out.writeObjectFieldStart("geometry");
        out.writeStringField("type", "Point");
        out.writeArrayFieldStart("coordinates");
        out.writeNumber(r.place().location().lon());
        out.writeNumber(r.place().location().lat());
        out.writeEndArray();
        out.writeEndObject();
        out.writeObjectFieldStart("properties");
        out.writeStringField("name", r.place().name());
        out.writeStringField("category", r.place().category());
        out.writeStringField("address", r.place().address());
        out.writeStringField("wheelchair", a.wheelchair().osm());
        out.writeStringField("toilets_wheelchair", a.toiletsWheelchair().osm());
        Instant last = a.lastSurveyed();
        out.writeStringField("last_surveyed", last == null ? null : last.toString());
        out.writeNumberField("report_count", r.reports().size());
        out.writeEndObject();
    }

    private static void link(JsonGenerator out, String href, String rel, String type, String title) throws IOException {
        out.writeStartObject();
        out.writeStringField("href", href);
        out.writeStringField("rel", rel);
        out.writeStringField("type", type);
        out.writeStringField("title", title);
        out.writeEndObject();
    }

    // ---------------------------------------------------------------- requests

    /**
     * Authenticates (planner, moderator or admin), checks the asked format and returns the
     * absolute base URL for links, as the client reached us.
     */
    private String checkRequest(Context ctx) {
        Principal who = authenticate.apply(ctx);
        if (!who.role().mayAnalyse()) {
            throw refused(403, "forbidden", "The OGC API is for planners", "role " + who.role().wire()
                    + " may not read the live layer; planner, moderator or admin may");
        }
        String f = ctx.queryParam("f");
        if (f != null && !List.of("json", "geojson").contains(f)) {
            throw invalid("f", "f must be json or geojson, got '" + f + "'");
        }
        String accept = ctx.header("Accept");
        if (f == null && accept != null && !accept.isBlank() && !accept.contains("json") && !accept.contains("*/*")) {
            throw refused(406, "not-acceptable", "Only JSON is served", "Accept: " + accept + "; ask for application/geo+json or application/json");
        }
        return ctx.scheme() + "://" + ctx.host() + BASE;
    }

    private static int limit(Context ctx) {
        String text = ctx.queryParam("limit");
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw invalid("limit", "limit must be a whole number between 1 and " + MAX_LIMIT + ", got '" + text + "'");
        }
        if (value < 1 || value > MAX_LIMIT) {
            throw invalid("limit", "limit must be between 1 and " + MAX_LIMIT + ", got " + value);
        }
        return value;
    }

    /** {@code minLon,minLat,maxLon,maxLat} in CRS84; a 3D box's heights are ignored (places have none). */
    private static BoundingBox bbox(Context ctx) {
        String text = ctx.queryParam("bbox");
        if (text == null || text.isBlank()) {
            return BoundingBox.WORLD;
        }
        String[] parts = text.split(",", -1);
        if (parts.length == 6) {
            text = parts[0] + "," + parts[1] + "," + parts[3] + "," + parts[4];
        }
        try {
            return BoundingBox.parse(text);
        } catch (InvalidValueException e) {
            throw invalid("bbox", "bbox must be minLon,minLat,maxLon,maxLat in degrees: " + e.getMessage());
        }
    }

    private static PlaceId after(Context ctx) {
        String text = ctx.queryParam("after");
        if (text == null) {
            return null;
        }
        try {
            return new PlaceId(text);
        } catch (InvalidValueException e) {
            throw invalid("after", "after must be a place id taken from a next link: " + e.getMessage());
        }
    }

    private static ProtocolException invalid(String parameter, String detail) {
        return new ProtocolException(new Problem(Problem.TYPE_BASE + "invalid-parameter", "A query parameter is not valid", 400,
                detail, List.of(new Problem.FieldError(-1, parameter, detail))));
    }

    private static ProtocolException refused(int status, String slug, String title, String detail) {
        return new ProtocolException(Problem.of(status, slug, title, detail));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private interface Body {
        void write(JsonGenerator out) throws IOException;
    }

    private static void write(Context ctx, String type, Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = Json.FACTORY.createGenerator(bytes)) {
            out.writeStartObject();
            body.write(out);
            out.writeEndObject();
        }
        ctx.status(200).contentType(type).result(bytes.toByteArray());
    }
}
