package org.seuil.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.seuil.audit.CampaignId;
import org.seuil.domain.InvalidValueException;
import org.seuil.server.store.Principal;
import org.seuil.server.store.ServerCampaigns;
import org.seuil.audit.SharedCampaign;
import org.seuil.sync.protocol.CampaignCodec;
import org.seuil.sync.protocol.CampaignEdit;
import org.seuil.sync.protocol.Problem;
import org.seuil.sync.protocol.Protocol;
import org.seuil.sync.protocol.ProtocolException;
import org.seuil.sync.protocol.WireLimits;

/**
 * The campaign routes of docs/sync-protocol.md ("Campaigns") under {@code /api/v1/campaigns}.
 * Errors are thrown as {@link ProtocolException} or the store's refusals and answered as problems
 * by {@link SeuilServer}'s handlers.
 */
final class CampaignRoutes {
    static final long MAX_CHANGES_BYTES = 1024 * 1024;
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final ServerCampaigns campaigns;
    private final Function<Context, Principal> authenticate;
    private final Clock clock;
    private final CampaignCodec codec;
    private final WireLimits limits;
    /** Changes are small (about 200 bytes each): any member may send them, so their bodies are capped lower. */
    private final CampaignCodec editCodec;
    private final WireLimits editLimits;

    CampaignRoutes(ServerCampaigns campaigns, Function<Context, Principal> authenticate, Clock clock, WireLimits limits) {
        this.campaigns = campaigns;
        this.authenticate = authenticate;
        this.clock = clock;
        this.limits = limits;
        this.codec = new CampaignCodec(limits);
        this.editLimits = new WireLimits(Math.min(limits.maxBodyBytes(), MAX_CHANGES_BYTES), limits.maxFeatures(), limits.maxStringLength());
        this.editCodec = new CampaignCodec(editLimits);
    }

    void mount(Javalin app) {
        String base = Protocol.BASE + "/campaigns";
        app.post(base, this::save);
        app.get(base, this::list);
        app.get(base + "/{id}", this::get);
        app.post(base + "/{id}/changes", this::change);
        app.put(base + "/{id}/members/{name}", ctx -> member(ctx, true));
        app.delete(base + "/{id}/members/{name}", ctx -> member(ctx, false));
    }

    private void save(Context ctx) throws IOException {
        Principal who = authenticate.apply(ctx);
        if (!who.role().mayRunCampaigns()) {
            throw new ProtocolException(Problem.of(403, "forbidden", "Only auditors, moderators and admins create campaigns",
                    "role " + who.role().wire()));
        }
        String key = idempotencyKey(ctx);
        MessageDigest digest = sha256();
        SharedCampaign campaign;
        try (InputStream body = new DigestInputStream(limited(ctx, limits), digest)) {
            campaign = codec.readCampaign(body);
        }
        ServerCampaigns.Push push = campaigns.save(who, key, HexFormat.of().formatHex(digest.digest()), campaign, Instant.now(clock));
        answer(ctx, push, push.answer().outcome().equals("created") ? 201 : 200);
    }

    private void change(Context ctx) throws IOException {
        Principal who = authenticate.apply(ctx);
        CampaignId id = campaignId(ctx);
        String key = idempotencyKey(ctx);
        MessageDigest digest = sha256();
        // The campaign is part of what a key stands for: the same body sent to another campaign is another push.
        digest.update(id.value().getBytes(StandardCharsets.UTF_8));
        List<CampaignEdit> edits;
        try (InputStream body = new DigestInputStream(limited(ctx, editLimits), digest)) {
            edits = editCodec.readEdits(body);
        }
        answer(ctx, campaigns.change(who, id, key, HexFormat.of().formatHex(digest.digest()), edits, Instant.now(clock)), 200);
    }

    private void list(Context ctx) {
        Principal who = authenticate.apply(ctx);
        ctx.status(200).contentType(Protocol.JSON).result(codec.writeListing(campaigns.visibleTo(who)));
    }

    private void get(Context ctx) {
        Principal who = authenticate.apply(ctx);
        CampaignId id = campaignId(ctx);
        Optional<SharedCampaign> campaign = campaigns.get(who, id);
        if (campaign.isEmpty()) {
            throw notFound(id.value());
        }
        ctx.status(200).contentType(Protocol.GEOJSON).result(codec.writeCampaign(campaign.get()));
    }

    private void member(Context ctx, boolean add) {
        Principal who = authenticate.apply(ctx);
        CampaignId id = campaignId(ctx);
        String name;
        try {
            name = org.seuil.audit.Volunteers.check("name", ctx.pathParam("name"));
        } catch (InvalidValueException e) {
            throw Problem.badRequest(e.getMessage(), -1, "name");
        }
        long version = campaigns.setMember(who, id, name, add, Instant.now(clock));
        ctx.status(200).contentType(Protocol.JSON)
                .result("{\"campaign\":\"" + id.value() + "\",\"version\":" + version + "}");
    }

    private static InputStream limited(Context ctx, WireLimits limits) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limits.maxBodyBytes()) {
            throw Problem.tooLarge("the body is " + declared + " bytes, at most " + limits.maxBodyBytes() + " allowed");
        }
        return ctx.bodyInputStream();
    }

    private void answer(Context ctx, ServerCampaigns.Push push, int status) {
        if (push.replayed()) {
            ctx.header("Idempotent-Replayed", "true");
        }
        ctx.status(status).contentType(Protocol.JSON).result(codec.writeAnswer(push.answer()));
    }

    /** A malformed id is a campaign nobody has: 404, like an unknown one. */
    private static CampaignId campaignId(Context ctx) {
        String text = ctx.pathParam("id");
        try {
            return new CampaignId(text);
        } catch (InvalidValueException e) {
            throw notFound(text.length() > 40 ? text.substring(0, 40) + "…" : text);
        }
    }

    private static ProtocolException notFound(String id) {
        return new ProtocolException(Problem.of(404, "not-found", "No such campaign", id));
    }

    private static String idempotencyKey(Context ctx) {
        String key = ctx.header(Protocol.IDEMPOTENCY_KEY);
        if (key == null || !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw Problem.badRequest("the " + Protocol.IDEMPOTENCY_KEY + " header must be 1-100 characters of A-Z a-z 0-9 . _ : -",
                    -1, Protocol.IDEMPOTENCY_KEY);
        }
        return key;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
