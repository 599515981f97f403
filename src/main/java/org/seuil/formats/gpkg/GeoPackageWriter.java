package org.seuil.formats.gpkg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import mil.nga.sf.LineString;
import mil.nga.sf.Point;
import org.locationtech.jts.geom.Coordinate;
import org.seuil.domain.Criterion;
import org.seuil.domain.PlaceAccessibility;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Quantity;
import org.seuil.domain.Report;
import org.seuil.formats.cells.CellLayer;
import org.seuil.formats.cells.CellSummary;

/**
 * Writes a GeoPackage 1.3 that QGIS and GDAL open as it is: a {@code places} point layer in
 * EPSG:4326 and, when asked, a polygon layer of aggregation cells in their projected CRS, each
 * with an R-tree spatial index (extension {@code gpkg_rtree_index}) and its extent in
 * {@code gpkg_contents}.
 *
 * <p>NGA's GeoPackage library creates the file, the SRS rows, the tables and the R-tree; rows go
 * in through one prepared statement in one transaction (NGA encodes the geometries), because
 * NGA's row-by-row DAO is several times slower for a million places. The R-tree is filled once,
 * after the rows, which is faster than a trigger per insert.
 */
public final class GeoPackageWriter implements AutoCloseable {
    public static final String PLACES = "places";
    private static final int GEOPACKAGE_1_3 = 10300;
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final GeoPackage geoPackage;
    private final Connection connection;
    private final List<String> layers = new ArrayList<>();
    private PlacesLayer places;

    private final Path target;
    private final Path working;

    private GeoPackageWriter(GeoPackage geoPackage, Path target, Path working) throws SQLException {
        this.geoPackage = geoPackage;
        this.target = target;
        this.working = working;
        this.connection = geoPackage.getConnection().getConnection();
    }

    /**
     * Creates the file, replacing one that exists. NGA insists on a {@code .gpkg} name, so another
     * name (a temporary file of an atomic write) is written as NAME.gpkg and renamed on close.
     */
    public static GeoPackageWriter create(Path file) throws IOException {
        Files.deleteIfExists(file);
        Path working = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gpkg")
                ? file : file.resolveSibling(file.getFileName() + ".gpkg");
        Files.deleteIfExists(working);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        GeoPackageManager.create(working.toFile());
        GeoPackage geoPackage = GeoPackageManager.open(working.toFile());
        try {
            geoPackage.execSQL("PRAGMA user_version = " + GEOPACKAGE_1_3);
            // A new file that nobody reads until it is closed (and that the CLI moves into place
            // only when complete): no need to sync every commit; a large cache helps the R-tree.
            geoPackage.execSQL("PRAGMA synchronous = OFF");
            geoPackage.execSQL("PRAGMA cache_size = -65536");
            return new GeoPackageWriter(geoPackage, file, working);
        } catch (SQLException | RuntimeException e) {
            geoPackage.close();
            throw new IOException(file + ": cannot write the GeoPackage: " + e.getMessage(), e);
        }
    }

    /**
     * Starts the {@code places} layer and returns where to send the places, e.g.
     * {@code store.forEach(filter, writer.places())}; the layer is finished by {@link #close}.
     */
    public PlacesLayer places() {
        if (places != null) {
            throw new IllegalStateException("the places layer is already being written");
        }
        try {
            places = new PlacesLayer();
            return places;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the places layer: " + e.getMessage(), e);
        }
    }

    /** The fields of the {@code places} layer, in order (documented in docs/analytics.md). */
    public static final List<String> PLACE_FIELDS = List.of("id", "name", "category", "address", "wheelchair",
            "toilets_wheelchair", "step_count", "door_width_m", "last_surveyed", "report_count");

    /** The fields of a cells layer, in order. */
    public static final List<String> CELL_FIELDS = List.of("cell_id", "places", "no", "limited", "yes", "unknown",
            "share_no", "share_limited", "share_yes", "share_unknown", "median_survey_age_days");

