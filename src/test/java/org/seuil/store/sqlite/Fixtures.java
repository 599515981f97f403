package org.seuil.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Entrance;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;

/** Small builders for the store tests, and raw SQL on a store file to check what it holds. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private Fixtures() {
    }

    static Place place(long osmNode, double lat, double lon, String name, String category) {
        return new Place(PlaceId.osm("node", osmNode), new GeoPoint(lat, lon), name, category, null);
    }

    static Report osmReport(Place place, Accessibility wheelchair, Instant at) {
        return new Report(ReportId.fromOsm(place.id()), place.id(), Report.OSM_AUTHOR, at, 1, wheelchair, null,
                null, null, null, null, Map.of(), List.of(), List.of(), false);
    }

    static PlaceRecord osmRecord(Place place, Accessibility wheelchair) {
        return new PlaceRecord(place, List.of(osmReport(place, wheelchair, T0)));
    }

    static Report personReport(Place place, String author, Instant at, Accessibility wheelchair, Integer steps) {
        return new Report(ReportId.generate(), place.id(), author, at, 1, wheelchair, null,
                steps == null ? null : new Entrance(steps, null, null, null, null, null), null, null, null,
                Map.of(), List.of(), List.of(), false);
    }

    static String sqlText(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    static void sqlUpdate(Path file, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
