package org.seuil.server.store;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.seuil.audit.Campaign;
import org.seuil.audit.CampaignId;
import org.seuil.audit.ChecklistFile;
import org.seuil.audit.District;
import org.seuil.audit.RuleSetName;
import org.seuil.audit.VenueStatus;
import org.seuil.audit.Volunteers;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.formats.json.Json;
import org.seuil.audit.SharedCampaign;
import org.seuil.audit.SharedVenue;
import org.seuil.sync.protocol.CampaignAnswer;
import org.seuil.sync.protocol.CampaignCodec;
import org.seuil.sync.protocol.CampaignEdit;
import org.seuil.sync.protocol.CampaignListing;
import org.seuil.sync.protocol.Problem;
import org.seuil.sync.protocol.WireLimits;

/**
 * Campaigns in the server's database, through the transactions of a {@link JdbcServerStore}; the
 * SQL is the same on SQLite and PostgreSQL. Every write takes the row lock of the
 * {@code campaigns} counter first, so campaign writes are serialized among themselves (a status
 * is compared with the one it replaces under that lock) without waiting on report batches.
 */
final class JdbcServerCampaigns implements ServerCampaigns {
    static final String APPLIED = "applied";
    static final String SUPERSEDED = "superseded";
    /** Stored answers are our own output; read them back without request limits. */
    private static final CampaignCodec STORED = new CampaignCodec(new WireLimits(Long.MAX_VALUE, Integer.MAX_VALUE, Json.MAX_STRING_LENGTH));
    private static final String VENUE_COLUMNS = "place_id, lon, lat, name, category, address, status, volunteer, zone, "
            + "status_at, status_by, found_on_ground";
    private static final String INSERT_VENUE = "INSERT INTO campaign_venues (campaign_id, " + VENUE_COLUMNS + ", seq) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcServerStore db;

    JdbcServerCampaigns(JdbcServerStore db) {
        this.db = db;
    }

    /** Who the caller is to a campaign. */
    private record Access(boolean exists, boolean visible, boolean manager) {
    }

    // ---------------------------------------------------------------- writes

    @Override
    public Push save(Principal who, String key, String bodySha256, SharedCampaign shared, Instant now) {
        if (!who.role().mayRunCampaigns()) {
            throw refused(403, "forbidden", "Only auditors, moderators and admins create campaigns", "role " + who.role().wire());
        }
        Campaign campaign = shared.campaign();
        return idempotent(who, key, bodySha256, now, c -> {
            long version = nextVersion(c);
            Access access = access(c, who, campaign.id());
            refuseUnlessVisible(access, campaign.id());
            if (access.exists() && !access.manager()) {
                throw refused(403, "forbidden", "Only the campaign's owner or an admin changes the campaign",
                        "you are a member of campaign " + campaign.id());
            }
            if (!access.exists()) {
                exec(c, "INSERT INTO campaigns (id, owner_id, name, district, checklist, rules, revisit_years, created_at, version) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", campaign.id().value(), who.userId(), campaign.name(),
                        campaign.district().wkt(), ChecklistFile.write(campaign.checklist()), campaign.rules().code(),
                        campaign.revisitYears(), campaign.created().toString(), version);
            } else {
                exec(c, "UPDATE campaigns SET name = ?, district = ?, checklist = ?, rules = ?, revisit_years = ?, version = ? "
                                + "WHERE id = ?", campaign.name(), campaign.district().wkt(), ChecklistFile.write(campaign.checklist()),
                        campaign.rules().code(), campaign.revisitYears(), version, campaign.id().value());
            }
            for (String member : campaign.volunteers()) {
                addMember(c, campaign.id(), member);
            }
            saveVenues(c, who, shared, version, now);
            return new CampaignAnswer(campaign.id().value(), access.exists() ? "updated" : "created", version, List.of());
        });
    }

