package org.seuil.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Report;
import org.seuil.store.SyncConflict;
import org.seuil.store.SyncState;

/** The {@code sync_state} and {@code sync_conflicts} tables, and applying pulled changes. */
final class SyncTables {
    private final Session session;

    SyncTables(Session session) {
        this.session = session;
    }

    void addConflict(SyncConflict c) throws SQLException {
        PreparedStatement insert = session.prepare("INSERT INTO sync_conflicts (report_id, mine, theirs, reason, detected_at)"
                + " VALUES (?, ?, ?, ?, ?)");
        insert.setString(1, c.mine().id().value());
        insert.setString(2, Codecs.reportBody(c.mine()));
        insert.setString(3, c.theirs() == null ? null : Codecs.reportBody(c.theirs()));
        insert.setString(4, c.reason());
        insert.setLong(5, c.detectedAt().toEpochMilli());
        insert.executeUpdate();
    }

    List<SyncConflict> conflicts() throws SQLException {
        PreparedStatement select = session.prepare("SELECT report_id, mine, theirs, reason, detected_at FROM sync_conflicts ORDER BY seq");
        List<SyncConflict> result = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String id = rows.getString(1);
                String theirs = rows.getString(3);
                result.add(new SyncConflict(Codecs.report(rows.getString(2), id), theirs == null ? null : Codecs.report(theirs, id),
                        rows.getString(4), Instant.ofEpochMilli(rows.getLong(5))));
            }
        }
        return result;
    }

    /** The latest conflict kept for the report, if any (a report can conflict again before being settled). */
    Optional<SyncConflict> latestConflict(String reportId) throws SQLException {
        PreparedStatement select = session.prepare("SELECT mine, theirs, reason, detected_at FROM sync_conflicts"
                + " WHERE report_id = ? ORDER BY seq DESC LIMIT 1");
        select.setString(1, reportId);
        try (ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            String theirs = rows.getString(2);
            return Optional.of(new SyncConflict(Codecs.report(rows.getString(1), reportId),
                    theirs == null ? null : Codecs.report(theirs, reportId), rows.getString(3), Instant.ofEpochMilli(rows.getLong(4))));
        }
    }

    void removeConflicts(String reportId) throws SQLException {
        PreparedStatement delete = session.prepare("DELETE FROM sync_conflicts WHERE report_id = ?");
        delete.setString(1, reportId);
        delete.executeUpdate();
    }

    SyncState state(String server) throws SQLException {
        PreparedStatement select = session.prepare("SELECT cursor, last_success FROM sync_state WHERE server = ?");
        select.setString(1, server);
        try (ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                return SyncState.never(server);
            }
            long last = rows.getLong(2);
            return new SyncState(server, rows.getLong(1), rows.wasNull() ? null : Instant.ofEpochMilli(last));
        }
    }

    void setCursor(String server, long cursor) throws SQLException {
        PreparedStatement upsert = session.prepare("INSERT INTO sync_state (server, cursor) VALUES (?, ?)"
                + " ON CONFLICT (server) DO UPDATE SET cursor = excluded.cursor");
        upsert.setString(1, server);
        upsert.setLong(2, cursor);
        upsert.executeUpdate();
    }

    void setLastSuccess(String server, Instant at) throws SQLException {
        PreparedStatement upsert = session.prepare("INSERT INTO sync_state (server, cursor, last_success) VALUES (?, 0, ?)"
                + " ON CONFLICT (server) DO UPDATE SET last_success = excluded.last_success");
        upsert.setString(1, server);
        upsert.setLong(2, at.toEpochMilli());
        upsert.executeUpdate();
    }

    /**
     * Writes pulled places and reports as the server has them, without outbox rows, then
     * re-derives the accessibility of every place touched.
     */
    void applyPulled(List<PlaceRecord> changes) throws SQLException {
        PlaceTable places = new PlaceTable(session);
        ReportTable reports = new ReportTable(session);
        Set<String> pending = pendingReportIds();
        Set<PlaceId> touched = new HashSet<>();
        for (PlaceRecord change : changes) {
            Place place = change.place();
            Optional<PlaceTable.Stored> stored = places.find(place.id());
            if (stored.isEmpty()) {
                places.insertIfAbsent(place, PlaceTable.Derived.NONE);
            } else if (!stored.get().place().equals(place)) {
                places.update(stored.get(), place);
            }
            touched.add(place.id());
            for (Report report : change.reports()) {
                if (pending.contains(report.id().value())) {
                    continue;
                }
                Optional<ReportTable.Stored> current = reports.find(report.id());
                String body = Codecs.reportBody(report);
                if (current.isEmpty()) {
                    reports.insertIfAbsent(report, body);
                } else if (!current.get().body().equals(body)) {
                    touched.add(current.get().placeId());
                    reports.replace(report, body);
                }
            }
        }
        for (PlaceId id : touched) {
            Optional<PlaceTable.Stored> stored = places.find(id);
            if (stored.isPresent()) {
                places.setDerived(stored.get().pk(), PlaceTable.Derived.of(reports.ofPlace(id)));
            }
        }
    }

    private Set<String> pendingReportIds() throws SQLException {
        PreparedStatement select = session.prepare("SELECT entity_id FROM outbox WHERE synced_at IS NULL AND kind = 'report'");
        Set<String> ids = new HashSet<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
