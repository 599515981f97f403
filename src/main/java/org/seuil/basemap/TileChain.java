package org.seuil.basemap;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.seuil.geo.TileId;

/**
 * Tile sources asked in order until one covers the tile: offline packs, then the disk-cached
 * online source, then the world overview. {@link #tile} never throws and always gives an image:
 * a failing source is logged and skipped, and if even the last source fails a plain sea-coloured
 * tile is returned, so the map shows something rather than grey squares or errors.
 */
public final class TileChain implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TileChain.class.getName());
    private static final Color PLAIN = new Color(0xAA, 0xD3, 0xDF);

    /** The tile and the name of the source that produced it. */
    public record Result(TileImage image, String source) {
    }

    private final List<TileSource> sources;
    private final int tileSize;
    /**
     * Set by {@link #close}: the map still asks for the tiles it had queued (when the window
     * closes, or when a newly installed pack replaces this chain); the sources that still work
     * (the world overview) answer those, without a warning per tile about the closed ones.
     */
    private volatile boolean closed;

    public TileChain(List<TileSource> sources, int tileSize) {
        this.sources = List.copyOf(sources);
        this.tileSize = tileSize;
    }

    public Result tile(TileId id) {
        for (TileSource source : sources) {
            try {
                Optional<TileImage> image = source.tile(id);
                if (image.isPresent()) {
                    return new Result(image.get(), source.name());
                }
            } catch (IOException | RuntimeException e) {
                if (!closed) { // else closed while this tile was read: not a fault of the source
                    LOG.log(Level.WARNING, source.name() + " failed on tile " + id + ": " + e.getMessage());
                }
            }
        }
        return new Result(plainTile(tileSize), "plain");
    }

    public int tileSize() {
        return tileSize;
    }

    public List<TileSource> sources() {
        return sources;
    }

    /** A tile of sea colour, the answer of last resort. */
    public static TileImage plainTile(int tileSize) {
        BufferedImage image = new BufferedImage(tileSize, tileSize, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(PLAIN);
        g.fillRect(0, 0, tileSize, tileSize);
        g.dispose();
        return TileImage.ofImage(image);
    }

    @Override
    public void close() {
        closed = true;
        List<String> failures = new ArrayList<>();
        for (TileSource source : sources) {
            try {
                source.close();
            } catch (IOException | RuntimeException e) {
                failures.add(source.name() + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            LOG.log(Level.WARNING, "closing tile sources: " + failures);
        }
    }
}
