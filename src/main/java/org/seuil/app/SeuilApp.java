package org.seuil.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.seuil.app.main.MainView;
import org.seuil.app.map.ChainedTileRetriever;
import org.seuil.app.task.FxTaskExecutor;
import org.seuil.app.task.TaskExecutor;
import org.seuil.basemap.BasemapSettings;
import org.seuil.domain.PlaceId;
import org.seuil.basemap.TileChain;
import org.seuil.basemap.TileChains;
import org.seuil.store.PlaceStore;

/**
 * The desktop app. Not a main class: a main class that extends {@code Application} fails from a
 * plain class path, so {@code seuil app} (org.seuil.cli.AppCommand) calls
 * {@link #launch(Supplier, PlaceId, Path, Path)} with the way to open its store.
 */
public final class SeuilApp extends Application {
    private static CompletableFuture<PlaceStore> opening;
    /** Why the store could not be opened; the window is not shown then. */
    private static volatile RuntimeException openingFailure;
    /** The store start() took; one opened but never taken is closed when launch returns. */
    private static volatile PlaceStore takenStore;
    private static PlaceId initialPlace;
    private static Path dataFolder;
    private static Path initialFile;
    private static TileChain tiles;

    /** Read before each tile download; follows the "online map tiles" setting. */
    private static volatile boolean onlineTiles;

    private PlaceStore store;
    private TaskExecutor tasks;

    @Override
    public void init() {
        StartupTimes.mark("init");
    }

    /** A chain to come, which the tiles asked for from now on wait for, on the render threads. */
    private static CompletableFuture<TileChain> tilesToCome() {
        CompletableFuture<TileChain> chain = new CompletableFuture<>();
        ChainedTileRetriever.configureLater(chain);
        return chain;
    }

    /** Builds the chain on a background thread ({@link #buildTiles} logs its failures). */
    private static void buildTilesInto(CompletableFuture<TileChain> chain, Path packs) {
        CompletableFuture.runAsync(() -> chain.complete(buildTiles(packs)));
    }

    /**
     * Builds the tile chain over the packs installed now; the chain it replaces is closed first,
     * so that its disk cache is flushed before the new chain checks which packs the cached tiles
     * were drawn from. Null when it cannot be built (the world overview is shown then).
     */
    private static synchronized TileChain buildTiles(Path dataFolder) {
        if (tiles != null) {
            tiles.close();
            tiles = null;
        }
        try {
            BasemapSettings settings = BasemapSettings.defaults(dataFolder, 256, () -> onlineTiles, "seuil");
            tiles = TileChains.standard(settings);
            StartupTimes.mark("tile chain");
            return tiles;
        } catch (IOException | RuntimeException e) {
            System.getLogger(SeuilApp.class.getName()).log(System.Logger.Level.WARNING, "map tiles: world overview only: " + e.getMessage());
            return null;
        }
    }

    /**
     * Opens the store on a background thread while JavaFX starts (the two overlap on a second
     * core instead of adding up before the first frame), opens the window on it and returns when
     * the window is closed; the store is closed then. A store that cannot be opened shows no
     * window: its error is thrown from here, so the command line reports it in one line.
     *
     * @param data the user's data folder, where offline packs are installed ({@code seuil maps install})
     * @param file null, or a file to offer to open once the window is there (an offline pack to
     *             install, or places to import), as when a file manager starts {@code seuil FILE}
     */
    public static void launch(Supplier<PlaceStore> openStore, PlaceId place, Path data, Path file) {
        Objects.requireNonNull(openStore, "store");
        initialPlace = place;
        dataFolder = Objects.requireNonNull(data, "data folder");
        initialFile = file;
        opening = CompletableFuture.supplyAsync(() -> {
            PlaceStore store = openStore.get();
            StartupTimes.mark("store");
            return store;
        });
        try {
            Application.launch(SeuilApp.class);
        } finally {
            // The toolkit may have failed before start() took the store.
            opening.thenAccept(store -> {
                if (store != takenStore) {
                    store.close();
                }
            });
        }
        if (openingFailure != null) {
            throw openingFailure;
        }
    }

    @Override
    public void start(Stage stage) {
        StartupTimes.mark("start");
        try {
            store = opening.join();
        } catch (CompletionException e) {
            openingFailure = e.getCause() instanceof RuntimeException failure ? failure : e;
            Platform.exit();
            return;
        }
        takenStore = store;
        // The basemap's chain is built once the first frame is drawn: building it (opening packs,
        // parsing the render theme) and rendering tiles took about a second of CPU that the first
        // frame needs on a two-core machine (decisions/0009). Until then tiles wait for it.
        Path packs = dataFolder;
        CompletableFuture<TileChain> firstTiles = tilesToCome();
        tasks = new FxTaskExecutor();
        Path settings = store.file().toAbsolutePath().getParent().resolve("settings.properties");
        AppContext context = new AppContext(store, tasks, Locale.getDefault(), settings, dataFolder);
        onlineTiles = context.settings().onlineTilesProperty().get();
        context.settings().onlineTilesProperty().addListener((o, old, now) -> onlineTiles = now);
        MainView main = new MainView(context, stage);
        Scene scene = main.createScene();
        StartupTimes.mark("main view");
        if (initialPlace != null) {
            main.openOn(initialPlace);
        }
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.show();
        StartupTimes.mark("shown");
        afterFirstFrame(scene, () -> buildTilesInto(firstTiles, packs));
        // A pack installed from the window: tiles asked for from now on wait for a chain that has it,
        // and the tiles already drawn are drawn again from it, those on screen first.
        context.transfer().packsInstalledProperty().addListener((o, old, now) -> {
            CompletableFuture<TileChain> next = tilesToCome();
            next.thenRun(() -> Platform.runLater(() -> ChainedTileRetriever.redraw(ChainedTileRetriever.shownIn(main.mapView()), () -> { })));
            buildTilesInto(next, packs);
        });
        if (initialFile != null) {
            Path file = initialFile;
            Platform.runLater(() -> main.confirmAndOpen(file));
        }
    }

    /**
     * Runs {@code then} once the first pulse after the window was shown has been laid out (and
     * prints the start-up milestones there when measuring).
     */
    private static void afterFirstFrame(Scene scene, Runnable then) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            if (StartupTimes.enabled()) {
                System.err.println(StartupTimes.firstFrame());
            }
            // Run after this pulse has rendered, so the first frame is really drawn first.
            Platform.runLater(StartupTimes.exitAfterFirstFrame() ? Platform::exit : then);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.close();
        }
        if (store != null) {
            store.close();
        }
        synchronized (SeuilApp.class) {
            if (tiles != null) {
                tiles.close(); // writes the tiles still queued for the disk cache
                tiles = null;
            }
        }
        Platform.exit();
    }
}
