package org.seuil.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.seuil.domain.Accessibility;
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

    /**
     * The derived columns of a place, computed from all its reports. The summary columns are
     * computed once here, which an import does on its encoding thread, not its writing thread.
     */
    record Derived(Accessibility wheelchair, Accessibility toilets, Instant lastSurveyed, int liveReports, String json) {
        static final Derived NONE = of(PlaceAccessibility.NONE, 0);

        static Derived of(Collection<Report> reports) {
            int live = 0;
            for (Report report : reports) {
                if (!report.deleted()) {
                    live++;
                }
            }
            return of(PlaceAccessibility.derive(reports), live);
        }

        private static Derived of(PlaceAccessibility accessibility, int liveReports) {
            return new Derived(accessibility.wheelchair(), accessibility.toiletsWheelchair(), accessibility.lastSurveyed(),
                    liveReports, Codecs.accessibility(accessibility));
        }
    }

    private final Session session;
    private boolean bulk;
    /** In bulk mode, the indexes being built beside the rows; null once a row was changed. */
    private SideIndexes side;
    private long nextPk = -1;

    PlaceTable(Session session) {
        this.session = session;
    }

    boolean isEmpty() throws SQLException {
        return session.queryLong("SELECT NOT EXISTS (SELECT 1 FROM places)") == 1;
    }

    /**
     * Leaves the indexes to {@link #buildIndexes()}, which copies them from {@link SideIndexes}
     * built meanwhile; only for a store that was empty.
     */
    void startBulk() throws SQLException {
        bulk = true;
        side = SideIndexes.start(session);
    }

    void buildIndexes() throws SQLException {
        boolean copied = side != null && side.copyInto(session);
        if (!copied) {
            buildIndexesInPlace();
        }
        bulk = false;
        side = null;
    }

    /** Packs the R*Tree from the rows and has FTS5 read them all. */
    private void buildIndexesInPlace() throws SQLException {
        int n = (int) session.queryLong("SELECT count(*) FROM places");
        long[] pks = new long[n];
        double[] lons = new double[n];
        double[] lats = new double[n];
        int count = 0;
        PreparedStatement select = session.prepare("SELECT pk, lon, lat FROM places");
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next() && count < n) {
                pks[count] = rows.getLong(1);
                lons[count] = rows.getDouble(2);
                lats[count] = rows.getDouble(3);
                count++;
            }
        }
        PackedRtree.build(session, "place_index", pks, lons, lats, count);
        session.execute("INSERT INTO place_names(place_names) VALUES ('rebuild')");
    }

    /** Stops the side indexes: {@link #buildIndexes()} then builds the indexes in place. */
    private void abandonSide() {
        if (side != null) {
            side.close();
            side = null;
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

    private static final String INSERT = "INSERT INTO places (pk, id, lat, lon, name, category, category_key, address,"
            + " wheelchair, toilets, last_surveyed, report_count, accessibility) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (id) DO NOTHING";

    /** Inserts the place unless one with its id exists; returns whether it did. */
    boolean insertIfAbsent(Place place, Derived derived) throws SQLException {
        PreparedStatement insert = session.prepare(INSERT);
        long pk = nextPk();
        bindInsert(insert, pk, place, derived);
        if (insert.executeUpdate() == 0) {
            return false;
        }
        nextPk++;
        inserted(pk, place);
        return true;
    }

    /**
     * Inserts the places whose ids are free in one JDBC batch (a quarter cheaper per row than one
     * by one); returns for each whether it was inserted. Places found taken leave unused keys.
     */
    boolean[] insertAllIfAbsent(List<Place> all, List<Derived> derived) throws SQLException {
        PreparedStatement insert = session.prepare(INSERT);
        insert.clearBatch();
        long first = nextPk();
        for (int i = 0; i < all.size(); i++) {
            bindInsert(insert, first + i, all.get(i), derived.get(i));
            insert.addBatch();
        }
        int[] changes = insert.executeBatch();
        nextPk = first + all.size();
        boolean[] done = new boolean[all.size()];
        for (int i = 0; i < all.size(); i++) {
            done[i] = changes[i] == 1;
            if (done[i]) {
                inserted(first + i, all.get(i));
            }
        }
        if (side != null) {
            side.flush();
        }
        return done;
    }

    private long nextPk() throws SQLException {
        if (nextPk < 0) {
            nextPk = session.queryLong("SELECT coalesce(max(pk), 0) + 1 FROM places");
        }
        return nextPk;
    }

    private void bindInsert(PreparedStatement insert, long pk, Place place, Derived derived) throws SQLException {
        insert.setLong(1, pk);
        insert.setString(2, place.id().value());
        bindFields(insert, 3, place);
        bindDerived(insert, 9, derived);
    }

    private void inserted(long pk, Place place) throws SQLException {
        if (!bulk) {
            index(pk, place);
        } else if (side != null) {
            side.add(pk, place);
        }
    }

    /** Writes the place's own fields (not the derived ones) over the stored row. */
    void update(Stored stored, Place place) throws SQLException {
        PreparedStatement update = session.prepare("UPDATE places SET lat = ?, lon = ?, name = ?, category = ?,"
                + " category_key = ?, address = ? WHERE pk = ?");
        bindFields(update, 1, place);
        update.setLong(7, stored.pk());
        update.executeUpdate();
        if (bulk) {
            // The place was inserted earlier in this import: what the side indexes have is stale.
            abandonSide();
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
        statement.setString(first, derived.wheelchair().osm());
        statement.setString(first + 1, derived.toilets().osm());
        if (derived.lastSurveyed() == null) {
            statement.setNull(first + 2, Types.INTEGER);
        } else {
            statement.setLong(first + 2, Codecs.nanos(derived.lastSurveyed()));
        }
        statement.setInt(first + 3, derived.liveReports());
        statement.setString(first + 4, derived.json());
    }
}
