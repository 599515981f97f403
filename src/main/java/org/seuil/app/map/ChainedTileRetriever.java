package org.seuil.app.map;

import com.gluonhq.maps.tile.TileRetriever;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.seuil.app.StartupTimes;
import org.seuil.basemap.TileChain;
import org.seuil.basemap.TileImage;
import org.seuil.basemap.world.WorldOverview;
import org.seuil.basemap.world.WorldOverviewSource;
import org.seuil.geo.TileId;

/**
 * Gluon Maps' tile source (registered in META-INF/services): asks Seuil's {@link TileChain} for
 * each tile on background threads. Gluon looks the retriever up once, statically, when it first
 * needs a tile, so the app must call {@link #configure} before {@code stage.show()}; until then
 * the world overview is shown. The future never completes exceptionally and never holds null: a
 * failed future breaks Gluon's layout on the FX thread and a null leaves a tile blank for good.
 */
public final class ChainedTileRetriever implements TileRetriever {
    private static final System.Logger LOG = System.getLogger(ChainedTileRetriever.class.getName());
    private static final int THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());
    private static final ExecutorService RENDERERS = Executors.newFixedThreadPool(THREADS, new DaemonThreads());

    private static volatile TileChain chain;
    /** A chain being built, which tile requests wait for on the render threads (never on the FX thread). */
    private static volatile CompletableFuture<TileChain> coming;

    /** ServiceLoader needs a public no-argument constructor; the state is static, see {@link #configure}. */
    public ChainedTileRetriever() {
    }

    /** Sets the chain every retriever uses; call before the first map is shown. */
    public static void configure(TileChain tileChain) {
        chain = tileChain;
        coming = null;
    }

    /**
     * Lets the window show before the chain is built (opening packs and parsing the theme take
     * a second or more): tiles asked for meanwhile wait for it on the render threads, so none is
     * drawn from a lesser source and kept. A chain that fails to build leaves the world overview.
     */
    public static void configureLater(CompletableFuture<TileChain> tileChain) {
        coming = tileChain;
        tileChain.whenComplete((built, failure) -> {
            if (coming == tileChain) {
                if (built != null) {
                    configure(built);
                } else {
                    coming = null; // the world overview, built on first use below
                }
            }
        });
    }

    /** 512 px tiles on screens that scale by 1.5 or more (HiDPI), 256 px otherwise. */
    public static int tileSizeFor(double outputScale) {
        return outputScale >= 1.5 ? 512 : 256;
    }

    @Override
    public CompletableFuture<Image> loadTile(int zoom, long i, long j) {
        TileId id;
        try {
            id = new TileId(zoom, Math.toIntExact(i), Math.toIntExact(j));
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "tile outside the grid: " + zoom + "/" + i + "/" + j);
            return CompletableFuture.completedFuture(toFx(TileChain.plainTile(256)));
        }
        return CompletableFuture.supplyAsync(() -> toFx(chainOrDefault().tile(id).image()), RENDERERS)
                .whenComplete((image, failure) -> StartupTimes.tileReady())
                .exceptionally(e -> {
                    LOG.log(Level.WARNING, "tile " + id + " failed: " + e.getMessage());
                    return toFx(TileChain.plainTile(256));
                });
    }

    private static TileChain chainOrDefault() {
        CompletableFuture<TileChain> pending = coming;
        if (pending != null) {
            try {
                TileChain built = pending.join();
                if (built != null) {
                    return built;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "map tiles: world overview only: " + e.getMessage());
                coming = null;
            }
        }
        TileChain current = chain;
        if (current == null) {
            synchronized (ChainedTileRetriever.class) {
                if (chain == null) {
                    chain = worldOnly();
                }
                current = chain;
            }
        }
        return current;
    }

    private static TileChain worldOnly() {
        try {
            return new TileChain(List.of(new WorldOverviewSource(WorldOverview.loadBundled(), 256)), 256);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "world overview unavailable: " + e.getMessage());
            return new TileChain(List.of(), 256);
        }
    }

    static Image toFx(TileImage tile) {
        if (tile.hasImage()) {
            return SwingFXUtils.toFXImage(tile.image(), null);
        }
        Image image = new Image(new ByteArrayInputStream(tile.encoded()));
        if (image.isError()) {
            return SwingFXUtils.toFXImage(tile.image(), null);
        }
        return image;
    }

    private static final class DaemonThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "seuil-map-tiles-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
