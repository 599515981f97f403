package org.seuil.sync.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.seuil.audit.CampaignId;
import org.seuil.domain.BoundingBox;
import org.seuil.audit.SharedCampaign;
import org.seuil.sync.protocol.CampaignAnswer;
import org.seuil.sync.protocol.CampaignCodec;
import org.seuil.sync.protocol.CampaignEdit;
import org.seuil.sync.protocol.CampaignListing;
import org.seuil.formats.json.Json;
import org.seuil.sync.protocol.BatchResult;
import org.seuil.sync.protocol.ChangePage;
import org.seuil.sync.protocol.Problem;
import org.seuil.sync.protocol.Protocol;
import org.seuil.sync.protocol.ProtocolException;
import org.seuil.sync.protocol.ReportFeature;
import org.seuil.sync.protocol.WireCodec;
import org.seuil.sync.protocol.WireLimits;

/** The typed calls of the sync protocol over one {@link HttpTransport}: what the client and the tests use. */
public final class SyncApi {
    /** Answers come from the server we chose; they may be large (pages of 5,000 reports) but still bounded. */
    private static final WireCodec ANSWERS = new WireCodec(new WireLimits(256L * 1024 * 1024, 100_000, Json.MAX_STRING_LENGTH));
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final String token;
    private final HttpTransport transport;

    /** @param server the server's root, e.g. {@code http://127.0.0.1:8080} */
    public SyncApi(URI server, String token, HttpTransport transport) {
        String root = server.toString().replaceAll("/+$", "");
        this.base = URI.create(root + Protocol.BASE);
        this.token = token;
        this.transport = transport;
    }

    /**
     * Pushes a batch under an Idempotency-Key that is the SHA-256 of its body: the same batch sent
     * again (after a lost answer, a crash, a restart) gets the stored answer and is not applied twice.
     */
    public BatchResult push(List<ReportFeature> features) throws SyncException {
        byte[] body = ANSWERS.writeBatch(features);
        return push(sha256(body), body);
    }

    public BatchResult push(String idempotencyKey, List<ReportFeature> features) throws SyncException {
        return push(idempotencyKey, ANSWERS.writeBatch(features));
    }

    private BatchResult push(String idempotencyKey, byte[] body) throws SyncException {
        HttpRequest request = request("/batches")
                .header("Content-Type", Protocol.GEOJSON)
                .header(Protocol.IDEMPOTENCY_KEY, idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return ANSWERS.readResult(call(request, 200).body());
    }

    public ChangePage changes(long since, BoundingBox bbox, int limit) throws SyncException {
        return fetchChanges(since, bbox, limit).read();
    }

    /**
     * A change page as it came, not read yet, with the next page's cursor when the server named
     * it in the {@value Protocol#NEXT_CURSOR} header (so the next page can be asked for while
     * this one is read: {@link ChangeFeed}).
     */
    public record FetchedPage(byte[] body, OptionalLong nextCursor) {
        public ChangePage read() {
            return ANSWERS.readChanges(body);
        }
    }

    public FetchedPage fetchChanges(long since, BoundingBox bbox, int limit) throws SyncException {
        String query = "?since=" + since + "&limit=" + limit
                + (bbox == null ? "" : "&bbox=" + URLEncoder.encode(bbox.toString(), StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = call(request("/changes" + query).GET().build(), 200);
        OptionalLong next = OptionalLong.empty();
        try {
            next = response.headers().firstValue(Protocol.NEXT_CURSOR).map(v -> OptionalLong.of(Long.parseLong(v.strip())))
                    .orElse(OptionalLong.empty());
        } catch (NumberFormatException e) {
            // a header that is not a number is only a lost hint: the body still names the cursor
        }
        return new FetchedPage(response.body(), next);
    }

    /** Uploads a photo; true when the server did not have it yet. */
    public boolean putPhoto(String sha256, byte[] bytes) throws SyncException {
        HttpRequest request = request("/photos/" + sha256)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        return call(request, 200, 201).statusCode() == 201;
    }

    /** The protocol version the server speaks. */
    public int protocolVersion() throws SyncException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/version")).timeout(TIMEOUT).GET().build();
        try {
            JsonNode node = new ObjectMapper(Json.FACTORY).readTree(call(request, 200).body());
            return node.path("protocol").asInt(-1);
        } catch (IOException e) {
            throw new SyncException(200, null, 0, "the server's version answer is not JSON", e);
        }
    }

    // ---------------------------------------------------------------- campaigns

    private static final CampaignCodec CAMPAIGNS = new CampaignCodec(new WireLimits(256L * 1024 * 1024, 100_000, Json.MAX_STRING_LENGTH));

    /** Creates or updates a campaign; the Idempotency-Key is the SHA-256 of the body, as for batches. */
    public CampaignAnswer pushCampaign(SharedCampaign campaign) throws SyncException {
        byte[] body = CAMPAIGNS.writeCampaign(campaign);
        HttpRequest request = request("/campaigns")
                .header("Content-Type", Protocol.GEOJSON)
                .header(Protocol.IDEMPOTENCY_KEY, sha256(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return CAMPAIGNS.readAnswer(new ByteArrayInputStream(call(request, 200, 201).body()));
    }

    /** Pushes a member's changes to a campaign, under the SHA-256 of the body as Idempotency-Key. */
    public CampaignAnswer pushCampaignChanges(CampaignId id, List<CampaignEdit> edits) throws SyncException {
        byte[] body = CAMPAIGNS.writeEdits(edits);
        HttpRequest request = request("/campaigns/" + id + "/changes")
                .header("Content-Type", Protocol.JSON)
                .header(Protocol.IDEMPOTENCY_KEY, sha256(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return CAMPAIGNS.readAnswer(new ByteArrayInputStream(call(request, 200).body()));
    }

    /** The campaigns this token's user belongs to. */
    public List<CampaignListing> campaigns() throws SyncException {
        return CAMPAIGNS.readListing(new ByteArrayInputStream(call(request("/campaigns").GET().build(), 200).body()));
    }

    /** A campaign with its venues; 404 (a {@link SyncException}) when the user does not belong to it. */
    public SharedCampaign campaign(CampaignId id) throws SyncException {
        return CAMPAIGNS.readCampaign(new ByteArrayInputStream(call(request("/campaigns/" + id).GET().build(), 200).body()));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", Protocol.JSON + ", " + Protocol.GEOJSON + ", " + Protocol.PROBLEM_JSON);
    }

    private HttpResponse<byte[]> call(HttpRequest request, int... expected) throws SyncException {
        HttpResponse<byte[]> response;
        try {
            response = transport.send(request);
        } catch (IOException e) {
            throw new SyncException(0, null, 0, "no answer from " + request.uri().getHost() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException(0, null, 0, "interrupted", e);
        }
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response;
            }
        }
        Problem problem = null;
        try {
            if (response.headers().firstValue("Content-Type").orElse("").startsWith(Protocol.PROBLEM_JSON)) {
                problem = ANSWERS.readProblem(new ByteArrayInputStream(response.body()));
            }
        } catch (ProtocolException | java.io.UncheckedIOException e) {
            problem = null;
        }
        long retryAfter = response.headers().firstValue("Retry-After").map(SyncApi::seconds).orElse(0L);
        String detail = problem == null ? "" : ": " + problem.title() + (problem.detail() == null ? "" : " (" + problem.detail() + ")");
        throw new SyncException(response.statusCode(), problem, retryAfter,
                request.method() + " " + request.uri().getPath() + " answered " + response.statusCode() + detail, null);
    }

    static String sha256(byte[] body) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long seconds(String text) {
        try {
            return Math.max(0, Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