    /**
     * New venues go in JDBC batches (one round trip per 500 on PostgreSQL, instead of several per
     * venue); venues the server has get their assignment and, by the later-time rule, their status.
     */
    private static void saveVenues(Connection c, Principal who, SharedCampaign shared, long version, Instant now) throws SQLException {
        CampaignId id = shared.campaign().id();
        District district = shared.campaign().district();
        Map<PlaceId, SharedVenue> existing = new HashMap<>();
        for (SharedVenue v : venues(c, id)) {
            existing.put(v.place().id(), v);
        }
        Set<String> volunteers = new LinkedHashSet<>();
        try (PreparedStatement insert = c.prepareStatement(INSERT_VENUE)) {
            int batched = 0;
            for (int i = 0; i < shared.venues().size(); i++) {
                SharedVenue v = shared.venues().get(i);
                SharedVenue current = existing.get(v.place().id());
                if (v.volunteer() != null) {
                    volunteers.add(v.volunteer());
                }
                if (current != null) {
                    if (v.volunteer() != null) {
                        assign(c, id, v.place().id(), v.volunteer(), v.zone(), version);
                    }
                    if (v.statusAt() != null) {
                        setStatus(c, who, id, current, v.status(), v.statusAt(), now, version);
                    }
                    continue;
                }
                if (!district.contains(v.place().location())) {
                    throw invalid("properties.venues[" + i + "].location", "venue " + v.place().id()
                            + " lies outside the campaign's district");
                }
                boolean visited = v.statusAt() != null;
                Place p = v.place();
                bind(insert, id.value(), p.id().value(), p.location().lon(), p.location().lat(), p.name(), p.category(), p.address(),
                        (visited ? v.status() : VenueStatus.TO_VISIT).code(), v.volunteer(), v.zone(),
                        visited ? capped(v.statusAt(), now).toString() : null, visited ? who.name() : null,
                        v.foundOnGround() ? 1 : 0, version);
                insert.addBatch();
                if (++batched % 500 == 0) {
                    insert.executeBatch();
                }
            }
            if (batched % 500 != 0) {
                insert.executeBatch();
            }
        }
        for (String volunteer : volunteers) {
            addMember(c, id, volunteer);
        }
    }

    @Override
    public Push change(Principal who, CampaignId id, String key, String bodySha256, List<CampaignEdit> edits, Instant now) {
        return idempotent(who, key, bodySha256, now, c -> {
            long version = nextVersion(c);
            Access access = access(c, who, id);
            refuseUnlessMember(access, id);
            if (!who.role().mayPush()) {
                throw refused(403, "forbidden", "This role may not change campaigns", "role " + who.role().wire() + " reads only");
            }
            List<Problem.FieldError> forbidden = new ArrayList<>();
            for (int i = 0; i < edits.size(); i++) {
                if (edits.get(i) instanceof CampaignEdit.Assign && !access.manager()) {
                    forbidden.add(new Problem.FieldError(i, "changes[" + i + "].kind", "only the campaign's owner assigns venues"));
                }
            }
            if (!forbidden.isEmpty()) {
                throw new BatchRefusedException(403, "forbidden", "Only the campaign's owner or an admin assigns venues",
                        forbidden.size() + " change(s) are assignments; nothing was applied", forbidden);
            }
            District district = district(c, id);
            List<String> results = new ArrayList<>(edits.size());
            for (int i = 0; i < edits.size(); i++) {
                CampaignEdit edit = edits.get(i);
                Optional<SharedVenue> current = venue(c, id, edit.placeId());
                if (edit instanceof CampaignEdit.AddVenue add) {
                    if (current.isEmpty()) {
                        if (!district.contains(add.location())) {
                            throw invalid("changes[" + i + "].location", "venue " + add.placeId() + " lies outside the campaign's district");
                        }
                        insertVenue(c, id, add.place(), who.name(), null, true, version);
                        addMember(c, id, who.name());
                        current = venue(c, id, edit.placeId());
                    }
                    results.add(setStatus(c, who, id, current.orElseThrow(), add.status(), add.at(), now, version));
                    continue;
                }
                if (current.isEmpty()) {
                    throw invalid("changes[" + i + "].place", edit.placeId() + " is not a venue of campaign " + id);
                }
                if (edit instanceof CampaignEdit.Assign a) {
                    assign(c, id, a.placeId(), a.volunteer(), a.zone(), version);
                    results.add(APPLIED);
                } else if (edit instanceof CampaignEdit.SetStatus s) {
                    results.add(setStatus(c, who, id, current.get(), s.status(), s.at(), now, version));
                }
            }
            exec(c, "UPDATE campaigns SET version = ? WHERE id = ?", version, id.value());
            return new CampaignAnswer(id.value(), APPLIED, version, results);
        });
    }

