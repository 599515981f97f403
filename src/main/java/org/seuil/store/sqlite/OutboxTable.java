package org.seuil.store.sqlite;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.seuil.formats.json.Json;
import org.seuil.store.OutboxEntry;

/** The {@code outbox} table: one row per local change, written in the change's own transaction. */
final class OutboxTable {
    static final String PLACE = "place";
    static final String REPORT = "report";

    private final Session session;

    OutboxTable(Session session) {
        this.session = session;
    }

    private static final String INSERT = "INSERT INTO outbox (kind, entity_id, created_at) VALUES (?, ?, ?)";

    void add(String kind, String entityId) throws SQLException {
        PreparedStatement insert = session.prepare(INSERT);
        insert.setString(1, kind);
        insert.setString(2, entityId);
        insert.setLong(3, System.currentTimeMillis());
        insert.executeUpdate();
    }

    /**
     * Adds rows in list order with one statement, its rows taken from a JSON array: one statement
     * per batch rather than per row also updates the AUTOINCREMENT counter once, not per row.
     * Kinds and entity ids are parallel lists.
     */
    void addAll(List<String> kinds, List<String> entityIds) throws SQLException {
        if (kinds.isEmpty()) {
            return;
        }
        StringWriter json = new StringWriter(32 * kinds.size());
        try (JsonGenerator out = Json.FACTORY.createGenerator(json)) {
            out.writeStartArray();
            for (int i = 0; i < kinds.size(); i++) {
                out.writeStartArray();
                out.writeString(kinds.get(i));
                out.writeString(entityIds.get(i));
                out.writeEndArray();
            }
            out.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The array is [[kind, entity id], ...]; rows go in in its order.
        PreparedStatement insert = session.prepare("INSERT INTO outbox (kind, entity_id, created_at)"
                + " SELECT value ->> 0, value ->> 1, ?1 FROM json_each(?2) ORDER BY key");
        insert.setLong(1, System.currentTimeMillis());
        insert.setString(2, json.toString());
        insert.executeUpdate();
    }

    /** The index of unsynced rows, left out while a bulk import appends (see {@link DroppedIndex}). */
    DroppedIndex dropPendingIndex() throws SQLException {
        return DroppedIndex.drop(session, "outbox_pending");
    }

    long pending() throws SQLException {
        return session.queryLong("SELECT count(*) FROM outbox WHERE synced_at IS NULL");
    }

    List<OutboxEntry> oldest(int limit) throws SQLException {
        PreparedStatement select = session.prepare("SELECT seq, kind, entity_id, created_at FROM outbox"
                + " WHERE synced_at IS NULL ORDER BY seq LIMIT ?");
        select.setInt(1, limit);
        List<OutboxEntry> entries = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                entries.add(new OutboxEntry(rows.getLong(1), rows.getString(2), rows.getString(3), Instant.ofEpochMilli(rows.getLong(4))));
            }
        }
        return entries;
    }

    /** Marks the pending changes of one entity as synced: they are not to be sent any more. */
    void dropPending(String kind, String entityId) throws SQLException {
        PreparedStatement update = session.prepare("UPDATE outbox SET synced_at = ? WHERE kind = ? AND entity_id = ? AND synced_at IS NULL");
        update.setLong(1, System.currentTimeMillis());
        update.setString(2, kind);
        update.setString(3, entityId);
        update.executeUpdate();
    }

    void markSynced(List<Long> sequences) throws SQLException {
        PreparedStatement update = session.prepare("UPDATE outbox SET synced_at = ? WHERE seq = ? AND synced_at IS NULL");
        long now = System.currentTimeMillis();
        for (Long sequence : sequences) {
            update.setLong(1, now);
            update.setLong(2, sequence);
            update.executeUpdate();
        }
    }
}
