package org.seuil.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;
import org.seuil.store.PlaceFilter;

/**
 * A {@link PlaceFilter} as SQL over {@code places p}: the box goes through the R*Tree (which keeps
 * rounded 32-bit floats, so the exact coordinates are checked too), the rest through plain columns.
 * An area (polygon) narrows the box to its envelope, then {@link AreaFunction} tests each point
 * the box lets through.
 */
record FilterSql(String from, String where, List<Object> parameters, Geometry area) {

    static FilterSql of(PlaceFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        String from = "places p";
        BoundingBox box = filter.searchBox();
        if (box == null) {
            // The box and the area do not overlap: nothing passes, and no index is needed to say so.
            return new FilterSql(from, "0", List.of(), null);
        }
        if (!box.equals(BoundingBox.WORLD)) {
            // CROSS JOIN keeps the index as the outer loop: the planner must not scan places first.
            from = "place_index i CROSS JOIN places p ON p.pk = i.pk";
            conditions.add("i.max_lon >= ? AND i.min_lon <= ? AND i.max_lat >= ? AND i.min_lat <= ?"
                    + " AND p.lon BETWEEN ? AND ? AND p.lat BETWEEN ? AND ?");
            Collections.addAll(parameters, box.minLon(), box.maxLon(), box.minLat(), box.maxLat(),
                    box.minLon(), box.maxLon(), box.minLat(), box.maxLat());
        }
        if (!filter.wheelchair().isEmpty()) {
            List<Accessibility> grades = new ArrayList<>(filter.wheelchair());
            conditions.add("p.wheelchair IN (" + marks(grades.size()) + ")");
            grades.forEach(g -> parameters.add(g.osm()));
        }
        if (!filter.categories().isEmpty()) {
            List<String> full = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (String category : filter.categories()) {
                (category.contains("=") ? full : keys).add(category);
            }
            conditions.add("(p.category IN (" + marks(full.size()) + ") OR p.category_key IN (" + marks(keys.size()) + "))");
            parameters.addAll(full);
            parameters.addAll(keys);
        }
        if (!filter.toilets().isEmpty()) {
            List<Accessibility> grades = new ArrayList<>(filter.toilets());
            conditions.add("p.toilets IN (" + marks(grades.size()) + ")");
            grades.forEach(g -> parameters.add(g.osm()));
        }
        if (filter.surveyedSince() != null) {
            conditions.add("p.last_surveyed >= ?");
            parameters.add(Codecs.nanos(filter.surveyedSince()));
        }
        if (filter.surveyedUntil() != null) {
            conditions.add("p.last_surveyed < ?");
            parameters.add(Codecs.nanos(filter.surveyedUntil()));
        }
        if (filter.area() != null) {
            // After the columns, so SQLite tests the polygon only on rows the box and the columns let through.
            conditions.add(AreaFunction.NAME + "(p.lon, p.lat)");
        }
        if (!filter.experienceNeeds().isEmpty()) {
            // Last: experiences live in the reports' JSON; only user reports have them, so the cheap
            // instr() test skips the parse of nearly every body.
            conditions.add("EXISTS (SELECT 1 FROM reports r, json_each(r.body, '$.experiences') x, json_each(x.value, '$.needs') n"
                    + " WHERE r.place_id = p.id AND r.deleted = 0 AND instr(r.body, '\"experiences\"') > 0"
                    + " AND n.value IN (" + marks(filter.experienceNeeds().size()) + "))");
            filter.experienceNeeds().forEach(need -> parameters.add(need.osm()));
        }
        String where = conditions.isEmpty() ? "1" : String.join(" AND ", conditions);
        return new FilterSql(from, where, List.copyOf(parameters), filter.area());
    }

    /**
     * Binds the parameters from position 1, and installs this filter's area on the statement's
     * connection when it has one; returns the next free position.
     */
    int bind(PreparedStatement statement) throws SQLException {
        if (area != null) {
            AreaFunction.install(statement.getConnection(), area);
        }
        int position = 1;
        for (Object parameter : parameters) {
            statement.setObject(position++, parameter);
        }
        return position;
    }

    private static String marks(int count) {
        return count == 0 ? "NULL" : String.join(", ", Collections.nCopies(count, "?"));
    }
}
