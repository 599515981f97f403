package org.seuil.server;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.InvalidValueException;
import org.seuil.domain.PlaceAccessibility;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.ReportId;
import org.seuil.formats.json.Json;
import org.seuil.server.store.ApplyResult;
import org.seuil.server.store.BatchRefusedException;
import org.seuil.server.store.ModerationEntry;
import org.seuil.server.store.Principal;
import org.seuil.server.store.ServerStore;
import org.seuil.server.store.ServerStoreException;
import org.seuil.server.store.StoredChanges;
import org.seuil.server.store.StoredPhoto;
import org.seuil.sync.protocol.Problem;
import org.seuil.sync.protocol.Protocol;
import org.seuil.sync.protocol.ProtocolException;
import org.seuil.sync.protocol.ReportFeature;
import org.seuil.sync.protocol.WireCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared Seuil server: the routes of docs/sync-protocol.md over a {@link ServerStore}. It
 * keeps no state of its own but rate-limit buckets, so several instances can share one database.
 */
public final class SeuilServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SeuilServer.class);
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int DEFAULT_PAGE = 500;
    private static final int MAX_PLACES = 1000;

    private final ServerStore store;
    private final ServerConfig config;
    private final WireCodec codec;
    private final RateLimiter rateLimiter;
    private final Javalin app;
    private final MapPacks mapPacks;

    public SeuilServer(ServerStore store, ServerConfig config) {
        this.store = store;
        this.config = config;
        this.codec = new WireCodec(config.limits());
        this.mapPacks = new MapPacks(config.maps());
        this.rateLimiter = new RateLimiter(config.requestsPerSecond(), config.burst(), System::nanoTime);
        this.app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.http.defaultContentType = Protocol.JSON;
        });
        routes();
    }

    /** Starts listening; port 0 picks a free one. */
    public SeuilServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private void routes() {
        String base = Protocol.BASE;
        app.get(base + "/health", this::health);
        app.get(base + "/version", ctx -> json(ctx, 200, out -> {
            out.writeNumberField("protocol", Protocol.VERSION);
            String v = SeuilServer.class.getPackage().getImplementationVersion();
            out.writeStringField("server", "seuil " + (v == null ? "development build" : v));
        }));
        app.post(base + "/batches", this::pushBatch);
        app.get(base + "/changes", this::changes);
        app.get(base + "/places", this::places);
        app.put(base + "/photos/{sha256}", this::putPhoto);
        app.get(base + "/photos/{sha256}", this::getPhoto);
        app.post(base + "/reports/{id}/hide", this::hide);
        app.post(base + "/reports/{id}/unhide", this::unhide);
        app.get(base + "/reports/{id}/moderation", this::moderationLog);
        app.get(base + "/maps", this::listMaps);
        app.get(base + "/maps/{name}", this::getMap);
        new OgcFeaturesRoutes(store, this::authenticate, config.clock()).mount(app);
        new CampaignRoutes(store.campaigns(), this::authenticate, config.clock(), config.limits()).mount(app);

        app.exception(ProtocolException.class, (e, ctx) -> problem(ctx, e.problem()));
        app.exception(BatchRefusedException.class, (e, ctx) -> problem(ctx, e.problem()));
        app.exception(InvalidValueException.class, (e, ctx) -> problem(ctx, new Problem(Problem.TYPE_BASE + "invalid-value",
                "A value is not valid", 400, e.getMessage(), List.of(new Problem.FieldError(-1, e.field(), e.getMessage())))));
        app.exception(ServerStoreException.class, (e, ctx) -> {
            LOG.error("database failure on {} {}", ctx.method(), ctx.path(), e);
            ctx.header("Retry-After", "2");
            problem(ctx, Problem.of(503, "unavailable", "The server database is unavailable", "try again later"));
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            problem(ctx, Problem.of(500, "internal", "Internal server error", "the failure is logged on the server"));
        });
        app.error(404, ctx -> {
            String type = ctx.res().getContentType();
            if (type == null || !type.startsWith(Protocol.PROBLEM_JSON)) {
                problem(ctx, Problem.of(404, "not-found", "No such resource", ctx.path()));
            }
        });
        app.error(405, ctx -> problem(ctx, Problem.of(405, "method-not-allowed", "Method not allowed", ctx.method() + " " + ctx.path())));
    }

    // ---------------------------------------------------------------- routes

    private void health(Context ctx) throws IOException {
        store.ping();
        json(ctx, 200, out -> out.writeStringField("status", "ok"));
    }

    private void pushBatch(Context ctx) throws IOException {
        Principal who = authenticate(ctx);
        if (!who.role().mayPush()) {
            throw refused(403, "forbidden", "This role may not push reports", "role " + who.role().wire() + " reads only");
        }
        String key = ctx.header(Protocol.IDEMPOTENCY_KEY);
        if (key == null || !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw Problem.badRequest("the " + Protocol.IDEMPOTENCY_KEY + " header must be 1-100 characters of A-Z a-z 0-9 . _ : -", -1, Protocol.IDEMPOTENCY_KEY);
        }
        checkContentLength(ctx, config.limits().maxBodyBytes());
        MessageDigest digest = sha256();
        List<ReportFeature> features;
        try (InputStream body = new DigestInputStream(ctx.bodyInputStream(), digest)) {
            features = codec.readBatch(body);
        }
        ApplyResult result = store.applyBatch(who, key, HexFormat.of().formatHex(digest.digest()), features, Instant.now(config.clock()));
        if (result.replayed()) {
            ctx.header("Idempotent-Replayed", "true");
        }
        ctx.status(200).contentType(Protocol.JSON).result(codec.writeResult(result.result()));
    }

    private void changes(Context ctx) {
        authenticate(ctx);
        long since = WireCodec.cursor(ctx.queryParam("since"));
        int limit = intParam(ctx, "limit", DEFAULT_PAGE, config.maxPageSize());
        StoredChanges page = store.storedChanges(since, bbox(ctx), limit);
        if (page.more()) {
            ctx.header(Protocol.NEXT_CURSOR, Long.toString(page.nextCursor()));
        }
        ctx.status(200).contentType(Protocol.GEOJSON).result(codec.writeStoredChanges(page.features(), page.nextCursor(), page.more()));
    }

    private void places(Context ctx) throws IOException {
        authenticate(ctx);
        int limit = intParam(ctx, "limit", MAX_PLACES, MAX_PLACES);
        List<PlaceRecord> places = store.places(bbox(ctx), limit);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = Json.FACTORY.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringField("type", "FeatureCollection");
            out.writeArrayFieldStart("features");
            for (PlaceRecord r : places) {
                PlaceAccessibility a = r.accessibility();
                out.writeStartObject();
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
                optional(out, "name", r.place().name());
                optional(out, "category", r.place().category());
                optional(out, "address", r.place().address());
                out.writeStringField("wheelchair", a.wheelchair().osm());
                out.writeStringField("toiletsWheelchair", a.toiletsWheelchair().osm());
                out.writeNumberField("reports", r.reports().size());
                out.writeEndObject();
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        ctx.status(200).contentType(Protocol.GEOJSON).result(bytes.toByteArray());
    }

    private void putPhoto(Context ctx) throws IOException {
        Principal who = authenticate(ctx);
        if (!who.role().mayPush()) {
            throw refused(403, "forbidden", "This role may not upload photos", "role " + who.role().wire() + " reads only");
        }
        String sha = ctx.pathParam("sha256");
        if (!SHA256.matcher(sha).matches()) {
            throw Problem.badRequest("the photo name must be the lower-case SHA-256 of its bytes", -1, "sha256");
        }
        checkContentLength(ctx, config.maxPhotoBytes());
        byte[] bytes;
        try (InputStream in = ctx.bodyInputStream()) {
            bytes = in.readNBytes(config.maxPhotoBytes() + 1);
        }
        if (bytes.length > config.maxPhotoBytes()) {
            throw Problem.tooLarge("a photo holds at most " + config.maxPhotoBytes() + " bytes");
        }
        String actual = HexFormat.of().formatHex(sha256().digest(bytes));
        if (!actual.equals(sha)) {
            throw Problem.badRequest("the body's SHA-256 is " + actual + ", not " + sha, -1, "sha256");
        }
        String type = PhotoFiles.mediaType(bytes).orElseThrow(() -> new ProtocolException(Problem.of(415, "unsupported-media-type",
                "Only JPEG, PNG and WebP photos are accepted", "the body does not start like a JPEG, PNG or WebP file")));
        byte[] kept = PhotoFiles.stripMetadata(type, bytes);
        boolean created = store.putPhoto(new StoredPhoto(sha, type, kept), who, Instant.now(config.clock()));
        json(ctx, created ? 201 : 200, out -> {
            out.writeStringField("sha256", sha);
            out.writeStringField("mediaType", type);
            out.writeNumberField("bytes", kept.length);
        });
    }

    private void getPhoto(Context ctx) {
        authenticate(ctx);
        Optional<StoredPhoto> photo = store.photo(ctx.pathParam("sha256"));
        if (photo.isEmpty()) {
            problem(ctx, Problem.of(404, "not-found", "No such photo", ctx.pathParam("sha256")));
            return;
        }
        ctx.status(200).result(photo.get().bytes());
        ctx.res().setCharacterEncoding(null);
        ctx.res().setContentType(photo.get().mediaType()); // binary: no charset parameter
    }

    private void hide(Context ctx) throws IOException {
        Principal who = moderator(ctx, "hide");
        ReportId id = new ReportId(ctx.pathParam("id"));
        String reason = reason(ctx);
        if (!store.hide(id, who, reason, Instant.now(config.clock()))) {
            problem(ctx, Problem.of(404, "not-found", "No such report", id.value()));
            return;
        }
        json(ctx, 200, out -> out.writeStringField("hidden", id.value()));
    }

    private void unhide(Context ctx) throws IOException {
        Principal who = moderator(ctx, "un-hide");
        ReportId id = new ReportId(ctx.pathParam("id"));
        String reason = reason(ctx);
        switch (store.unhide(id, who, reason, Instant.now(config.clock()))) {
            case NO_SUCH_REPORT -> problem(ctx, Problem.of(404, "not-found", "No such report", id.value()));
            case NOT_HIDDEN -> problem(ctx, Problem.of(409, "not-hidden", "The report is not hidden", id.value() + " is visible to everyone already"));
            case UNHIDDEN -> json(ctx, 200, out -> out.writeStringField("unhidden", id.value()));
        }
    }

    private void moderationLog(Context ctx) throws IOException {
        moderator(ctx, "read the moderation log of");
        ReportId id = new ReportId(ctx.pathParam("id"));
        List<ModerationEntry> entries = store.moderationLog(id);
        json(ctx, 200, out -> {
            out.writeStringField("report", id.value());
            out.writeArrayFieldStart("moderation");
            for (ModerationEntry e : entries) {
                out.writeStartObject();
                out.writeStringField("action", e.action());
                out.writeStringField("moderator", e.moderator());
                out.writeStringField("reason", e.reason());
                out.writeStringField("at", e.at().toString());
                out.writeNumberField("sequence", e.sequence());
                out.writeEndObject();
            }
            out.writeEndArray();
        });
    }

    private Principal moderator(Context ctx, String action) {
        Principal who = authenticate(ctx);
        if (!who.role().mayModerate()) {
            throw refused(403, "forbidden", "Only moderators " + action + " reports", "role " + who.role().wire());
        }
        return who;
    }

    private static String reason(Context ctx) {
        String reason = ctx.queryParam("reason");
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw Problem.badRequest("a reason of 1-500 characters is required (?reason=...)", -1, "reason");
        }
        return reason.strip();
    }

    private void listMaps(Context ctx) throws IOException {
        authenticate(ctx);
        List<MapPacks.Pack> packs = mapPacks.list();
        json(ctx, 200, out -> {
            out.writeArrayFieldStart("maps");
            for (MapPacks.Pack p : packs) {
                out.writeStartObject();
                out.writeStringField("name", p.name());
                out.writeNumberField("size", p.size());
                out.writeStringField("sha256", p.sha256());
                out.writeStringField("kind", p.kind());
                if (p.bounds() != null) {
                    out.writeArrayFieldStart("bounds");
                    out.writeNumber(p.bounds().minLon());
                    out.writeNumber(p.bounds().minLat());
                    out.writeNumber(p.bounds().maxLon());
                    out.writeNumber(p.bounds().maxLat());
                    out.writeEndArray();
                }
                out.writeEndObject();
            }
            out.writeEndArray();
        });
    }

    /**
     * Streams a pack from disk (never whole in memory), honouring a single {@code Range} so an
     * interrupted download resumes; {@code If-Range} with another ETag sends the whole new pack.
     */
    private void getMap(Context ctx) throws IOException {
        authenticate(ctx);
        String name = ctx.pathParam("name");
        Optional<MapPacks.Pack> found = mapPacks.find(name);
        if (found.isEmpty()) {
            problem(ctx, Problem.of(404, "not-found", "No such map pack", name));
            return;
        }
        MapPacks.Pack pack = found.get();
        String etag = "\"" + pack.sha256() + "\"";
        long size = pack.size();
        String ifRange = ctx.header("If-Range");
        ByteRange.Parsed range = ifRange != null && !ifRange.strip().equals(etag)
                ? ByteRange.WHOLE : ByteRange.parse(ctx.header("Range"), size);
        ctx.header("Accept-Ranges", "bytes");
        ctx.header("ETag", etag);
        if (range.unsatisfiable()) {
            ctx.header("Content-Range", "bytes */" + size);
            problem(ctx, Problem.of(416, "range-not-satisfiable", "The requested range is outside the pack",
                    ctx.header("Range") + " asked of " + size + " bytes"));
            return;
        }
        long first = range.whole() ? 0 : range.first();
        long length = range.whole() ? size : range.last() - first + 1;
        ctx.status(range.whole() ? 200 : 206);
        if (!range.whole()) {
            ctx.header("Content-Range", "bytes " + first + "-" + range.last() + "/" + size);
        }
        ctx.res().setCharacterEncoding(null);
        ctx.res().setContentType("application/octet-stream");
        ctx.res().setContentLengthLong(length);
        // The raw servlet stream: Javalin's own stream would buffer or compress the body.
        try (FileChannel channel = FileChannel.open(pack.file(), StandardOpenOption.READ)) {
            WritableByteChannel out = Channels.newChannel(ctx.res().getOutputStream());
            long sent = 0;
            while (sent < length) {
                long n = channel.transferTo(first + sent, length - sent, out);
                if (n <= 0) {
                    throw new IOException(pack.file() + " shrank while being sent");
                }
                sent += n;
            }
            ctx.res().getOutputStream().flush();
        }
    }

    // ---------------------------------------------------------------- helpers

    Principal authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        Optional<Principal> who = store.authenticate(token);
        if (who.isEmpty()) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw refused(401, "unauthorized", "A valid bearer token is required",
                    token == null ? "send Authorization: Bearer <token>" : "the token is unknown or revoked");
        }
        long wait = rateLimiter.acquire(token);
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            throw refused(429, "rate-limited", "Too many requests", "this token may send " + config.requestsPerSecond()
                    + " requests a second; retry after " + wait + " s");
        }
        return who.get();
    }

    private static ProtocolException refused(int status, String slug, String title, String detail) {
        return new ProtocolException(Problem.of(status, slug, title, detail));
    }

    private static void checkContentLength(Context ctx, long max) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > max) {
            throw Problem.tooLarge("the body is " + declared + " bytes, at most " + max + " allowed");
        }
    }

    private static BoundingBox bbox(Context ctx) {
        String text = ctx.queryParam("bbox");
        return text == null || text.isBlank() ? BoundingBox.WORLD : BoundingBox.parse(text);
    }

    private static int intParam(Context ctx, String name, int fallback, int max) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < 1 || value > max) {
                throw Problem.badRequest(name + " must be between 1 and " + max + ", got " + value, -1, name);
            }
            return value;
        } catch (NumberFormatException e) {
            throw Problem.badRequest(name + " must be a whole number", -1, name);
        }
    }

    private void problem(Context ctx, Problem p) {
        ctx.status(p.status()).contentType(Protocol.PROBLEM_JSON).result(codec.writeProblem(p));
    }

    private interface Body {
        void write(JsonGenerator out) throws IOException;
    }

    private static void json(Context ctx, int status, Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = Json.FACTORY.createGenerator(bytes)) {
            out.writeStartObject();
            body.write(out);
            out.writeEndObject();
        }
        ctx.status(status).contentType(Protocol.JSON).result(bytes.toByteArray());
    }

    private static void optional(JsonGenerator out, String field, String value) throws IOException {
        if (value != null) {
            out.writeStringField(field, value);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
