package org.seuil.basemap;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Optional;
import org.seuil.domain.BoundingBox;
import org.seuil.geo.TileId;
import org.seuil.geo.WebMercator;

/**
 * One image of an area from map tiles, for printing (the audit report's map): the tiles covering
 * the box at the zoom where the box is at least as wide as asked, stitched, cropped to the box
 * and scaled to the size asked. The box is taken in Web Mercator, as tiles are.
 */
public final class TileMosaic {
    private static final int MAX_TILES = 400;

    private TileMosaic() {
    }

    /** Empty when the source has none of the tiles; missing tiles stay white. */
    public static Optional<BufferedImage> render(TileSource source, int tileSize, BoundingBox box, int widthPx, int heightPx,
                                                 int maxZoom) throws IOException {
        int zoom = 0;
        while (zoom < maxZoom && WebMercator.worldPixelX(box.maxLon(), zoom, tileSize) - WebMercator.worldPixelX(box.minLon(), zoom, tileSize) < widthPx) {
            zoom++;
        }
        double left = WebMercator.worldPixelX(box.minLon(), zoom, tileSize);
        double right = WebMercator.worldPixelX(box.maxLon(), zoom, tileSize);
        double top = WebMercator.worldPixelY(box.maxLat(), zoom, tileSize);
        double bottom = WebMercator.worldPixelY(box.minLat(), zoom, tileSize);
        int firstX = (int) Math.floor(left / tileSize);
        int lastX = (int) Math.floor((right - 1e-9) / tileSize);
        int firstY = (int) Math.floor(top / tileSize);
        int lastY = (int) Math.floor((bottom - 1e-9) / tileSize);
        if ((long) (lastX - firstX + 1) * (lastY - firstY + 1) > MAX_TILES) {
            throw new IllegalArgumentException("the area needs more than " + MAX_TILES + " tiles at zoom " + zoom);
        }
        BufferedImage mosaic = new BufferedImage((lastX - firstX + 1) * tileSize, (lastY - firstY + 1) * tileSize, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = mosaic.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, mosaic.getWidth(), mosaic.getHeight());
        int found = 0;
        int side = TileId.tilesPerSide(zoom);
        for (int x = firstX; x <= lastX; x++) {
            for (int y = firstY; y <= lastY; y++) {
                if (x < 0 || y < 0 || x >= side || y >= side) {
                    continue;
                }
                Optional<TileImage> tile = source.tile(new TileId(zoom, x, y));
                if (tile.isPresent()) {
                    g.drawImage(tile.get().image(), (x - firstX) * tileSize, (y - firstY) * tileSize, tileSize, tileSize, null);
                    found++;
                }
            }
        }
        g.dispose();
        if (found == 0) {
            return Optional.empty();
        }
        BufferedImage out = new BufferedImage(widthPx, heightPx, BufferedImage.TYPE_INT_RGB);
        Graphics2D scaled = out.createGraphics();
        scaled.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        int sx = (int) Math.round(left - firstX * (double) tileSize);
        int sy = (int) Math.round(top - firstY * (double) tileSize);
        scaled.drawImage(mosaic, 0, 0, widthPx, heightPx, sx, sy, sx + (int) Math.round(right - left), sy + (int) Math.round(bottom - top), null);
        scaled.dispose();
        return Optional.of(out);
    }
}
