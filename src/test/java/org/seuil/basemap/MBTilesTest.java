package org.seuil.basemap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.geo.TileId;

class MBTilesTest {
    @TempDir
    Path dir;

    @Test
    void tilesAreStoredWithTheTmsRowAndReadBackByXyzRow() throws Exception {
        Path file = dir.resolve("pack.mbtiles");
        TileId tile = new TileId(3, 2, 1);
        byte[] data = {1, 2, 3, 4};
        try (MBTiles mbtiles = MBTiles.openOrCreate(file, Map.of("name", "test", "format", "png"))) {
            mbtiles.write(tile, data);
        }
        // Read the file with plain SQL, as another MBTiles tool would: row 1 from the north is row 6 from the south.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles")) {
            assertTrue(rs.next());
            assertEquals(3, rs.getInt(1));
            assertEquals(2, rs.getInt(2));
            assertEquals(6, rs.getInt(3));
            assertArrayEquals(data, rs.getBytes(4));
        }
        try (MBTiles mbtiles = MBTiles.openReadOnly(file)) {
            assertArrayEquals(data, mbtiles.read(tile).orElseThrow());
            assertTrue(mbtiles.read(new TileId(3, 2, 6)).isEmpty(), "the unflipped row must not find the tile");
            assertEquals("png", mbtiles.metadata().get("format"));
            assertEquals(1, mbtiles.tileCount());
        }
    }

    @Test
    void aTileWrittenByAnotherToolWithTmsRowsIsReadAtItsXyzPlace() throws Exception {
        Path file = dir.resolve("foreign.mbtiles");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE metadata (name text, value text)");
            st.execute("CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob)");
            st.execute("INSERT INTO metadata VALUES ('format', 'png')");
            st.execute("INSERT INTO tiles VALUES (1, 0, 1, x'0A0B')"); // TMS row 1 at zoom 1 is the northern row
        }
        try (MBTiles mbtiles = MBTiles.openReadOnly(file)) {
            assertArrayEquals(new byte[] {0x0A, 0x0B}, mbtiles.read(new TileId(1, 0, 0)).orElseThrow());
            assertTrue(mbtiles.read(new TileId(1, 0, 1)).isEmpty());
        }
    }

    @Test
    void rewritingATileReplacesIt() throws Exception {
        try (MBTiles mbtiles = MBTiles.openOrCreate(dir.resolve("c.mbtiles"), Map.of())) {
            TileId tile = new TileId(0, 0, 0);
            mbtiles.write(tile, new byte[] {1});
            mbtiles.write(tile, new byte[] {2});
            assertArrayEquals(new byte[] {2}, mbtiles.read(tile).orElseThrow());
            assertEquals(1, mbtiles.tileCount());
            mbtiles.clearTiles();
            assertEquals(0, mbtiles.tileCount());
        }
    }

    @Test
    void aFileThatIsNotMbtilesIsRefusedWithItsName() throws Exception {
        Path text = dir.resolve("notes.mbtiles");
        Files.writeString(text, "this is not a database");
        IOException e = assertThrows(IOException.class, () -> MBTiles.openReadOnly(text));
        assertTrue(e.getMessage().contains("notes.mbtiles"), e.getMessage());

        Path emptyDb = dir.resolve("empty.mbtiles");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + emptyDb); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE other (x integer)");
        }
        IOException noTiles = assertThrows(IOException.class, () -> MBTiles.openReadOnly(emptyDb));
        assertTrue(noTiles.getMessage().contains("no 'tiles' table"), noTiles.getMessage());
    }
}
