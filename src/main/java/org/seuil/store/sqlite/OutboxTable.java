package org.seuil.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /** Adds rows in one JDBC batch, in list order; kinds and entity ids are parallel lists. */
    void addAll(List<String> kinds, List<String> entityIds) throws SQLException {
        if (kinds.isEmpty()) {
            return;
        }
        PreparedStatement insert = session.prepare(INSERT);
        insert.clearBatch();
        long now = System.currentTimeMillis();
        for (int i = 0; i < kinds.size(); i++) {
            insert.setString(1, kinds.get(i));
            insert.setString(2, entityIds.get(i));
            insert.setLong(3, now);
            insert.addBatch();
        }
        insert.executeBatch();
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
