package org.seuil.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;

/** The {@code reports} table: each report's canonical JSON plus the columns it is found by. */
final class ReportTable {
    /** A report as stored: its body is compared as text, since the JSON form is canonical. */
    record Stored(ReportId id, PlaceId placeId, String author, int revision, String body) {
        Report report() {
            return Codecs.report(body, id.value());
        }
    }

    /** Oldest survey first, ties by id, as {@link org.seuil.domain.PlaceAccessibility} orders them. */
    static final Comparator<Report> HISTORY = Comparator.comparing(Report::surveyedAt).thenComparing(r -> r.id().value());

    private static final String PLACE_INDEX = "reports_by_place";

    private final Session session;

    ReportTable(Session session) {
        this.session = session;
    }

    /** Drops the by-place index for a bulk import into an empty table (see {@link DroppedIndex}). */
    DroppedIndex dropPlaceIndex() throws SQLException {
        return DroppedIndex.drop(session, PLACE_INDEX);
    }

    private static final String INSERT = "INSERT INTO reports (place_id, author, surveyed_at, revision, deleted, body, id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";

    boolean insertIfAbsent(Report report, String body) throws SQLException {
        PreparedStatement insert = session.prepare(INSERT);
        bind(insert, report, body);
        return insert.executeUpdate() == 1;
    }

    /** Inserts the reports whose ids are free in one JDBC batch; returns the first one found taken, if any. */
    Optional<Report> insertAllIfAbsent(List<Report> all, List<String> bodies) throws SQLException {
        PreparedStatement insert = session.prepare(INSERT);
        insert.clearBatch();
        for (int i = 0; i < all.size(); i++) {
            bind(insert, all.get(i), bodies.get(i));
            insert.addBatch();
        }
        int[] changes = insert.executeBatch();
        for (int i = 0; i < all.size(); i++) {
            if (changes[i] != 1) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    void replace(Report report, String body) throws SQLException {
        PreparedStatement update = session.prepare("UPDATE reports SET place_id = ?, author = ?, surveyed_at = ?, revision = ?,"
                + " deleted = ?, body = ? WHERE id = ?");
        bind(update, report, body);
        update.executeUpdate();
    }

    void delete(ReportId id) throws SQLException {
        PreparedStatement delete = session.prepare("DELETE FROM reports WHERE id = ?");
        delete.setString(1, id.value());
        delete.executeUpdate();
    }

    Optional<Stored> find(ReportId id) throws SQLException {
        PreparedStatement select = session.prepare("SELECT place_id, author, revision, body FROM reports WHERE id = ?");
        select.setString(1, id.value());
        try (ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            return Optional.of(new Stored(id, new PlaceId(rows.getString(1)), rows.getString(2), rows.getInt(3), rows.getString(4)));
        }
    }

    /** Every report of the place, tombstones included, oldest survey first. */
    List<Report> ofPlace(PlaceId place) throws SQLException {
        PreparedStatement select = session.prepare("SELECT id, body FROM reports WHERE place_id = ? ORDER BY surveyed_at, id");
        select.setString(1, place.value());
        List<Report> reports = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                reports.add(Codecs.report(rows.getString(2), rows.getString(1)));
            }
        }
        return reports;
    }

    private static void bind(PreparedStatement statement, Report report, String body) throws SQLException {
        statement.setString(1, report.placeId().value());
        statement.setString(2, report.author());
        statement.setLong(3, Codecs.nanos(report.surveyedAt()));
        statement.setInt(4, report.revision());
        statement.setInt(5, report.deleted() ? 1 : 0);
        statement.setString(6, body);
        statement.setString(7, report.id().value());
    }
}
