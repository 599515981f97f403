package org.seuil.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceAccessibility;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Report;
import org.seuil.store.PlaceView;

/**
 * The {@code places} table with its spatial index and name index, which this class keeps in step.
 * In bulk mode (an import into an empty store) the two indexes are left alone row by row and built
 * once at the end, which is several times faster than inserting into them a row at a time.
 */
final class PlaceTable {
    /** The columns {@link #view(ResultSet)} reads, for queries over {@code places p}. */
    static final String VIEW_COLUMNS = "p.id, p.lat, p.lon, p.name, p.category, p.address, p.report_count, p.accessibility";

    /** A place as stored, with its row key. */
    record Stored(long pk, Place place) {
    }

    /** The derived columns of a place, computed from all its reports. */
    record Derived(PlaceAccessibility accessibility, int liveReports, String json) {
        static final Derived NONE = new Derived(PlaceAccessibility.NONE, 0, "{}");

        static Derived of(Collection<Report> reports) {
            PlaceAccessibility accessibility = PlaceAccessibility.derive(reports);
            int live = 0;
            for (Report report : reports) {
                if (!report.deleted()) {
                    live++;
                }
            }
            return new Derived(accessibility, live, Codecs.accessibility(accessibility));
        }
    }

    private final Session session;
    private boolean bulk;
    /** In bulk mode, the points inserted so far, for the R*Tree; null once a row was moved. */
    private long[] bulkPks;
    private double[] bulkLons;
    private double[] bulkLats;
    private int bulkCount;
    private long nextPk = -1;

    PlaceTable(Session session) {
        this.session = session;
    }

    boolean isEmpty() throws SQLException {
        return session.queryLong("SELECT NOT EXISTS (SELECT 1 FROM places)") == 1;
    }

    /** Leaves the indexes to {@link #buildIndexes()}; only for a store that was empty. */
    void startBulk() {
        bulk = true;
        bulkPks = new long[1024];
        bulkLons = new double[1024];
        bulkLats = new double[1024];
        bulkCount = 0;
    }

    void buildIndexes() throws SQLException {
        if (bulkPks == null) {
            readBulkPoints();
        }
        PackedRtree.build(session, "place_index", bulkPks, bulkLons, bulkLats, bulkCount);
        session.execute("INSERT INTO place_names(place_names) VALUES ('rebuild')");
        bulk = false;
        bulkPks = null;
        bulkLons = null;
        bulkLats = null;
    }

    private void addBulkPoint(long pk, GeoPoint at) {
        if (bulkCount == bulkPks.length) {
            int size = bulkCount * 2;
            bulkPks = Arrays.copyOf(bulkPks, size);
            bulkLons = Arrays.copyOf(bulkLons, size);
            bulkLats = Arrays.copyOf(bulkLats, size);
        }
        bulkPks[bulkCount] = pk;
        bulkLons[bulkCount] = at.lon();
        bulkLats[bulkCount] = at.lat();
        bulkCount++;
    }

