package org.seuil.app.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.app.AppContext;
import org.seuil.app.main.MainView;
import org.seuil.app.task.FxTaskExecutor;
import org.seuil.app.testing.Seed;
import org.seuil.formats.GdalTools;
import org.seuil.store.PlaceFilter;
import org.seuil.store.PlaceStore;
import org.seuil.store.sqlite.SqlitePlaceStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The planner in the real window, headless, with the real background executor: open it, draw a
 * polygon with clicks on the map, see the heatmap and its legend, change the bandwidth, export a
 * GeoPackage that NGA's library and ogrinfo read back, cancel an export.
 */
@ExtendWith(ApplicationExtension.class)
class PlannerFlowTest {
    @TempDir
    static Path dir;
    PlaceStore store;
    FxTaskExecutor tasks;

    @Start
    void start(Stage stage) throws java.io.IOException {
        org.seuil.app.map.ChainedTileRetriever.configure(new org.seuil.basemap.TileChain(List.of(
                new org.seuil.basemap.world.WorldOverviewSource(org.seuil.basemap.world.WorldOverview.loadBundled(), 256)), 256));
        store = SqlitePlaceStore.open(dir.resolve("seuil-" + System.nanoTime() + ".db"));
        Seed.monaco(store);
        tasks = new FxTaskExecutor();
        AppContext context = new AppContext(store, tasks, Locale.ENGLISH, null);
        stage.setScene(new MainView(context, stage).createScene());
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        store.close();
    }

    private static String text(FxRobot robot, String query) {
        return ((Label) robot.lookup(query).query()).getText();
    }

    private static PlannerViewModel viewModel(FxRobot robot) {
        return ((PlannerLayer) robot.lookup("#planner-layer").query()).viewModel();
    }

