package org.seuil.basemap;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Optional;
import org.seuil.basemap.world.WorldOverview;
import org.seuil.domain.BoundingBox;
import org.seuil.geo.TileId;
import org.seuil.geo.WebMercator;

/**
 * Vector packs whose tiles at the edge of the packs' area are completed with the world overview:
 * mapsforge paints everything outside a pack's bounding box in one flat colour, which beside the
 * overview's land and sea looks like a hole in the map.
 */
public final class EdgeFilledPackSource implements TileSource {
    private final MapsforgeTileSource packs;
    private final WorldOverview world;

    public EdgeFilledPackSource(MapsforgeTileSource packs, WorldOverview world) {
        this.packs = packs;
        this.world = world;
    }

    @Override
    public Optional<TileImage> tile(TileId id) {
        if (!packs.covers(id)) {
            return Optional.empty();
        }
        BufferedImage rendered = packs.render(id);
        BoundingBox tile = WebMercator.bounds(id);
        BoundingBox area = packs.coverage();
        boolean inside = area.minLon() <= tile.minLon() && area.maxLon() >= tile.maxLon()
                && area.minLat() <= tile.minLat() && area.maxLat() >= tile.maxLat();
        if (inside) {
            return Optional.of(TileImage.ofImage(rendered));
        }
        int size = packs.tileSize();
        BufferedImage combined = world.render(id, size);
        double left = WebMercator.worldPixelX(area.minLon(), id.zoom(), size) - (double) id.x() * size;
        double right = WebMercator.worldPixelX(area.maxLon(), id.zoom(), size) - (double) id.x() * size;
        double top = WebMercator.worldPixelY(area.maxLat(), id.zoom(), size) - (double) id.y() * size;
        double bottom = WebMercator.worldPixelY(area.minLat(), id.zoom(), size) - (double) id.y() * size;
        Graphics2D g = combined.createGraphics();
        try {
            g.clip(new Rectangle2D.Double(left, top, right - left, bottom - top));
            g.drawImage(rendered, 0, 0, null);
        } finally {
            g.dispose();
        }
        return Optional.of(TileImage.ofImage(combined));
    }

    @Override
    public String name() {
        return packs.name();
    }

    @Override
    public void close() {
        packs.close();
    }
}