    @Override
    public long setMember(Principal who, CampaignId id, String name, boolean member, Instant now) {
        String checked = Volunteers.check("name", name);
        return db.inTransaction(c -> {
            long version = nextVersion(c);
            Access access = access(c, who, id);
            refuseUnlessMember(access, id);
            if (!access.manager()) {
                throw refused(403, "forbidden", "Only the campaign's owner or an admin manages its members",
                        "you are a member of campaign " + id);
            }
            if (member) {
                addMember(c, id, checked);
            } else {
                exec(c, "DELETE FROM campaign_members WHERE campaign_id = ? AND name = ?", id.value(), checked);
            }
            exec(c, "UPDATE campaigns SET version = ? WHERE id = ?", version, id.value());
            return version;
        });
    }

    private interface Work {
        CampaignAnswer run(Connection c) throws SQLException;
    }

    /**
     * The stored answer when this user already sent this key with this body (422 with another
     * body); otherwise {@code work} and its answer in one transaction. Inserting the key first makes
     * a concurrent delivery of the same push wait for this one, then replay it. A refusal rolls
     * everything back, the key included.
     */
    private Push idempotent(Principal who, String key, String bodySha256, Instant now, Work work) {
        Optional<Push> stored = storedAnswer(who, key, bodySha256);
        if (stored.isPresent()) {
            return stored.get();
        }
        Push applied = db.inTransaction(c -> {
            int inserted = exec(c, "INSERT INTO campaign_pushes (user_id, idempotency_key, body_sha256, created_at) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT (user_id, idempotency_key) DO NOTHING", who.userId(), key, bodySha256, now.toString());
            if (inserted == 0) {
                return null;
            }
            CampaignAnswer answer = work.run(c);
            exec(c, "UPDATE campaign_pushes SET answer = ? WHERE user_id = ? AND idempotency_key = ?",
                    new String(STORED.writeAnswer(answer), StandardCharsets.UTF_8), who.userId(), key);
            return new Push(answer, false);
        });
        if (applied != null) {
            return applied;
        }
        return storedAnswer(who, key, bodySha256).orElseThrow(() -> new IllegalStateException("campaign push " + key + " vanished"));
    }

