package org.seuil.app.map;

import com.gluonhq.maps.tile.TileRetriever;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
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
    /** The image handed out last for each tile, for {@link #redraw}; weak, so Gluon decides how long they live. */
    private static final Map<TileId, WeakReference<WritableImage>> HANDED_OUT = new HashMap<>();
    /** When {@link #HANDED_OUT} next drops the images Gluon let go. Guarded by HANDED_OUT. */
    private static int purgeAt = 1024;
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
        return CompletableFuture.<Image>supplyAsync(() -> handedOut(id, toFx(chainOrDefault().tile(id).image())), RENDERERS)
                .whenComplete((image, failure) -> StartupTimes.tileReady())
                .exceptionally(e -> {
                    LOG.log(Level.WARNING, "tile " + id + " failed: " + e.getMessage());
                    return handedOut(id, toFx(TileChain.plainTile(256)));
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

    /** Always a {@link WritableImage}: {@link #redraw} paints a new pack's tile into the one Gluon shows. */
    static WritableImage toFx(TileImage tile) {
        if (tile.hasImage()) {
            return SwingFXUtils.toFXImage(tile.image(), null);
        }
        Image image = new Image(new ByteArrayInputStream(tile.encoded()));
        if (image.isError()) {
            return SwingFXUtils.toFXImage(tile.image(), null);
        }
        return new WritableImage(image.getPixelReader(), (int) image.getWidth(), (int) image.getHeight());
    }

    /**
     * Remembers which tile {@code image} shows. Gluon keeps a tile's image as long as it keeps the
     * tile (softly, for every zoom level visited), and never asks for it again: a pack installed
     * later would not show where the map has already been without {@link #redraw}.
     */
    private static WritableImage handedOut(TileId id, WritableImage image) {
        synchronized (HANDED_OUT) {
            HANDED_OUT.put(id, new WeakReference<>(image));
            if (HANDED_OUT.size() > purgeAt) {
                HANDED_OUT.values().removeIf(ref -> ref.get() == null);
                purgeAt = Math.max(1024, 2 * HANDED_OUT.size());
            }
        }
        return image;
    }

    /**
     * Paints every tile handed out so far again from the chain now configured, into the images
     * Gluon already shows: after a pack is installed, the map shows it where it is, without a pan
     * or zoom. The tiles whose images are in {@code onScreen} go first. Rendering happens on the
     * render threads, the pixels are written on the FX thread. {@code done} runs on the FX thread
     * once every tile is painted (tests wait for it).
     */
    public static void redraw(Set<Image> onScreen, Runnable done) {
        List<Map.Entry<TileId, WritableImage>> visibleFirst = new ArrayList<>();
        synchronized (HANDED_OUT) {
            for (Map.Entry<TileId, WeakReference<WritableImage>> e : HANDED_OUT.entrySet()) {
                WritableImage image = e.getValue().get();
                if (image != null) {
                    visibleFirst.add(Map.entry(e.getKey(), image));
                }
            }
        }
        visibleFirst.sort(Comparator.comparing(e -> !onScreen.contains(e.getValue())));
        List<CompletableFuture<Void>> painted = new ArrayList<>(visibleFirst.size());
        for (Map.Entry<TileId, WritableImage> e : visibleFirst) {
            // Decoded on the render thread: only the copy of the pixels happens on the FX thread.
            painted.add(CompletableFuture.supplyAsync(() -> chainOrDefault().tile(e.getKey()).image().image(), RENDERERS)
                    .thenAcceptAsync(tile -> paintInto(tile, e.getValue()), Platform::runLater)
                    .exceptionally(failure -> {
                        LOG.log(Level.WARNING, "tile " + e.getKey() + " not redrawn: " + failure.getMessage());
                        return null;
                    }));
        }
        CompletableFuture.allOf(painted.toArray(CompletableFuture[]::new)).thenRunAsync(done, Platform::runLater);
    }

    /** The tile images now in {@code map}'s scene graph (Gluon shows each in an {@link ImageView}). */
    public static Set<Image> shownIn(Parent map) {
        Set<Image> shown = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node node : map.lookupAll("ImageView")) {
            if (node instanceof ImageView view && view.getImage() != null) {
                shown.add(view.getImage());
            }
        }
        return shown;
    }

    /** Writes {@code tile} over {@code shown}, when both have the same size (they come from the same chain settings). */
    private static void paintInto(BufferedImage pixels, WritableImage shown) {
        if (pixels.getWidth() == (int) shown.getWidth() && pixels.getHeight() == (int) shown.getHeight()) {
            SwingFXUtils.toFXImage(pixels, shown);
        }
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
