package org.seuil.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.seuil.app.main.MainView;
import org.seuil.app.task.FxTaskExecutor;
import org.seuil.app.task.TaskExecutor;
import org.seuil.store.PlaceStore;

/**
 * The desktop app. Not a main class: a main class that extends {@code Application} fails from a
 * plain class path, so {@code seuil app} (org.seuil.cli.AppCommand) opens the store and calls
 * {@link #launch(PlaceStore)}.
 */
public final class SeuilApp extends Application {
    private static PlaceStore opened;

    private PlaceStore store;
    private TaskExecutor tasks;

    /**
     * Opens the window on an open store and returns when the window is closed; the store is
     * closed then. Opening the store first lets the command line report a bad file in one line.
     */
    public static void launch(PlaceStore store) {
        opened = Objects.requireNonNull(store, "store");
        Application.launch(SeuilApp.class);
    }

    @Override
    public void start(Stage stage) {
        store = opened;
        tasks = new FxTaskExecutor();
        Path settings = store.file().toAbsolutePath().getParent().resolve("settings.properties");
        AppContext context = new AppContext(store, tasks, Locale.getDefault(), settings);
        Scene scene = new MainView(context, stage).createScene();
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
