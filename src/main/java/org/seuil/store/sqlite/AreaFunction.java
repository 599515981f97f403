package org.seuil.store.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.sqlite.Function;

/**
 * {@code seuil_in_area(lon, lat)}: 1 when the point lies in (or on the edge of) the polygon of the
 * query being run, else 0. A SQL function rather than a test in Java, so LIMIT, counts and
 * grouping in SQL stay right with an area. Each query installs its polygon on its connection
 * before it runs (a connection runs one query at a time); redefining the function makes SQLite
 * re-prepare the statements that use it, which costs microseconds.
 */
final class AreaFunction extends Function {
    static final String NAME = "seuil_in_area";

    private final IndexedPointInAreaLocator locator;
    private final Coordinate probe = new Coordinate();

    private AreaFunction(Geometry area) {
        // An interval index over the rings' edges: a point costs O(log edges), not one pass over them.
        this.locator = area == null ? null : new IndexedPointInAreaLocator(area);
    }

    /** Makes {@code seuil_in_area} test against {@code area} on this connection; null leaves it refusing every call. */
    static void install(Connection connection, Geometry area) throws SQLException {
        Function.create(connection, NAME, new AreaFunction(area), 2, Function.FLAG_DETERMINISTIC);
    }

    @Override
    protected void xFunc() throws SQLException {
        if (locator == null) {
            throw new SQLException(NAME + " called by a query that installed no area");
        }
        probe.x = value_double(0);
        probe.y = value_double(1);
        result(locator.locate(probe) == Location.EXTERIOR ? 0 : 1);
    }
}