    private static void waitForPreview(FxRobot robot, int previews) throws Exception {
        PlannerViewModel vm = viewModel(robot);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.previewsProperty().get() >= previews && !vm.computingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Pixels of the overlay canvas in a colour of the ramp (not the grey, black or white of outlines). */
    private static int colouredPixels(FxRobot robot) {
        AtomicInteger count = new AtomicInteger();
        robot.interact(() -> {
            javafx.scene.canvas.Canvas canvas = (javafx.scene.canvas.Canvas) robot.lookup("#planner-overlay").query();
            javafx.scene.SnapshotParameters parameters = new javafx.scene.SnapshotParameters();
            parameters.setFill(javafx.scene.paint.Color.TRANSPARENT);
            WritableImage image = canvas.snapshot(parameters, null);
            PixelReader pixels = image.getPixelReader();
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int argb = pixels.getArgb(x, y);
                    int r = (argb >> 16) & 0xff;
                    int g = (argb >> 8) & 0xff;
                    int b = argb & 0xff;
                    if ((argb >>> 24) > 0 && (Math.abs(r - g) > 24 || Math.abs(g - b) > 24)) {
                        count.incrementAndGet();
                    }
                }
            }
        });
        return count.get();
    }

    /** Its mnemonic (Alt+A, "Pl_anner") opens and closes the planner, as a click does. */
    @Test
    void altAOpensAndClosesThePlannerFromTheKeyboard(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "154 places".equals(text(robot, "#status-places")));
        ToggleButton toggle = robot.lookup("#planner-toggle").queryAs(ToggleButton.class);
        // Alt let go before A, as xdotool does (people do both).
        robot.press(KeyCode.ALT).press(KeyCode.A).release(KeyCode.ALT).release(KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(toggle.isSelected(), "Alt+A did not open the planner");
        assertTrue(robot.lookup("#planner-panel").query().isVisible());
        // The menu bar must not take Alt's release as "Alt alone" and keep the keys that follow.
        robot.press(KeyCode.DOWN).release(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        MenuBar menus = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        assertFalse(menus.getMenus().get(0).isShowing(), "after Alt+A the arrow key opened the Data menu");
        robot.press(KeyCode.ALT).press(KeyCode.A).release(KeyCode.A).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(toggle.isSelected(), "Alt+A did not close the planner");
        robot.clickOn(toggle);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(toggle.isSelected(), "a click after the keys no longer toggles once");
        // Alt alone still enters the menu bar.
        robot.press(KeyCode.ALT).release(KeyCode.ALT).press(KeyCode.DOWN).release(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(menus.getMenus().get(0).isShowing(), "Alt, then Down, no longer opens the Data menu");
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
    }

    @Test
    void drawAPolygonSeeTheHeatmapChangeTheBandwidthExportAndCancel(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "154 places".equals(text(robot, "#status-places")));
        robot.clickOn("#planner-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#planner-panel").query().isVisible());
        waitForPreview(robot, 1);
        assertEquals("The map view as it was when chosen", text(robot, "#planner-area"));

        // Draw: three clicks, then a double-click on the fourth corner closes the polygon.
        robot.clickOn("#planner-draw");
        Point2D centre = robot.point("#map").query();
        double[][] corners = {{-160, -120}, {160, -120}, {160, 120}};
        for (double[] c : corners) {
            robot.clickOn(centre.add(c[0], c[1]), MouseButton.PRIMARY);
        }
        assertEquals(3, viewModel(robot).vertices().size());
        robot.doubleClickOn(centre.add(-160, 120), MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(viewModel(robot).drawingProperty().get());
        assertEquals("A polygon drawn on the map (4 corners)", text(robot, "#planner-area"));
        waitForPreview(robot, 2);
        PlannerArea area = viewModel(robot).areaProperty().get();
        long inside = store.stats(PlaceFilter.ALL.withArea(area.polygon())).places();
        assertTrue(inside > 0, "the polygon holds places");
        Preview drawn = viewModel(robot).previewProperty().get();
        assertEquals(inside, drawn.places());
        Matcher summary = Pattern.compile("(\\d+) places, computed in (\\d+) ms").matcher(text(robot, "#planner-status"));
        assertTrue(summary.matches(), text(robot, "#planner-status"));
        assertEquals(inside, Long.parseLong(summary.group(1)));

        // The overlay shows ramp colours; the legend is visible with ticks from 0 to the maximum.
        assertTrue(colouredPixels(robot) > 1000, "coloured overlay pixels: " + colouredPixels(robot));
        assertTrue(robot.lookup("#planner-legend").query().isVisible());
        assertEquals("Barriers per km\u00b2", text(robot, "#planner-legend-title"));
        assertEquals("0", text(robot, "#planner-legend-tick-0"));
        String maxBefore = text(robot, "#planner-legend-tick-4");
        assertNotEquals("0", maxBefore);

        // A narrower kernel: recomputed, the peak density rises.
        robot.interact(() -> ((Spinner<Double>) robot.lookup("#planner-bandwidth").query()).getValueFactory().setValue(75.0));
        waitForPreview(robot, 3);
        Preview narrower = viewModel(robot).previewProperty().get();
        assertTrue(narrower.legend().max() > drawn.legend().max());
        assertNotEquals(maxBefore, text(robot, "#planner-legend-tick-4"));

        // Opacity 0: nothing of the ramp left on the map.
        robot.interact(() -> viewModel(robot).opacityProperty().set(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, colouredPixels(robot));
        robot.interact(() -> viewModel(robot).opacityProperty().set(0.7));

        // Export a GeoPackage through the dialog.
        robot.clickOn("#planner-export");
        WaitForAsyncUtils.waitForFxEvents();
        Path gpkg = dir.resolve("exports/area.gpkg");
        robot.interact(() -> {
            ((ChoiceBox<ExportFormat>) robot.lookup("#planner-export-format").query()).setValue(ExportFormat.GEOPACKAGE);
            ((TextField) robot.lookup("#planner-export-file").query()).setText(gpkg.toString());
        });
        robot.clickOn("#planner-export-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> viewModel(robot).exportsProperty().get() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        String said = text(robot, "#planner-export-message");
        Matcher written = Pattern.compile(inside + " places in (\\d+) cells written to area.gpkg").matcher(said);
        assertTrue(written.matches(), said);
        long cells = Long.parseLong(written.group(1));
        try (GeoPackage read = GeoPackageManager.open(gpkg.toFile())) {
            assertEquals(inside, read.getFeatureDao("places").count());
            assertEquals(cells, read.getFeatureDao("cells").count());
        }
        String info = GdalTools.run("ogrinfo", "-ro", "-so", "-al", gpkg.toString());
        assertTrue(Pattern.compile("Layer name: places\\R(?:.*\\R)*?Feature Count: " + inside + "\\b").matcher(info).find(), info);
        assertTrue(Pattern.compile("Layer name: cells\\R(?:.*\\R)*?Feature Count: " + cells + "\\b").matcher(info).find(), info);

        // Cancel right after the start: no file, nothing left beside it.
        Path cancelled = dir.resolve("exports/cancelled.gpkg");
        robot.interact(() -> {
            ((TextField) robot.lookup("#planner-export-file").query()).setText(cancelled.toString());
            ((Button) robot.lookup("#planner-export-start").query()).fire();
            assertTrue(viewModel(robot).exportingProperty().get());
            assertFalse(robot.lookup("#planner-export-cancel").query().isDisabled());
            ((Button) robot.lookup("#planner-export-cancel").query()).fire();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !viewModel(robot).exportingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Export cancelled: no file was written.", text(robot, "#planner-export-message"));
        try (Stream<Path> files = Files.list(dir.resolve("exports"))) {
            assertEquals(List.of("area.gpkg"), files.map(p -> p.getFileName().toString()).toList());
        }
        robot.clickOn("#planner-export-close");

        // Esc while drawing stops and keeps the area.
        robot.clickOn("#planner-draw");
        robot.clickOn(centre.add(-50, -50), MouseButton.PRIMARY);
        robot.clickOn(centre.add(50, -50), MouseButton.PRIMARY);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(viewModel(robot).drawingProperty().get());
        assertEquals(area, viewModel(robot).areaProperty().get());
        assertEquals("Drawing stopped; the area is unchanged.", text(robot, "#planner-status"));

        // Closing the planner gives the place panel back and clears the overlay.
        robot.clickOn("#planner-toggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#planner-panel").tryQuery().map(n -> n.getScene() == null).orElse(true));
        assertEquals(0, colouredPixels(robot));
    }
}
