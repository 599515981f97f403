package org.seuil.basemap;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.seuil.geo.TileId;

/** A ready-made raster pack: an MBTiles file of PNG or JPEG tiles, read as it is. */
public final class RasterPackSource implements TileSource {
    private final MBTiles mbtiles;
    private final String name;

    private RasterPackSource(MBTiles mbtiles, String name) {
        this.mbtiles = mbtiles;
        this.name = name;
    }

    /** Opens a raster pack; refuses vector tiles (pbf), which this renderer does not draw. */
    public static RasterPackSource open(Path file) throws IOException {
        MBTiles mbtiles = MBTiles.openReadOnly(file);
        try {
            Map<String, String> metadata = mbtiles.metadata();
            String format = metadata.getOrDefault("format", "png").toLowerCase(Locale.ROOT);
            if (!format.equals("png") && !format.equals("jpg") && !format.equals("jpeg")) {
                throw new IOException(file + ": tile format '" + format + "' is not supported (png or jpg raster tiles only)");
            }
            return new RasterPackSource(mbtiles, "raster pack " + file.getFileName());
        } catch (IOException e) {
            mbtiles.close();
            throw e;
        }
    }

    @Override
    public Optional<TileImage> tile(TileId id) throws IOException {
        return mbtiles.read(id).map(TileImage::ofEncoded);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() throws IOException {
        mbtiles.close();
    }
}
