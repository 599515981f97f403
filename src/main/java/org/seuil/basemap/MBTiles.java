package org.seuil.basemap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.seuil.geo.TileId;
import org.sqlite.SQLiteConfig;

/**
 * An MBTiles 1.3 file (SQLite): a {@code metadata} table of name/value pairs and a {@code tiles}
 * table keyed by zoom, column and row. Rows are counted from the south (TMS), so every read and
 * write flips the XYZ row with {@link TileId#tmsRow()}. One connection, used under this object's
 * lock: SQLite serialises writers anyway and reads take well under a millisecond.
 */
public final class MBTiles implements AutoCloseable {
    private final Path file;
    private final Connection connection;
    private final boolean readOnly;
    private final PreparedStatement select;
    private final PreparedStatement insert;

    private MBTiles(Path file, Connection connection, boolean readOnly) throws SQLException {
        this.file = file;
        this.connection = connection;
        this.readOnly = readOnly;
        this.select = connection.prepareStatement(
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?");
        this.insert = readOnly ? null : connection.prepareStatement(
                "INSERT OR REPLACE INTO tiles (zoom_level, tile_column, tile_row, tile_data) VALUES (?, ?, ?, ?)");
    }

    /** Opens an existing MBTiles file for reading; refuses a file that is not one. */
    public static MBTiles openReadOnly(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such MBTiles file");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        Connection connection = connect(file, config);
        try {
            requireTable(connection, file, "tiles");
            requireTable(connection, file, "metadata");
            return new MBTiles(file, connection, true);
        } catch (SQLException | IOException e) {
            closeQuietly(connection);
            throw e instanceof IOException io ? io : new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens an MBTiles file for writing, creating it with the given metadata if it does not exist.
     * Existing metadata is left as it is; use {@link #putMetadata} to change it.
     */
    public static MBTiles openOrCreate(Path file, Map<String, String> metadata) throws IOException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            boolean fresh = !Files.exists(file);
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
            config.setBusyTimeout(5000);
            Connection connection = connect(file, config);
            try (Statement st = connection.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS metadata (name TEXT, value TEXT)");
                st.execute("CREATE UNIQUE INDEX IF NOT EXISTS metadata_name ON metadata (name)");
                st.execute("CREATE TABLE IF NOT EXISTS tiles (zoom_level INTEGER, tile_column INTEGER, "
                        + "tile_row INTEGER, tile_data BLOB)");
                st.execute("CREATE UNIQUE INDEX IF NOT EXISTS tile_index ON tiles (zoom_level, tile_column, tile_row)");
            } catch (SQLException e) {
                closeQuietly(connection);
                throw new IOException(file + " is not a writable MBTiles file: " + e.getMessage(), e);
            }
            MBTiles mbtiles = new MBTiles(file, connection, false);
            if (fresh) {
                for (Map.Entry<String, String> entry : metadata.entrySet()) {
                    mbtiles.putMetadata(entry.getKey(), entry.getValue());
                }
            }
            return mbtiles;
        } catch (SQLException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    public synchronized Optional<byte[]> read(TileId id) throws IOException {
        try {
            select.setInt(1, id.zoom());
            select.setInt(2, id.x());
            select.setInt(3, id.tmsRow());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                byte[] data = rs.getBytes(1);
                return data == null || data.length == 0 ? Optional.empty() : Optional.of(data);
            }
        } catch (SQLException e) {
            throw new IOException(file + ": reading tile " + id + ": " + e.getMessage(), e);
        }
    }

    public synchronized void write(TileId id, byte[] data) throws IOException {
        writeAll(Map.of(id, data));
    }

    /** Writes several tiles in one transaction: much faster than one by one. */
    public synchronized void writeAll(Map<TileId, byte[]> tiles) throws IOException {
        requireWritable();
        try {
            connection.setAutoCommit(false);
            try {
                for (Map.Entry<TileId, byte[]> entry : tiles.entrySet()) {
                    TileId id = entry.getKey();
                    insert.setInt(1, id.zoom());
                    insert.setInt(2, id.x());
                    insert.setInt(3, id.tmsRow());
                    insert.setBytes(4, entry.getValue());
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IOException(file + ": writing " + tiles.size() + " tiles: " + e.getMessage(), e);
        }
    }

    public synchronized Map<String, String> metadata() throws IOException {
        Map<String, String> result = new LinkedHashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT name, value FROM metadata")) {
            while (rs.next()) {
                result.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IOException(file + ": reading metadata: " + e.getMessage(), e);
        }
        return result;
    }

    public synchronized void putMetadata(String name, String value) throws IOException {
        requireWritable();
        try (PreparedStatement st = connection.prepareStatement("INSERT OR REPLACE INTO metadata (name, value) VALUES (?, ?)")) {
            st.setString(1, name);
            st.setString(2, value);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IOException(file + ": writing metadata " + name + ": " + e.getMessage(), e);
        }
    }

    public synchronized long tileCount() throws IOException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM tiles")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IOException(file + ": counting tiles: " + e.getMessage(), e);
        }
    }

    /** Deletes every tile, keeping the metadata (the cache was made with another theme or pack). */
    public synchronized void clearTiles() throws IOException {
        requireWritable();
        try (Statement st = connection.createStatement()) {
            st.executeUpdate("DELETE FROM tiles");
        } catch (SQLException e) {
            throw new IOException(file + ": clearing tiles: " + e.getMessage(), e);
        }
    }

    /**
     * Switches the file back to SQLite's rollback journal. Packs meant to be copied or opened
     * read-only must not stay in WAL mode, which needs a writable folder even to read.
     */
    public synchronized void finishAsPack() throws IOException {
        requireWritable();
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA journal_mode=DELETE");
        } catch (SQLException e) {
            throw new IOException(file + ": leaving WAL mode: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            select.close();
            if (insert != null) {
                insert.close();
            }
            connection.close();
        } catch (SQLException e) {
            throw new IOException(file + ": closing: " + e.getMessage(), e);
        }
    }

    private void requireWritable() throws IOException {
        if (readOnly) {
            throw new IOException(file + " was opened read-only");
        }
    }

    private static Connection connect(Path file, SQLiteConfig config) throws IOException {
        try {
            return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
        } catch (SQLException e) {
            throw new IOException(file + ": cannot open as SQLite: " + e.getMessage(), e);
        }
    }

    private static void requireTable(Connection connection, Path file, String name) throws SQLException, IOException {
        // Real-world packs often make "tiles" a view over deduplicated images; both count.
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT count(*) FROM sqlite_master WHERE name = ? AND type IN ('table', 'view')")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    throw new IOException(file + " is not an MBTiles file: it has no '" + name + "' table");
                }
            }
        } catch (SQLException e) {
            throw new IOException(file + " is not an MBTiles file (" + e.getMessage() + ")", e);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the open already failed; that failure is the one to report
        }
    }
}