    private void readBulkPoints() throws SQLException {
        int n = (int) session.queryLong("SELECT count(*) FROM places");
        bulkPks = new long[n];
        bulkLons = new double[n];
        bulkLats = new double[n];
        bulkCount = 0;
        PreparedStatement select = session.prepare("SELECT pk, lon, lat FROM places");
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next() && bulkCount < n) {
                bulkPks[bulkCount] = rows.getLong(1);
                bulkLons[bulkCount] = rows.getDouble(2);
                bulkLats[bulkCount] = rows.getDouble(3);
                bulkCount++;
            }
        }
    }

    static PlaceView view(ResultSet rows) throws SQLException {
        String id = rows.getString(1);
        Place place = new Place(new PlaceId(id), new GeoPoint(rows.getDouble(2), rows.getDouble(3)),
                rows.getString(4), rows.getString(5), rows.getString(6));
        return new PlaceView(place, Codecs.accessibility(rows.getString(8), id), rows.getInt(7));
    }

    Optional<PlaceView> view(PlaceId id) throws SQLException {
        PreparedStatement select = session.prepare("SELECT " + VIEW_COLUMNS + " FROM places p WHERE p.id = ?");
        select.setString(1, id.value());
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(view(rows)) : Optional.empty();
        }
    }

    Optional<Stored> find(PlaceId id) throws SQLException {
        PreparedStatement select = session.prepare("SELECT pk, lat, lon, name, category, address FROM places WHERE id = ?");
        select.setString(1, id.value());
        try (ResultSet rows = select.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            return Optional.of(new Stored(rows.getLong(1), new Place(id, new GeoPoint(rows.getDouble(2), rows.getDouble(3)),
                    rows.getString(4), rows.getString(5), rows.getString(6))));
        }
    }

    /** Inserts the place unless one with its id exists; returns whether it did. */
    boolean insertIfAbsent(Place place, Derived derived) throws SQLException {
        if (nextPk < 0) {
            nextPk = session.queryLong("SELECT coalesce(max(pk), 0) + 1 FROM places");
        }
        PreparedStatement insert = session.prepare("INSERT INTO places (pk, id, lat, lon, name, category, category_key, address,"
                + " wheelchair, toilets, last_surveyed, report_count, accessibility) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (id) DO NOTHING");
        long pk = nextPk;
        insert.setLong(1, pk);
        insert.setString(2, place.id().value());
        bindFields(insert, 3, place);
        bindDerived(insert, 9, derived);
        if (insert.executeUpdate() == 0) {
            return false;
        }
        nextPk++;
        if (!bulk) {
            index(pk, place);
        } else if (bulkPks != null) {
            addBulkPoint(pk, place.location());
        }
        return true;
    }

    /** Writes the place's own fields (not the derived ones) over the stored row. */
    void update(Stored stored, Place place) throws SQLException {
        PreparedStatement update = session.prepare("UPDATE places SET lat = ?, lon = ?, name = ?, category = ?,"
                + " category_key = ?, address = ? WHERE pk = ?");
        bindFields(update, 1, place);
        update.setLong(7, stored.pk());
        update.executeUpdate();
        if (bulk) {
            // The place was inserted earlier in this import: its point is stale, read them back.
            bulkPks = null;
        } else {
            unindexName(stored.pk(), stored.place());
            PreparedStatement move = session.prepare("UPDATE place_index SET min_lon = ?, max_lon = ?, min_lat = ?, max_lat = ? WHERE pk = ?");
            GeoPoint at = place.location();
            move.setDouble(1, at.lon());
            move.setDouble(2, at.lon());
            move.setDouble(3, at.lat());
            move.setDouble(4, at.lat());
            move.setLong(5, stored.pk());
            move.executeUpdate();
            indexName(stored.pk(), place);
        }
    }

    void setDerived(long pk, Derived derived) throws SQLException {
        PreparedStatement update = session.prepare("UPDATE places SET wheelchair = ?, toilets = ?, last_surveyed = ?,"
                + " report_count = ?, accessibility = ? WHERE pk = ?");
        bindDerived(update, 1, derived);
        update.setLong(6, pk);
        update.executeUpdate();
    }

    private void index(long pk, Place place) throws SQLException {
        PreparedStatement insert = session.prepare("INSERT INTO place_index (pk, min_lon, max_lon, min_lat, max_lat) VALUES (?, ?, ?, ?, ?)");
        insert.setLong(1, pk);
        insert.setDouble(2, place.location().lon());
        insert.setDouble(3, place.location().lon());
        insert.setDouble(4, place.location().lat());
        insert.setDouble(5, place.location().lat());
        insert.executeUpdate();
        indexName(pk, place);
    }

    private void indexName(long pk, Place place) throws SQLException {
        PreparedStatement insert = session.prepare("INSERT INTO place_names (rowid, name, address) VALUES (?, ?, ?)");
        insert.setLong(1, pk);
        insert.setString(2, place.name());
        insert.setString(3, place.address());
        insert.executeUpdate();
    }

    /** An external-content FTS5 index forgets a row only when told the exact values it indexed. */
    private void unindexName(long pk, Place old) throws SQLException {
        PreparedStatement delete = session.prepare("INSERT INTO place_names (place_names, rowid, name, address)"
                + " VALUES ('delete', ?, ?, ?)");
        delete.setLong(1, pk);
        delete.setString(2, old.name());
        delete.setString(3, old.address());
        delete.executeUpdate();
    }

    private static void bindFields(PreparedStatement statement, int first, Place place) throws SQLException {
        statement.setDouble(first, place.location().lat());
        statement.setDouble(first + 1, place.location().lon());
        statement.setString(first + 2, place.name());
        statement.setString(first + 3, place.category());
        String category = place.category();
        statement.setString(first + 4, category == null ? null : category.substring(0, category.indexOf('=')));
        statement.setString(first + 5, place.address());
    }

    private static void bindDerived(PreparedStatement statement, int first, Derived derived) throws SQLException {
        PlaceAccessibility accessibility = derived.accessibility();
        statement.setString(first, accessibility.wheelchair().osm());
        statement.setString(first + 1, accessibility.toiletsWheelchair().osm());
        if (accessibility.lastSurveyed() == null) {
            statement.setNull(first + 2, Types.INTEGER);
        } else {
            statement.setLong(first + 2, Codecs.nanos(accessibility.lastSurveyed()));
        }
        statement.setInt(first + 3, derived.liveReports());
        statement.setString(first + 4, derived.json());
    }
}
