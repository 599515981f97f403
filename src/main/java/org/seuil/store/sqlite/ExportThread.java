package org.seuil.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.seuil.domain.Accessibility;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;

/**
 * Reads the places of an export with their reports (one query, places joined with their reports,
 * so no statement per place) on a second thread, while the caller's thread hands the previous
 * records to the sink (which encodes and writes them): on two cores an export goes about as fast
 * as the slower of the two halves. The session's read transaction must be open; the thread is
 * finished when {@link BatchPipe#close()} returns, so the session is free again.
 */
final class ExportThread {
    private ExportThread() {
    }

    /**
     * Reads the places the filter selects, with their reports, on a second thread; {@code convert}
     * also runs there (parsing the reports, when the caller wants records).
     */
    static <T> BatchPipe<T> start(Session session, FilterSql sql, Function<EncodedPlace, T> convert) {
        return BatchPipe.start("export", sink -> {
            // Reports in the order ReportTable.ofPlace gives them: oldest survey first, ties by id.
            PreparedStatement select = session.prepare("SELECT p.id, p.lat, p.lon, p.name, p.category, p.address,"
                    + " p.wheelchair, p.toilets, p.last_surveyed, r.body FROM "
                    + sql.from() + " LEFT JOIN reports r ON r.place_id = p.id WHERE " + sql.where()
                    + " ORDER BY p.id, r.surveyed_at, r.id");
            sql.bind(select);
            try (ResultSet rows = select.executeQuery()) {
                boolean more = rows.next();
                while (more && !sink.cancelled()) {
                    String id = rows.getString(1);
                    Place place = new Place(new PlaceId(id), new GeoPoint(rows.getDouble(2), rows.getDouble(3)),
                            rows.getString(4), rows.getString(5), rows.getString(6));
                    Accessibility wheelchair = Accessibility.fromOsm("wheelchair", rows.getString(7));
                    Accessibility toilets = Accessibility.fromOsm("toilets:wheelchair", rows.getString(8));
                    long lastSurveyed = rows.getLong(9);
                    boolean surveyed = !rows.wasNull();
                    List<String> reports = new ArrayList<>(2);
                    do {
                        String body = rows.getString(10);
                        if (body != null) {
                            reports.add(body);
                        }
                        more = rows.next();
                    } while (more && id.equals(rows.getString(1)));
                    sink.add(convert.apply(new EncodedPlace(place, wheelchair, toilets,
                            surveyed ? Codecs.instant(lastSurveyed) : null, reports)));
                }
            }
        });
    }
}
