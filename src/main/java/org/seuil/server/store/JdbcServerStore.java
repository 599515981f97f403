package org.seuil.server.store;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.formats.json.Json;
import org.seuil.formats.json.ReportJson;
import org.seuil.sync.protocol.BatchResult;
import org.seuil.sync.protocol.ChangePage;
import org.seuil.sync.protocol.Outcome;
import org.seuil.sync.protocol.OutcomeStatus;
import org.seuil.sync.protocol.Problem;
import org.seuil.sync.protocol.ReportFeature;
import org.seuil.sync.protocol.StoredFeature;
import org.seuil.sync.protocol.WireCodec;
import org.seuil.sync.protocol.WireLimits;

/**
 * The server store in plain JDBC; the SQL is the same on SQLite and PostgreSQL. Subclasses say
 * how to get a connection and how to run a transaction.
 *
 * <p>Every write transaction first takes the row lock of the {@code changes} counter, so writes
 * are serialized: sequence numbers commit in increasing order (a puller never skips a change that
 * commits late) and two batches touching one report cannot both win.
 */
abstract class JdbcServerStore implements ServerStore {
    private static final Pattern USER_NAME = Pattern.compile("[\\p{L}\\p{N}._@ -]{1,100}");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Stored answers are our own output; read them back without the request limits. */
    private static final WireCodec STORED = new WireCodec(new WireLimits(Long.MAX_VALUE, Integer.MAX_VALUE, Json.MAX_STRING_LENGTH));

    /** Token checks are one query per request otherwise; see {@link TokenCache} for revocation. */
    private final TokenCache tokens = new TokenCache(TokenCache.TIME_TO_LIVE, System::nanoTime);

    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    protected abstract <T> T inTransaction(SqlWork<T> work);

    /** Runs a read-only {@code work}. */
    protected abstract <T> T read(SqlWork<T> work);

    // ---------------------------------------------------------------- users and tokens

