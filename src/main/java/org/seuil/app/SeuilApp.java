package org.seuil.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
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
 * plain class path, so {@code seuil app} (org.seuil.cli.AppCommand) calls {@link #launch(Path, Function)}.
 */
public final class SeuilApp extends Application {
    private static Path database;
    private static Function<Path, PlaceStore> opener;

    private PlaceStore store;
    private TaskExecutor tasks;

    /** Opens the window on the store at {@code db} and returns when the window is closed. */
    public static void launch(Path db, Function<Path, PlaceStore> storeOpener) {
        database = Objects.requireNonNull(db, "db");
        opener = Objects.requireNonNull(storeOpener, "storeOpener");
        Application.launch(SeuilApp.class);
    }

    @Override
    public void start(Stage stage) {
        store = opener.apply(database);
        tasks = new FxTaskExecutor();
        Path settings = database.toAbsolutePath().getParent().resolve("settings.properties");
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
