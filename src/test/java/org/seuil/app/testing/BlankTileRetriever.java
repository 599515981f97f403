package org.seuil.app.testing;

import com.gluonhq.maps.tile.TileRetriever;
import java.util.concurrent.CompletableFuture;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * Tiles for UI tests: plain light squares, at once, so tests never reach for the network and
 * never depend on the basemap. Registered in test resources, ahead of Gluon's own OSM downloader.
 */
public final class BlankTileRetriever implements TileRetriever {
    private static Image tile;

    @Override
    public CompletableFuture<Image> loadTile(int zoom, long i, long j) {
        synchronized (BlankTileRetriever.class) {
            if (tile == null) {
                WritableImage image = new WritableImage(256, 256);
                for (int y = 0; y < 256; y++) {
                    for (int x = 0; x < 256; x++) {
                        image.getPixelWriter().setColor(x, y, x % 64 == 0 || y % 64 == 0 ? Color.web("#d4dde2") : Color.web("#eef2f4"));
                    }
                }
                tile = image;
            }
        }
        return CompletableFuture.completedFuture(tile);
    }
}