    @Override
    public String createToken(String userName, Role role, Instant now) {
        if (userName == null || !USER_NAME.matcher(userName).matches()) {
            throw new IllegalArgumentException("user name '" + userName + "' must be 1-100 letters, digits, spaces or . _ @ -");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "seuil_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        inTransaction(c -> {
            String userId = null;
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM users WHERE name = ?")) {
                s.setString(1, userName);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        userId = rs.getString(1);
                    }
                }
            }
            if (userId == null) {
                userId = UUID.randomUUID().toString();
                update(c, "INSERT INTO users (id, name, role, created_at) VALUES (?, ?, ?, ?)", userId, userName, role.wire(), now.toString());
            } else {
                update(c, "UPDATE users SET role = ? WHERE id = ?", role.wire(), userId);
            }
            update(c, "INSERT INTO tokens (hash, user_id, created_at) VALUES (?, ?, ?)", sha256(token), userId, now.toString());
            return null;
        });
        tokens.clear(); // the user's other tokens may carry the old role
        return token;
    }

    @Override
    public Optional<Principal> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        String hash = sha256(token);
        Optional<Principal> known = tokens.get(hash);
        if (known.isPresent()) {
            return known;
        }
        long readAt = tokens.generation();
        Optional<Principal> found = read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT u.id, u.name, u.role FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = ? AND u.deleted = 0")) {
                s.setString(1, hash);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new Principal(rs.getString(1), rs.getString(2), Role.parse(rs.getString(3)))) : Optional.empty();
                }
            }
        });
        found.ifPresent(p -> tokens.put(hash, p, readAt));
        return found;
    }

    @Override
    public Optional<String> deleteUser(String userName, Instant now) {
        try {
            return deleteUserNow(userName, now);
        } finally {
            tokens.clear(); // revoked here at once; other instances forget within the cache's time to live
        }
    }

    private Optional<String> deleteUserNow(String userName, Instant now) {
        return inTransaction(c -> {
            update(c, "UPDATE counters SET value = value WHERE name = 'changes'");
            String userId = null;
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM users WHERE name = ? AND deleted = 0")) {
                s.setString(1, userName);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        userId = rs.getString(1);
                    }
                }
            }
            if (userId == null) {
                return Optional.<String>empty();
            }
            String anonymous = "anonymous-" + userId.substring(0, 8);
            update(c, "DELETE FROM tokens WHERE user_id = ?", userId);
            update(c, "UPDATE users SET name = ?, deleted = 1 WHERE id = ?", anonymous, userId);
            // Campaigns know people by name: the name goes there too, so that nobody given the same
            // name later inherits the memberships, and the deleted person's name is kept nowhere.
            update(c, "UPDATE campaign_members SET name = ? WHERE name = ?", anonymous, userName);
            update(c, "UPDATE campaign_venues SET volunteer = ? WHERE volunteer = ?", anonymous, userName);
            update(c, "UPDATE campaign_venues SET status_by = ? WHERE status_by = ?", anonymous, userName);
            List<Report> reports = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT body FROM reports WHERE owner_id = ?")) {
                s.setString(1, userId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        reports.add(parseReport(rs.getString(1)));
                    }
                }
            }
            for (Report r : reports) {
                update(c, "UPDATE reports SET body = ?, seq = ? WHERE id = ?",
                        reportJson(withAuthor(r, anonymous)), nextSequence(c), r.id().value());
            }
            return Optional.of(anonymous);
        });
    }

    // ---------------------------------------------------------------- batches

    @Override
    public ApplyResult applyBatch(Principal who, String key, String bodySha256, List<ReportFeature> features, Instant now) {
        // The reports as the server keeps them, and their JSON, made before taking the writers' lock:
        // only the database work is serialized. A replayed key is found by the transaction's first
        // statement, which then leaves (a read of the stored answer first was one more turn at the
        // lock for every batch, to save this little work on the rare replay).
        List<Report> incoming = new ArrayList<>(features.size());
        List<String> texts = new ArrayList<>(features.size());
        ReportTexts writer = new ReportTexts();
        for (ReportFeature f : features) {
            Report r = withAuthor(f.report(), who.name());
            incoming.add(r);
            texts.add(writer.of(r));
        }
        ApplyResult applied = inTransaction(c -> {
            // Inserting the key first makes a concurrent delivery of the same batch wait for this one.
            int inserted = update(c, "INSERT INTO batches (user_id, idempotency_key, body_sha256, created_at) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT (user_id, idempotency_key) DO NOTHING", who.userId(), key, bodySha256, now.toString());
            if (inserted == 0) {
                return null;
            }
            update(c, "UPDATE counters SET value = value WHERE name = 'changes'");
            List<Outcome> outcomes = new ArrayList<>(features.size());
            List<Problem.FieldError> forbidden = new ArrayList<>();
            PendingWrites writes = new PendingWrites(currentReports(c, features));
            for (int i = 0; i < features.size(); i++) {
                outcomes.add(applyOne(c, who, i, features.get(i).place(), incoming.get(i), texts.get(i), forbidden, writes));
            }
            if (!forbidden.isEmpty()) {
                throw new BatchRefusedException(403, "forbidden", "Only a report's author may change it",
                        forbidden.size() + " feature(s) change reports of other users; nothing was applied", forbidden);
            }
            flush(c, writes, who, now);
            BatchResult result = new BatchResult(key, outcomes);
            update(c, "UPDATE batches SET answer = ? WHERE user_id = ? AND idempotency_key = ?",
                    new String(STORED.writeResult(result), StandardCharsets.UTF_8), who.userId(), key);
            return new ApplyResult(result, false);
        });
        if (applied != null) {
            return applied;
        }
        return storedAnswer(who, key, bodySha256).orElseThrow(() -> new IllegalStateException("batch " + key + " vanished"));
    }

    private Optional<ApplyResult> storedAnswer(Principal who, String key, String bodySha256) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT body_sha256, answer FROM batches WHERE user_id = ? AND idempotency_key = ?")) {
                s.setString(1, who.userId());
                s.setString(2, key);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next() || rs.getString(2) == null) {
                        return Optional.empty();
                    }
                    if (!rs.getString(1).equals(bodySha256)) {
                        throw new BatchRefusedException(422, "idempotency-key-reused", "Idempotency-Key already used",
                                "this key was sent before with a different body; a new batch needs a new key", List.of());
                    }
                    BatchResult result = STORED.readResult(rs.getString(2).getBytes(StandardCharsets.UTF_8));
                    return Optional.of(new ApplyResult(result, true));
                }
            }
        });
    }

    /** A report as stored, with the user who owns it. */
    private record Current(String ownerId, Report report) {
    }

    /**
     * The writes of one batch, decided feature by feature against what the batch already wrote,
     * then sent in a few JDBC batches: a statement per report per round trip was most of a push's
     * time on PostgreSQL (and a counter update per report left thousands of row versions behind).
     */
    private static final class PendingWrites {
        private final Map<ReportId, Current> current;
        /** Last value of each place the batch writes; one row per place, as a multi-row upsert needs. */
        private final Map<PlaceId, Place> places = new LinkedHashMap<>();
        /** In feature order: the i-th takes the i-th new sequence number. */
        private final List<Report> reports = new ArrayList<>();
        private final List<String> texts = new ArrayList<>();
        private final List<Boolean> inserts = new ArrayList<>();

        PendingWrites(Map<ReportId, Current> current) {
            this.current = current;
        }

        void write(Place place, Report report, String text, String ownerId, boolean insert) {
            places.remove(place.id());
            places.put(place.id(), place);
            reports.add(report);
            texts.add(text);
            inserts.add(insert);
            current.put(report.id(), new Current(ownerId, report));
        }

        Place place(Connection c, PlaceId id) throws SQLException {
            Place pending = places.get(id);
            return pending != null ? pending : placeOf(c, id);
        }
    }

    private static Map<ReportId, Current> currentReports(Connection c, List<ReportFeature> features) throws SQLException {
        List<String> ids = features.stream().map(f -> f.report().id().value()).distinct().toList();
        Map<ReportId, Current> current = new HashMap<>();
        int chunk = 500;
        for (int from = 0; from < ids.size(); from += chunk) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + chunk));
            String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
            try (PreparedStatement s = c.prepareStatement("SELECT id, owner_id, body FROM reports WHERE id IN (" + marks + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    s.setString(i + 1, part.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        current.put(new ReportId(rs.getString(1)), new Current(rs.getString(2), parseReport(rs.getString(3))));
                    }
                }
            }
        }
        return current;
    }

    private Outcome applyOne(Connection c, Principal who, int index, Place place, Report incoming, String text,
                             List<Problem.FieldError> forbidden, PendingWrites writes) throws SQLException {
        List<String> missing = missingPhotos(c, incoming.photos());
        if (!missing.isEmpty()) {
            return Outcome.rejected(index, incoming.id(), "the server lacks " + missing.size()
                    + " photo(s) of this report; upload them with PUT /api/v1/photos/{sha256} and send the report again", missing);
        }
        Current current = writes.current.get(incoming.id());
        if (current == null) {
            writes.write(place, incoming, text, who.userId(), true);
            return Outcome.of(index, incoming.id(), OutcomeStatus.CREATED, incoming.revision());
        }
        if (!current.ownerId().equals(who.userId())) {
            // A copy of another user's report, as it is here (a file shared between volunteers,
            // imported then synced), changes nothing: nothing to forbid, and refusing it would
            // refuse every batch that carries it.
            Report stored = current.report();
            if (incoming.revision() == stored.revision() && withAuthor(incoming, stored.author()).equals(stored)) {
                return Outcome.of(index, incoming.id(), OutcomeStatus.UNCHANGED, stored.revision());
            }
            forbidden.add(new Problem.FieldError(index, "properties.report.id", "report " + incoming.id() + " belongs to another user"));
            return Outcome.rejected(index, incoming.id(), "forbidden", List.of());
        }
        Report stored = current.report();
        if (incoming.revision() == stored.revision() && incoming.equals(stored)) {
            return Outcome.of(index, incoming.id(), OutcomeStatus.UNCHANGED, stored.revision());
        }
        if (incoming.revision() <= stored.revision()) {
            return Outcome.conflict(index, new ReportFeature(writes.place(c, stored.placeId()), stored));
        }
        writes.write(place, incoming, text, who.userId(), false);
        return Outcome.of(index, incoming.id(), OutcomeStatus.UPDATED, incoming.revision());
    }

    /** Places first (reports refer to them), then one counter update for all the new sequence numbers. */
    private void flush(Connection c, PendingWrites writes, Principal who, Instant now) throws SQLException {
        if (writes.reports.isEmpty()) {
            return;
        }
        String receivedAt = now.toString();
        upsertPlaces(c, writes.places.values(), receivedAt);
        int count = writes.reports.size();
        long first;
        PreparedStatement counter = prepare(c, "UPDATE counters SET value = value + ? WHERE name = 'changes' RETURNING value");
        try {
            counter.setLong(1, count);
            try (ResultSet rs = counter.executeQuery()) {
                rs.next();
                first = rs.getLong(1) - count + 1;
            }
        } finally {
            release(counter);
        }
        List<NewReport> inserts = new ArrayList<>();
        PreparedStatement update = prepare(c, "UPDATE reports SET place_id = ?, revision = ?, deleted = ?, body = ?, seq = ?, received_at = ? WHERE id = ?");
        try {
            boolean anyUpdate = false;
            for (int i = 0; i < count; i++) {
                Report r = writes.reports.get(i);
                if (writes.inserts.get(i)) {
                    inserts.add(new NewReport(r, writes.texts.get(i), first + i));
                } else {
                    update.setString(1, r.placeId().value());
                    update.setInt(2, r.revision());
                    update.setInt(3, r.deleted() ? 1 : 0);
                    update.setString(4, writes.texts.get(i));
                    update.setLong(5, first + i);
                    update.setString(6, receivedAt);
                    update.setString(7, r.id().value());
                    update.addBatch();
                    anyUpdate = true;
                }
            }
            // Inserts first: a report created then changed in one batch is updated after it exists.
            if (!inserts.isEmpty()) {
                insertReports(c, inserts, who.userId(), receivedAt);
            }
            if (anyUpdate) {
                update.executeBatch();
            }
        } finally {
            release(update);
        }
    }

    /** A report a batch adds, with its JSON and the sequence number it takes in the feed. */
    protected record NewReport(Report report, String text, long seq) {
    }

    protected static final String UPSERT_PLACE_SET = "ON CONFLICT (id) DO UPDATE SET lon = excluded.lon, lat = excluded.lat, "
            + "name = excluded.name, category = excluded.category, address = excluded.address, updated_at = excluded.updated_at";

    /** Writes the last copy of each place a batch names, in one JDBC batch. */
    protected void upsertPlaces(Connection c, Collection<Place> places, String updatedAt) throws SQLException {
        PreparedStatement upsert = prepare(c, "INSERT INTO places (id, lon, lat, name, category, address, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?) " + UPSERT_PLACE_SET);
        try {
            for (Place p : places) {
                upsert.setString(1, p.id().value());
                upsert.setDouble(2, p.location().lon());
                upsert.setDouble(3, p.location().lat());
                upsert.setString(4, p.name());
                upsert.setString(5, p.category());
                upsert.setString(6, p.address());
                upsert.setString(7, updatedAt);
                upsert.addBatch();
            }
            upsert.executeBatch();
        } finally {
            release(upsert);
        }
    }

    /** Inserts the new reports of a batch, owned by {@code ownerId}, in one JDBC batch. */
    protected void insertReports(Connection c, List<NewReport> reports, String ownerId, String receivedAt) throws SQLException {
        PreparedStatement insert = prepare(c, "INSERT INTO reports (id, place_id, owner_id, revision, deleted, body, seq, received_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        try {
            for (NewReport n : reports) {
                Report r = n.report();
                insert.setString(1, r.id().value());
                insert.setString(2, r.placeId().value());
                insert.setString(3, ownerId);
                insert.setInt(4, r.revision());
                insert.setInt(5, r.deleted() ? 1 : 0);
                insert.setString(6, n.text());
                insert.setLong(7, n.seq());
                insert.setString(8, receivedAt);
                insert.addBatch();
            }
            insert.executeBatch();
        } finally {
            release(insert);
        }
    }

    private static List<String> missingPhotos(Connection c, List<String> photos) throws SQLException {
        if (photos.isEmpty()) {
            return List.of();
        }
        List<String> missing = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM photos WHERE sha256 = ?")) {
            for (String sha : photos) {
                s.setString(1, sha);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        missing.add(sha);
                    }
                }
            }
        }
        return missing;
    }

    private static Place placeOf(Connection c, PlaceId id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id, lon, lat, name, category, address FROM places WHERE id = ?")) {
            s.setString(1, id.value());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("report of place " + id + " has no place row");
                }
                return place(rs, 1);
            }
        }
    }

    private long nextSequence(Connection c) throws SQLException {
        PreparedStatement s = prepare(c, "UPDATE counters SET value = value + 1 WHERE name = 'changes' RETURNING value");
        try (ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } finally {
            release(s);
        }
    }

    // ---------------------------------------------------------------- reads

    @Override
    public ChangePage changes(long since, BoundingBox bbox, int limit) {
        StoredChanges stored = storedChanges(since, bbox, limit);
        List<ReportFeature> features = new ArrayList<>(stored.features().size());
        for (StoredFeature f : stored.features()) {
            features.add(new ReportFeature(f.place(), parseReport(f.reportText())));
        }
        return new ChangePage(features, stored.nextCursor(), stored.more());
    }

    /**
     * How many reports one pull reads at most, matching the box or not: a small box far behind the
     * head answers a short page with {@code more} set instead of holding a connection for a scan
     * of the whole table.
     */
    static final int SCAN_BUDGET = 50_000;

    /**
     * The feed is read in slices of the {@code seq} order ({@link #sliceOfReports}): on PostgreSQL
     * an inner {@code ORDER BY seq LIMIT} leaves the planner no choice but the {@code seq} index,
     * whatever its statistics say. The
     * plain join let PostgreSQL, on a table not yet analyzed after a bulk push, start from the
     * places in the box and sort all their reports: seconds per pull, and under 50 clients every
     * pooled connection was busy with such pulls until requests failed with 503. Reports of
     * places outside the box come back without a body, so the slice still says how far it read.
     */
    @Override
    public StoredChanges storedChanges(long since, BoundingBox bbox, int limit) {
        return read(c -> {
            long head;
            try (PreparedStatement s = c.prepareStatement("SELECT value FROM counters WHERE name = 'changes'");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                head = rs.getLong(1);
            }
            List<StoredFeature> features = new ArrayList<>();
            boolean world = bbox.equals(BoundingBox.WORLD);
            int slice = world ? limit : Math.max(limit, 1000);
            String sql = "SELECT p.id, p.lon, p.lat, p.name, p.category, p.address, r.seq, "
                    + (world ? "r.body" : "CASE WHEN p.lon >= ? AND p.lon <= ? AND p.lat >= ? AND p.lat <= ? THEN r.body END")
                    + ", r.hidden_by, r.id FROM " + sliceOfReports();
            long scanned = since;
            long read = 0;
            boolean full = false;
            PreparedStatement s = prepare(c, sql);
            try {
                while (!full && scanned < head && read < SCAN_BUDGET) {
                    int first = 1;
                    if (!world) {
                        bindBox(s, 1, bbox);
                        first = 5;
                    }
                    s.setLong(first, scanned);
                    s.setLong(first + 1, head);
                    s.setInt(first + 2, slice);
                    int rows = 0;
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            rows++;
                            scanned = rs.getLong(7);
                            byte[] body = storedText(rs, 8);
                            if (body == null) {
                                continue; // outside the box
                            }
                            if (rs.getString(9) != null) {
                                body = reportJson(hiddenForm(parseReport(new String(body, StandardCharsets.UTF_8))))
                                        .getBytes(StandardCharsets.UTF_8);
                            }
                            features.add(new StoredFeature(place(rs, 1), rs.getString(10), body));
                            if (features.size() == limit) {
                                full = true;
                                break;
                            }
                        }
                    }
                    read += rows;
                    if (rows < slice) {
                        break; // reached the head
                    }
                }
            } finally {
                release(s);
            }
            boolean more = scanned < head && (full || read >= SCAN_BUDGET);
            return new StoredChanges(features, more ? scanned : Math.max(head, since), more);
        });
    }

    /**
     * The reports {@code r} with {@code seq} in (?, ?], in {@code seq} order, at most ? of them,
     * each with its place {@code p}. SQLite walks the {@code seq} index and looks each place up by
     * key for this plain join; PostgreSQL overrides it (its planner may pick another plan).
     */
    protected String sliceOfReports() {
        return "reports r JOIN places p ON p.id = r.place_id WHERE r.seq > ? AND r.seq <= ? ORDER BY r.seq LIMIT ?";
    }

    @Override
    public List<PlaceRecord> places(BoundingBox bbox, int limit) {
        return places(bbox, null, limit);
    }

    @Override
    public List<PlaceRecord> places(BoundingBox bbox, PlaceId after, int limit) {
        return read(c -> {
            List<Place> places = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, lon, lat, name, category, address FROM places "
                    + "WHERE lon >= ? AND lon <= ? AND lat >= ? AND lat <= ? " + (after == null ? "" : "AND id > ? ")
                    + "ORDER BY id LIMIT ?")) {
                bindBox(s, 1, bbox);
                if (after != null) {
                    s.setString(5, after.value());
                }
                s.setInt(after == null ? 5 : 6, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        places.add(place(rs, 1));
                    }
                }
            }
            return pageWithReports(c, bbox, places);
        });
    }

    /**
     * The reports of a page of places (in id order) in one query instead of one per place: those of
     * the places in the box whose id lies between the page's first and last, which are exactly the
     * page's places. A page of 10,000 would otherwise be 10,000 round trips to PostgreSQL.
     */
    private static List<PlaceRecord> pageWithReports(Connection c, BoundingBox bbox, List<Place> places) throws SQLException {
        if (places.isEmpty()) {
            return List.of();
        }
        Map<PlaceId, List<Report>> reports = new java.util.HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT r.body FROM reports r JOIN places p ON p.id = r.place_id "
                + "WHERE p.id >= ? AND p.id <= ? AND p.lon >= ? AND p.lon <= ? AND p.lat >= ? AND p.lat <= ? "
                + "AND r.deleted = 0 AND r.hidden_by IS NULL ORDER BY r.id")) {
            s.setString(1, places.get(0).id().value());
            s.setString(2, places.get(places.size() - 1).id().value());
            bindBox(s, 3, bbox);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Report r = parseReport(rs.getString(1));
                    reports.computeIfAbsent(r.placeId(), k -> new ArrayList<>()).add(r);
                }
            }
        }
        List<PlaceRecord> result = new ArrayList<>(places.size());
        for (Place p : places) {
            result.add(new PlaceRecord(p, reports.getOrDefault(p.id(), List.of())));
        }
        return result;
    }

    @Override
    public long countPlaces(BoundingBox bbox) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM places WHERE lon >= ? AND lon <= ? AND lat >= ? AND lat <= ?")) {
                bindBox(s, 1, bbox);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public Optional<PlaceRecord> place(PlaceId id) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, lon, lat, name, category, address FROM places WHERE id = ?")) {
                s.setString(1, id.value());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(withReports(c, List.of(place(rs, 1))).get(0)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public Optional<BoundingBox> extent() {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT MIN(lon), MIN(lat), MAX(lon), MAX(lat), COUNT(*) FROM places");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(5) == 0 ? Optional.<BoundingBox>empty()
                        : Optional.of(new BoundingBox(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)));
            }
        });
    }

    /** Each place with its live, visible reports. */
    private static List<PlaceRecord> withReports(Connection c, List<Place> places) throws SQLException {
        List<PlaceRecord> result = new ArrayList<>(places.size());
        try (PreparedStatement s = c.prepareStatement(
                "SELECT body FROM reports WHERE place_id = ? AND deleted = 0 AND hidden_by IS NULL ORDER BY id")) {
            for (Place p : places) {
                s.setString(1, p.id().value());
                List<Report> reports = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        reports.add(parseReport(rs.getString(1)));
                    }
                }
                result.add(new PlaceRecord(p, reports));
            }
        }
        return result;
    }

    // ---------------------------------------------------------------- photos and moderation

    @Override
    public boolean putPhoto(StoredPhoto photo, Principal who, Instant now) {
        return inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO photos (sha256, media_type, bytes, uploaded_by, uploaded_at) "
                    + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING")) {
                s.setString(1, photo.sha256());
                s.setString(2, photo.mediaType());
                s.setBytes(3, photo.bytes());
                s.setString(4, who.userId());
                s.setString(5, now.toString());
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<StoredPhoto> photo(String sha256) {
        return read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT media_type, bytes FROM photos WHERE sha256 = ?")) {
                s.setString(1, sha256);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(new StoredPhoto(sha256, rs.getString(1), rs.getBytes(2))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean hide(ReportId id, Principal moderator, String reason, Instant now) {
        return inTransaction(c -> {
            update(c, "UPDATE counters SET value = value WHERE name = 'changes'");
            if (hiddenBy(c, id).isEmpty()) {
                return false;
            }
            // A new sequence number sends the hiding to every device through the change feed.
            long seq = nextSequence(c);
            update(c, "UPDATE reports SET hidden_by = ?, hidden_reason = ?, hidden_at = ?, seq = ? WHERE id = ?",
                    moderator.userId(), reason, now.toString(), seq, id.value());
            logModeration(c, seq, id, "hide", moderator, reason, now);
            return true;
        });
    }

    @Override
    public Unhide unhide(ReportId id, Principal moderator, String reason, Instant now) {
        return inTransaction(c -> {
            update(c, "UPDATE counters SET value = value WHERE name = 'changes'");
            Optional<Optional<String>> hidden = hiddenBy(c, id);
            if (hidden.isEmpty()) {
                return Unhide.NO_SUCH_REPORT;
            }
            if (hidden.get().isEmpty()) {
                return Unhide.NOT_HIDDEN;
            }
            // A new sequence number sends the whole report back to every device.
            long seq = nextSequence(c);
            update(c, "UPDATE reports SET hidden_by = NULL, hidden_reason = NULL, hidden_at = NULL, seq = ? WHERE id = ?", seq, id.value());
            logModeration(c, seq, id, "unhide", moderator, reason, now);
            return Unhide.UNHIDDEN;
        });
    }

    @Override
    public List<ModerationEntry> moderationLog(ReportId id) {
        return read(c -> {
            List<ModerationEntry> entries = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT m.action, u.name, m.reason, m.at, m.seq FROM moderation m "
                    + "JOIN users u ON u.id = m.moderator_id WHERE m.report_id = ? ORDER BY m.seq")) {
                s.setString(1, id.value());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new ModerationEntry(rs.getString(1), rs.getString(2), rs.getString(3), Instant.parse(rs.getString(4)), rs.getLong(5)));
                    }
                }
            }
            return entries;
        });
    }

    /** Empty when there is no such report; else who hid it, empty when it is visible. */
    private static Optional<Optional<String>> hiddenBy(Connection c, ReportId id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT hidden_by FROM reports WHERE id = ?")) {
            s.setString(1, id.value());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(Optional.ofNullable(rs.getString(1))) : Optional.empty();
            }
        }
    }

    private void logModeration(Connection c, long seq, ReportId id, String action, Principal moderator, String reason, Instant now)
            throws SQLException {
        update(c, "INSERT INTO moderation (seq, report_id, action, moderator_id, reason, at) VALUES (?, ?, ?, ?, ?, ?)",
                seq, id.value(), action, moderator.userId(), reason, now.toString());
    }

    @Override
    public void ping() {
        read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT value FROM counters WHERE name = 'changes'");
                 ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        });
    }

    @Override
    public ServerCampaigns campaigns() {
        return new JdbcServerCampaigns(this);
    }

    // ---------------------------------------------------------------- helpers

    /** A hidden report reaches devices as a tombstone of the same revision: gone from maps, still on the server. */
    private static Report hiddenForm(Report r) {
        return new Report(r.id(), r.placeId(), r.author(), r.surveyedAt(), r.revision(), null, null,
                null, null, null, null, Map.of(), List.of(), List.of(), true);
    }

    /** The report as the server keeps it: the author is the pushing user's pseudonym, whatever the client wrote. */
    static Report withAuthor(Report r, String author) {
        if (r.author().equals(author)) {
            return r;
        }
        return new Report(r.id(), r.placeId(), author, r.surveyedAt(), r.revision(), r.wheelchair(), r.toiletsWheelchair(),
                r.entrance(), r.toilet(), r.parking(), r.path(), r.descriptions(), r.photos(), r.experiences(), r.deleted());
    }

    private static Place place(ResultSet rs, int first) throws SQLException {
        return new Place(new PlaceId(rs.getString(first)), new GeoPoint(rs.getDouble(first + 2), rs.getDouble(first + 1)),
                rs.getString(first + 3), rs.getString(first + 4), rs.getString(first + 5));
    }

    private static void bindBox(PreparedStatement s, int first, BoundingBox b) throws SQLException {
        s.setDouble(first, b.minLon());
        s.setDouble(first + 1, b.maxLon());
        s.setDouble(first + 2, b.minLat());
        s.setDouble(first + 3, b.maxLat());
    }

    private static Report parseReport(String json) {
        try {
            return ReportJson.parse(json, "");
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("a stored report is not valid JSON", e.getCause());
        }
    }

    /**
     * The JSON of many reports through one generator: creating a generator per report was a third
     * of the cost of writing a batch's reports.
     */
    private static final class ReportTexts {
        private final StringBuilder text = new StringBuilder(1024);
        private final JsonGenerator generator;

        ReportTexts() {
            try {
                generator = Json.FACTORY.createGenerator(new Writer() {
                    @Override
                    public void write(char[] chars, int off, int len) {
                        text.append(chars, off, len);
                    }

                    @Override
                    public void flush() {
                    }

                    @Override
                    public void close() {
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            generator.setRootValueSeparator(null);
        }

        String of(Report r) {
            try {
                ReportJson.write(generator, r);
                generator.flush();
                String json = text.toString();
                text.setLength(0);
                return json;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String reportJson(Report r) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            ReportJson.write(g, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * A text column in UTF-8, null for SQL NULL. The change feed copies report bodies into pages
     * as bytes; a store whose driver hands out a text's bytes as they are skips decoding them.
     */
    protected byte[] storedText(ResultSet rs, int column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A statement for {@code sql}; subclasses may hand out a cached one (preparing is a large
     * part of a small write on SQLite). Every statement from here goes back through {@link #release}.
     */
    protected PreparedStatement prepare(Connection c, String sql) throws SQLException {
        return c.prepareStatement(sql);
    }

    protected void release(PreparedStatement s) throws SQLException {
        s.close();
    }

    int update(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement s = prepare(c, sql);
        try {
            for (int i = 0; i < args.length; i++) {
                if (args[i] == null) {
                    s.setNull(i + 1, java.sql.Types.VARCHAR);
                } else {
                    s.setObject(i + 1, args[i]);
                }
            }
            return s.executeUpdate();
        } finally {
            release(s);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
