package org.seuil.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.seuil.audit.output.MapBackdrop;
import org.seuil.basemap.MapTheme;
import org.seuil.basemap.MapsforgeTileSource;
import org.seuil.basemap.PackLocator;
import org.seuil.basemap.TileMosaic;
import org.seuil.domain.BoundingBox;
import org.seuil.store.DataFolder;

/**
 * The audit report's map background from offline vector packs, rendered locally with Seuil's
 * accessibility theme. Online tiles are never fetched for a report: it must print offline.
 */
final class AuditBackdrop implements MapBackdrop, AutoCloseable {
    private static final int TILE_SIZE = 256;
    private static final int MAX_ZOOM = 18;

    private final MapsforgeTileSource source;

    private AuditBackdrop(MapsforgeTileSource source) {
        this.source = source;
    }

    /** The given packs, else the installed ones; null when there is none. */
    static AuditBackdrop open(List<Path> maps) throws IOException {
        List<Path> packs = new ArrayList<>();
        for (Path map : maps) {
            packs.add(ImportCommand.existing(map));
        }
        if (packs.isEmpty()) {
            for (PackLocator.Pack pack : PackLocator.find(PackLocator.defaultFolders(DataFolder.resolve()))) {
                if (pack.kind() == PackLocator.Kind.VECTOR_MAP) {
                    packs.add(pack.file());
                }
            }
        }
        if (packs.isEmpty()) {
            return null;
        }
        return new AuditBackdrop(new MapsforgeTileSource(packs, new MapTheme.Accessibility(), TILE_SIZE, 0));
    }

    @Override
    public Optional<BufferedImage> render(BoundingBox box, int widthPx, int heightPx) throws IOException {
        return TileMosaic.render(source, TILE_SIZE, box, widthPx, heightPx, MAX_ZOOM);
    }

    @Override
    public String attribution() {
        return "Map © OpenStreetMap contributors (ODbL), rendered offline with mapsforge";
    }

    @Override
    public void close() {
        source.close();
    }
}