    /** The places layer being written: one row per place. */
    public final class PlacesLayer implements Consumer<PlaceRecord> {
        private final PreparedStatement insert;
        private final PreparedStatement rtree;
        private final int srsId;
        private final Extent extent = new Extent();
        private long rows;

        private PlacesLayer() throws SQLException {
            srsId = (int) srs(4326).getSrsId();
            List<FeatureColumn> columns = List.of(
                    FeatureColumn.createColumn("id", GeoPackageDataType.TEXT, true),
                    FeatureColumn.createColumn("name", GeoPackageDataType.TEXT),
                    FeatureColumn.createColumn("category", GeoPackageDataType.TEXT),
                    FeatureColumn.createColumn("address", GeoPackageDataType.TEXT),
                    FeatureColumn.createColumn("wheelchair", GeoPackageDataType.TEXT, true),
                    FeatureColumn.createColumn("toilets_wheelchair", GeoPackageDataType.TEXT, true),
                    FeatureColumn.createColumn("step_count", GeoPackageDataType.INTEGER),
                    FeatureColumn.createColumn("door_width_m", GeoPackageDataType.DOUBLE),
                    FeatureColumn.createColumn("last_surveyed", GeoPackageDataType.DATETIME),
                    FeatureColumn.createColumn("report_count", GeoPackageDataType.INTEGER, true));
            createTable(PLACES, GeometryType.POINT, srsId, columns);
            connection.setAutoCommit(false);
            insert = connection.prepareStatement(insertSql(PLACES, PLACE_FIELDS));
            rtree = rtreeInsert(PLACES);
        }

        @Override
        public void accept(PlaceRecord record) {
            if (finished) {
                throw new IllegalStateException("the places layer is finished; write places before other layers");
            }
            int live = 0;
            for (Report report : record.reports()) {
                live += report.deleted() ? 0 : 1;
            }
            add(record, record.accessibility(), live);
        }

        private void add(PlaceRecord record, PlaceAccessibility a, int reportCount) {
            var place = record.place();
            try {
                double lon = place.location().lon();
                double lat = place.location().lat();
                long fid = rows + 1;
                insert.setLong(1, fid);
                insert.setBytes(2, pointBlob(srsId, lon, lat));
                insert.setString(3, place.id().value());
                insert.setString(4, place.name());
                insert.setString(5, place.category());
                insert.setString(6, place.address());
                insert.setString(7, a.wheelchair().osm());
                insert.setString(8, a.toiletsWheelchair().osm());
                Object steps = a.value(Criterion.STEP_COUNT);
                if (steps instanceof Integer count) {
                    insert.setInt(9, count);
                } else {
                    insert.setNull(9, Types.INTEGER);
                }
                Object door = a.value(Criterion.DOOR_WIDTH);
                if (door instanceof Quantity width) {
                    insert.setDouble(10, Math.round(width.metres() * 10_000) / 10_000.0);
                } else {
                    insert.setNull(10, Types.DOUBLE);
                }
                Instant surveyed = a.lastSurveyed();
                insert.setString(11, surveyed == null ? null : DATETIME.format(surveyed));
                insert.setInt(12, reportCount);
                insert.addBatch();
                addToRtree(rtree, fid, lon, lon, lat, lat);
                extent.add(lon, lat);
                if (++rows % 10_000 == 0) {
                    insert.executeBatch();
                    rtree.executeBatch();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot write place " + place.id() + " to the GeoPackage: " + e.getMessage(), e);
            }
        }

        public long rows() {
            return rows;
        }

        private boolean finished;

        private void finish() throws SQLException {
            finished = true;
            insert.executeBatch();
            insert.close();
            rtree.executeBatch();
            rtree.close();
            finishLayer(PLACES, extent);
        }
    }

