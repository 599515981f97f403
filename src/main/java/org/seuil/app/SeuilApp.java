package org.seuil.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
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
import org.seuil.basemap.TileChains;
import org.seuil.store.PlaceStore;

/**
 * The desktop app. Not a main class: a main class that extends {@code Application} fails from a
 * plain class path, so {@code seuil app} (org.seuil.cli.AppCommand) opens the store and calls
 * {@link #launch(PlaceStore, PlaceId)}.
 */
public final class SeuilApp extends Application {
    private static PlaceStore opened;
    private static PlaceId initialPlace;
    private static Path dataFolder;

    /** Read before each tile download; follows the "online map tiles" setting. */
    private static volatile boolean onlineTiles;

    private PlaceStore store;
    private TaskExecutor tasks;

    /**
     * Builds the basemap's tile chain off the UI thread, before any window: Gluon looks its tile
     * retriever up once, at the first tile. A chain that cannot be built leaves the world overview.
     */
    @Override
    public void init() {
        try {
            BasemapSettings settings = BasemapSettings.defaults(dataFolder, 256, () -> onlineTiles, "seuil");
            ChainedTileRetriever.configure(TileChains.standard(settings));
        } catch (IOException | RuntimeException e) {
            System.getLogger(SeuilApp.class.getName()).log(System.Logger.Level.WARNING, "map tiles: world overview only: " + e.getMessage());
        }
    }

    /**
     * Opens the window on an open store and returns when the window is closed; the store is
     * closed then. Opening the store first lets the command line report a bad file in one line.
     *
     * @param data the user's data folder, where offline packs are installed ({@code seuil maps install})
     */
    public static void launch(PlaceStore store, PlaceId place, Path data) {
        opened = Objects.requireNonNull(store, "store");
        initialPlace = place;
        dataFolder = Objects.requireNonNull(data, "data folder");
        Application.launch(SeuilApp.class);
    }

    @Override
    public void start(Stage stage) {
        store = opened;
        tasks = new FxTaskExecutor();
        Path settings = store.file().toAbsolutePath().getParent().resolve("settings.properties");
        AppContext context = new AppContext(store, tasks, Locale.getDefault(), settings, dataFolder);
        onlineTiles = context.settings().onlineTilesProperty().get();
        context.settings().onlineTilesProperty().addListener((o, old, now) -> onlineTiles = now);
        MainView main = new MainView(context, stage);
        Scene scene = main.createScene();
        if (initialPlace != null) {
            main.openOn(initialPlace);
        }
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.show();
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.close();
        }
        if (store != null) {
            store.close();
        }
        Platform.exit();
    }
}