    private Optional<Push> storedAnswer(Principal who, String key, String bodySha256) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT body_sha256, answer FROM campaign_pushes WHERE user_id = ? AND idempotency_key = ?")) {
                s.setString(1, who.userId());
                s.setString(2, key);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next() || rs.getString(2) == null) {
                        return Optional.empty();
                    }
                    if (!rs.getString(1).equals(bodySha256)) {
                        throw refused(422, "idempotency-key-reused", "Idempotency-Key already used",
                                "this key was sent before with a different body; a new push needs a new key");
                    }
                    return Optional.of(new Push(STORED.readAnswer(new ByteArrayInputStream(rs.getString(2).getBytes(StandardCharsets.UTF_8))), true));
                }
            }
        });
    }

    private static void insertVenue(Connection c, CampaignId id, Place p, String volunteer, Integer zone, boolean onGround, long version)
            throws SQLException {
        exec(c, INSERT_VENUE, id.value(), p.id().value(), p.location().lon(), p.location().lat(), p.name(), p.category(), p.address(),
                VenueStatus.TO_VISIT.code(), volunteer, zone, null, null, onGround ? 1 : 0, version);
    }

    private static void assign(Connection c, CampaignId id, PlaceId place, String volunteer, Integer zone, long version) throws SQLException {
        exec(c, "UPDATE campaign_venues SET volunteer = ?, zone = ?, seq = ? WHERE campaign_id = ? AND place_id = ?",
                volunteer, zone, version, id.value(), place.value());
        addMember(c, id, volunteer);
    }

    /**
     * The later status wins: a device's claim {@code at} (never later than the server's clock, so a
     * clock ahead cannot pin a venue) replaces the server's only when strictly later. Sending the
     * same status again changes nothing.
     */
    private static String setStatus(Connection c, Principal who, CampaignId id, SharedVenue current, VenueStatus status,
                                    Instant at, Instant now, long version) throws SQLException {
        Instant claimed = capped(at, now);
        if (current.statusAt() != null && !claimed.isAfter(current.statusAt())) {
            return SUPERSEDED;
        }
        exec(c, "UPDATE campaign_venues SET status = ?, status_at = ?, status_by = ?, seq = ? WHERE campaign_id = ? AND place_id = ?",
                status.code(), claimed.toString(), who.name(), version, id.value(), current.place().id().value());
        return APPLIED;
    }

    /** A device's time, never later than the server's. */
    private static Instant capped(Instant at, Instant now) {
        return at.isAfter(now) ? now : at;
    }

    private static void addMember(Connection c, CampaignId id, String name) throws SQLException {
        exec(c, "INSERT INTO campaign_members (campaign_id, name, position) "
                + "SELECT ?, ?, COALESCE(MAX(position), -1) + 1 FROM campaign_members WHERE campaign_id = ? "
                + "ON CONFLICT (campaign_id, name) DO NOTHING", id.value(), name, id.value());
    }

    private static long nextVersion(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE counters SET value = value + 1 WHERE name = 'campaigns' RETURNING value");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---------------------------------------------------------------- reads

    @Override
    public List<CampaignListing> visibleTo(Principal who) {
        boolean all = who.role() == Role.ADMIN;
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT c.id, c.name, u.name, c.version, "
                    + "(SELECT COUNT(*) FROM campaign_venues v WHERE v.campaign_id = c.id) "
                    + "FROM campaigns c JOIN users u ON u.id = c.owner_id "
                    + (all ? "" : "WHERE c.owner_id = ? OR EXISTS (SELECT 1 FROM campaign_members m WHERE m.campaign_id = c.id AND m.name = ?) ")
                    + "ORDER BY c.created_at DESC, c.id")) {
                if (!all) {
                    s.setString(1, who.userId());
                    s.setString(2, who.name());
                }
                List<CampaignListing> list = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        list.add(new CampaignListing(new CampaignId(rs.getString(1)), rs.getString(2), rs.getString(3),
                                rs.getLong(4), rs.getInt(5)));
                    }
                }
                return list;
            }
        });
    }

    @Override
    public Optional<SharedCampaign> get(Principal who, CampaignId id) {
        return db.read(c -> {
            if (!access(c, who, id).visible()) {
                return Optional.<SharedCampaign>empty();
            }
            try (PreparedStatement s = c.prepareStatement("SELECT c.name, c.district, c.checklist, c.rules, c.revisit_years, "
                    + "c.created_at, c.version, u.name FROM campaigns c JOIN users u ON u.id = c.owner_id WHERE c.id = ?")) {
                s.setString(1, id.value());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    Campaign campaign = new Campaign(id, rs.getString(1), District.fromWkt(rs.getString(2)),
                            ChecklistFile.parse(rs.getString(3), "campaign " + id + " on the server"),
                            RuleSetName.parse("rules", rs.getString(4)), Instant.parse(rs.getString(6)), rs.getInt(5), members(c, id));
                    return Optional.of(new SharedCampaign(campaign, rs.getString(8), rs.getLong(7), venues(c, id)));
                }
            }
        });
    }

    private static List<String> members(Connection c, CampaignId id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT name FROM campaign_members WHERE campaign_id = ? ORDER BY position")) {
            s.setString(1, id.value());
            Set<String> names = new LinkedHashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return List.copyOf(names);
        }
    }

    private static List<SharedVenue> venues(Connection c, CampaignId id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + VENUE_COLUMNS + " FROM campaign_venues WHERE campaign_id = ? ORDER BY place_id")) {
            s.setString(1, id.value());
            List<SharedVenue> venues = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    venues.add(venue(rs));
                }
            }
            return venues;
        }
    }

    private static Optional<SharedVenue> venue(Connection c, CampaignId id, PlaceId place) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + VENUE_COLUMNS + " FROM campaign_venues WHERE campaign_id = ? AND place_id = ?")) {
            s.setString(1, id.value());
            s.setString(2, place.value());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(venue(rs)) : Optional.empty();
            }
        }
    }

    private static SharedVenue venue(ResultSet rs) throws SQLException {
        Place place = new Place(new PlaceId(rs.getString(1)), new GeoPoint(rs.getDouble(3), rs.getDouble(2)),
                rs.getString(4), rs.getString(5), rs.getString(6));
        int zone = rs.getInt(9);
        Integer z = rs.wasNull() ? null : zone;
        String at = rs.getString(10);
        return new SharedVenue(place, VenueStatus.parse("status", rs.getString(7)), rs.getString(8), z,
                at == null ? null : Instant.parse(at), rs.getString(11), rs.getInt(12) == 1);
    }

    private static District district(Connection c, CampaignId id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT district FROM campaigns WHERE id = ?")) {
            s.setString(1, id.value());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return District.fromWkt(rs.getString(1));
            }
        }
    }

    private static Access access(Connection c, Principal who, CampaignId id) throws SQLException {
        String owner;
        try (PreparedStatement s = c.prepareStatement("SELECT owner_id FROM campaigns WHERE id = ?")) {
            s.setString(1, id.value());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return new Access(false, false, false);
                }
                owner = rs.getString(1);
            }
        }
        boolean manager = owner.equals(who.userId()) || who.role() == Role.ADMIN;
        if (manager) {
            return new Access(true, true, true);
        }
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM campaign_members WHERE campaign_id = ? AND name = ?")) {
            s.setString(1, id.value());
            s.setString(2, who.name());
            try (ResultSet rs = s.executeQuery()) {
                return new Access(true, rs.next(), false);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A campaign the caller may not see answers exactly as one that does not exist. */
    private static void refuseUnlessVisible(Access access, CampaignId id) {
        if (access.exists() && !access.visible()) {
            throw refused(404, "not-found", "No such campaign", id.value());
        }
    }

    private static void refuseUnlessMember(Access access, CampaignId id) {
        if (!access.visible()) {
            throw refused(404, "not-found", "No such campaign", id.value());
        }
    }

    private static BatchRefusedException refused(int status, String slug, String title, String detail) {
        return new BatchRefusedException(status, slug, title, detail, List.of());
    }

    private static BatchRefusedException invalid(String field, String detail) {
        return new BatchRefusedException(400, "invalid-body", "The request body is not valid", detail,
                List.of(new Problem.FieldError(-1, field, detail)));
    }

    private static int exec(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            return s.executeUpdate();
        }
    }

    /** Nulls are bound untyped: PostgreSQL refuses a text-typed null in an integer column. */
    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                s.setNull(i + 1, Types.NULL);
            } else {
                s.setObject(i + 1, args[i]);
            }
        }
    }
}