    /**
     * Writes a layer of cells (polygons in the layer's CRS) under {@code name}. Shares are in
     * [0, 1]; the median survey age is in days and null where no place of the cell was surveyed.
     */
    public void cells(String name, CellLayer layer) throws IOException {
        try {
            finishPlaces();
            int srsId = (int) srs(layer.epsg()).getSrsId();
            List<FeatureColumn> columns = List.of(
                    FeatureColumn.createColumn("cell_id", GeoPackageDataType.TEXT, true),
                    FeatureColumn.createColumn("places", GeoPackageDataType.INTEGER, true),
                    FeatureColumn.createColumn("no", GeoPackageDataType.INTEGER, true),
                    FeatureColumn.createColumn("limited", GeoPackageDataType.INTEGER, true),
                    FeatureColumn.createColumn("yes", GeoPackageDataType.INTEGER, true),
                    FeatureColumn.createColumn("unknown", GeoPackageDataType.INTEGER, true),
                    FeatureColumn.createColumn("share_no", GeoPackageDataType.DOUBLE, true),
                    FeatureColumn.createColumn("share_limited", GeoPackageDataType.DOUBLE, true),
                    FeatureColumn.createColumn("share_yes", GeoPackageDataType.DOUBLE, true),
                    FeatureColumn.createColumn("share_unknown", GeoPackageDataType.DOUBLE, true),
                    FeatureColumn.createColumn("median_survey_age_days", GeoPackageDataType.DOUBLE));
            createTable(name, GeometryType.POLYGON, srsId, columns);
            connection.setAutoCommit(false);
            Extent extent = new Extent();
            try (PreparedStatement insert = connection.prepareStatement(insertSql(name, CELL_FIELDS));
                 PreparedStatement rtree = rtreeInsert(name)) {
                long fid = 0;
                for (CellSummary cell : layer.cells()) {
                    mil.nga.sf.Polygon polygon = new mil.nga.sf.Polygon();
                    LineString ring = new LineString();
                    for (Coordinate c : cell.polygon().getExteriorRing().getCoordinates()) {
                        ring.addPoint(new Point(c.x, c.y));
                        extent.add(c.x, c.y);
                    }
                    polygon.addRing(ring);
                    fid++;
                    insert.setLong(1, fid);
                    insert.setBytes(2, GeoPackageGeometryData.createAndBuildEnvelope(srsId, polygon).toBytes());
                    var envelope = cell.polygon().getEnvelopeInternal();
                    addToRtree(rtree, fid, envelope.getMinX(), envelope.getMaxX(), envelope.getMinY(), envelope.getMaxY());
                    insert.setString(3, cell.id());
                    insert.setInt(4, cell.places());
                    insert.setInt(5, cell.no());
                    insert.setInt(6, cell.limited());
                    insert.setInt(7, cell.yes());
                    insert.setInt(8, cell.unknown());
                    insert.setDouble(9, cell.shareNo());
                    insert.setDouble(10, cell.shareLimited());
                    insert.setDouble(11, cell.shareYes());
                    insert.setDouble(12, cell.shareUnknown());
                    if (cell.medianSurveyAgeDays() == null) {
                        insert.setNull(13, Types.DOUBLE);
                    } else {
                        insert.setDouble(13, cell.medianSurveyAgeDays());
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
                rtree.executeBatch();
            }
            finishLayer(name, extent);
        } catch (SQLException e) {
            throw new IOException("cannot write layer " + name + ": " + e.getMessage(), e);
        }
    }

    /** NGA writes tables through a connection of its own, so the places' transaction must end before another layer starts. */
    private void finishPlaces() throws SQLException {
        if (places != null && !places.finished) {
            places.finish();
        }
    }

    private SpatialReferenceSystem srs(int epsg) throws SQLException {
        SpatialReferenceSystem srs = geoPackage.getSpatialReferenceSystemDao().getOrCreateFromEpsg(epsg);
        if (srs == null) {
            throw new IllegalArgumentException("EPSG:" + epsg + " has no definition the GeoPackage library knows");
        }
        return srs;
    }

    private void createTable(String name, GeometryType type, int srsId, List<FeatureColumn> columns) throws SQLException {
        if (layers.contains(name)) {
            throw new IllegalStateException("layer " + name + " is already written");
        }
        if (layers.isEmpty()) {
            geoPackage.createGeometryColumnsTable();
        }
        GeometryColumns geometry = new GeometryColumns();
        geometry.setTableName(name);
        geometry.setColumnName("geom");
        geometry.setGeometryType(type);
        geometry.setZ((byte) 0);
        geometry.setM((byte) 0);
        geometry.setSrsId(srsId);
        geoPackage.createFeatureTable(FeatureTableMetadata.create(geometry, "fid", new ArrayList<>(columns)));
        new RTreeIndexExtension(geoPackage).createRTreeIndex(name, "geom");
        layers.add(name);
    }

    /** Parameters: 1 fid, 2 geom, then the fields in order. */
    private static String insertSql(String table, List<String> fields) {
        StringBuilder sql = new StringBuilder("INSERT INTO \"").append(table).append("\" (fid, geom");
        StringBuilder values = new StringBuilder("?, ?");
        for (String field : fields) {
            sql.append(", \"").append(field).append('"');
            values.append(", ?");
        }
        return sql.append(") VALUES (").append(values).append(')').toString();
    }

    private PreparedStatement rtreeInsert(String table) throws SQLException {
        return connection.prepareStatement("INSERT INTO \"rtree_" + table + "_geom\" (id, minx, maxx, miny, maxy) VALUES (?, ?, ?, ?, ?)");
    }

    private static void addToRtree(PreparedStatement rtree, long fid, double minX, double maxX, double minY, double maxY) throws SQLException {
        rtree.setLong(1, fid);
        rtree.setDouble(2, minX);
        rtree.setDouble(3, maxX);
        rtree.setDouble(4, minY);
        rtree.setDouble(5, maxY);
        rtree.addBatch();
    }

    /**
     * GeoPackage point blob (GeoPackage 1.3 §2.1.3): "GP", version 0, flags 0x01 (little-endian,
     * no envelope), the SRS id, then the ISO WKB point. Written by hand because NGA's encoder costs
     * several microseconds a point; GDAL reads it back in the tests.
     */
    static byte[] pointBlob(int srsId, double x, double y) {
        return java.nio.ByteBuffer.allocate(29).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .put((byte) 'G').put((byte) 'P').put((byte) 0).put((byte) 1).putInt(srsId)
                .put((byte) 1).putInt(1).putDouble(x).putDouble(y).array();
    }

    private void finishLayer(String table, Extent extent) throws SQLException {
        if (extent.count > 0) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?")) {
                update.setDouble(1, extent.minX);
                update.setDouble(2, extent.minY);
                update.setDouble(3, extent.maxX);
                update.setDouble(4, extent.maxY);
                update.setString(5, table);
                update.executeUpdate();
            }
        }
        connection.commit();
        // NGA reads through its own connection source: tables and rows must be committed first.
        connection.setAutoCommit(true);
        // The R-tree rows went in with the features; now the triggers that keep it in step with
        // later edits, and the gpkg_extensions row that tells readers it is there.
        RTreeIndexExtension rtree = new RTreeIndexExtension(geoPackage);
        rtree.createAllTriggers(table, "geom", "fid");
        rtree.getOrCreate(table, "geom");
    }

    /** Finishes the places layer if one was started, then closes the file. */
    @Override
    public void close() throws IOException {
        try {
            finishPlaces();
        } catch (SQLException e) {
            throw new IOException("cannot finish the places layer: " + e.getMessage(), e);
        } finally {
            geoPackage.close();
        }
        if (!working.equals(target)) {
            Files.move(working, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static final class Extent {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        long count;

        void add(double x, double y) {
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x);
            maxY = Math.max(maxY, y);
            count++;
        }
    }
}
