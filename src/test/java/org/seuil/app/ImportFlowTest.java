package org.seuil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.app.main.MainView;
import org.seuil.app.task.FxTaskExecutor;
import org.seuil.app.testing.Seed;
import org.seuil.app.transfer.TransferViewModel;
import org.seuil.store.PlaceStore;
import org.seuil.store.sqlite.SqlitePlaceStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * An import in the real window with the real background executor: the progress strip with Cancel
 * shows while it runs, then the summary, the new counts and the map reloaded with the new places.
 * The file chooser is the platform's own dialog, so the flow starts at the view model's call.
 */
@ExtendWith(ApplicationExtension.class)
class ImportFlowTest {
    @TempDir
    static Path dir;
    PlaceStore store;
    AppContext context;
    FxTaskExecutor tasks;

    @Start
    void start(Stage stage) throws java.io.IOException {
        org.seuil.app.map.ChainedTileRetriever.configure(new org.seuil.basemap.TileChain(List.of(
                new org.seuil.basemap.world.WorldOverviewSource(org.seuil.basemap.world.WorldOverview.loadBundled(), 256)), 256));
        store = SqlitePlaceStore.open(dir.resolve("seuil-" + System.nanoTime() + ".db"));
        Seed.monaco(store);
        tasks = new FxTaskExecutor();
        context = new AppContext(store, tasks, Locale.ENGLISH, null);
        stage.setScene(new MainView(context, stage).createScene());
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        store.close();
    }

    @Test
    void anImportShowsProgressAndCancelThenTheSummaryAndTheNewPlaces(FxRobot robot) throws Exception {
        StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n");
        for (int i = 0; i < 3000; i++) {
            json.append(i == 0 ? "" : ",\n").append("{\"type\":\"Feature\",\"id\":\"node/").append(900000 + i)
                    .append("\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[").append(7.41 + i * 1e-5)
                    .append(",43.73]},\"properties\":{\"name\":\"Kiosk ").append(i).append("\",\"shop\":\"kiosk\"}}");
        }
        Path file = dir.resolve("kiosks.geojson");
        Files.writeString(file, json.append("\n]}\n"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "154 places".equals(((Label) robot.lookup("#status-places").query()).getText()));
        // Someone looks for a kiosk before the file that has them is in.
        robot.interact(() -> context.search().queryProperty().set("Kiosk 2999"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(context.search().results().isEmpty());

        robot.interact(() -> {
            context.transfer().importFile(file, TransferViewModel.ImportKind.GEOJSON, false);
            // Right after the start, on the UI thread: the strip is there with its Cancel button.
            Node strip = robot.lookup("#transfer-cancel").query();
            assertTrue(strip.getParent().isVisible());
            assertEquals("Ca_ncel", ((Button) strip).getText()); // Alt+N
            assertEquals("Reading kiosks.geojson\u2026", ((Label) robot.lookup("#transfer-text").query()).getText());
        });

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !context.transfer().runningProperty().get());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "3,154 places".equals(((Label) robot.lookup("#status-places").query()).getText()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("kiosks.geojson: 3,000 places created, 0 updated, 0 unchanged", ((Label) robot.lookup("#status-message").query()).getText());
        assertFalse(robot.lookup("#transfer-cancel").query().getParent().isVisible());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> context.map().placesProperty().get().size() == 3154);
        // The search typed before the import now finds the new place, without typing again.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !context.search().results().isEmpty());
        assertEquals("Kiosk 2999", context.search().results().get(0).place().name());
    }
}
