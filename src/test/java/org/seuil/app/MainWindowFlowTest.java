package org.seuil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.app.main.MainView;
import org.seuil.app.task.CurrentThreadTaskExecutor;
import org.seuil.app.testing.Seed;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Experience;
import org.seuil.domain.ExperienceKind;
import org.seuil.domain.Need;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.store.PlaceStore;
import org.seuil.store.sqlite.SqlitePlaceStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The experiences filter and the report shortcut in the real window, headless, on a seeded SQLite store. */
@ExtendWith(ApplicationExtension.class)
class MainWindowFlowTest {
    @TempDir
    static Path dir;
    PlaceStore store;
    AppContext context;
    Stage stage;

    @Start
    void start(Stage stage) throws java.io.IOException {
        this.stage = stage;
        org.seuil.app.map.ChainedTileRetriever.configure(new org.seuil.basemap.TileChain(List.of(
                new org.seuil.basemap.world.WorldOverviewSource(org.seuil.basemap.world.WorldOverview.loadBundled(), 256)), 256));
        store = SqlitePlaceStore.open(dir.resolve("seuil-" + System.nanoTime() + ".db"));
        Seed.monaco(store);
        store.saveReport(new Report(ReportId.generate(), Seed.MUSEUM, "bob", Instant.parse("2024-06-01T10:00:00Z"), 1, null, null,
                null, null, null, null, Map.of(), List.of(),
                List.of(new Experience(ExperienceKind.TIP, "The lift is behind the shop", Set.of(Need.WHEELCHAIR, Need.WALKING_AID), "en")), false));
        store.saveReport(new Report(ReportId.generate(), Seed.BAKERY, "bob", Instant.parse("2024-06-01T10:00:00Z"), 1, null, null,
                null, null, null, null, Map.of(), List.of(),
                List.of(new Experience(ExperienceKind.POSITIVE, "Staff read the menu aloud", Set.of(Need.BLIND_LOW_VISION), "en")), false));
        context = new AppContext(store, new CurrentThreadTaskExecutor(), Locale.ENGLISH, null);
        context.settings().authorProperty().set("erin");
        stage.setScene(new MainView(context, stage).createScene());
        stage.show();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static String text(FxRobot robot, String query) {
        return ((Label) robot.lookup(query).query()).getText();
    }

    @Test
    void theExperiencesFilterKeepsPlacesWithStoriesForTheChosenNeed(FxRobot robot) {
        robot.clickOn("#filter-experiences");
        robot.clickOn("People with a walking aid");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("1 places shown", text(robot, "#shown-count"));
        assertEquals(Seed.MUSEUM, context.map().places().view(0).place().id());

        robot.interact(() -> context.filters().experiencesForProperty().set(Need.BLIND_LOW_VISION));
        assertEquals(Seed.BAKERY, context.map().places().view(0).place().id());
        robot.clickOn("#filter-clear");
        assertEquals("154 places shown", text(robot, "#shown-count"));
    }

    private boolean reportFormOpen(FxRobot robot) {
        return robot.listWindows().stream().filter(Window::isShowing)
                .anyMatch(w -> w.getScene() != null && w.getScene().lookup("#field-stepCount") != null);
    }

    private void closeForm(FxRobot robot) {
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void ctrlR(FxRobot robot) {
        robot.press(KeyCode.CONTROL).press(KeyCode.R).release(KeyCode.R).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void ctrlROpensTheReportFormWhereverTheFocusIs(FxRobot robot) {
        robot.interact(() -> context.map().selectedProperty().set(Seed.CAFE));
        for (String field : List.of("#search", "#filter-category", "#filter-since", "#search-results", "#filter-experiences")) {
            Node node = robot.lookup(field).query();
            robot.interact(node::requestFocus);
            if (field.equals("#search")) {
                robot.type(KeyCode.C, KeyCode.A); // typed but not picked: the selection stays
            }
            ctrlR(robot);
            assertTrue(reportFormOpen(robot), "Ctrl+R from " + field);
            closeForm(robot);
            assertTrue(!reportFormOpen(robot));
        }
    }

    @Test
    void ctrlRInTheSearchBoxReportsTheBestMatchWhenNothingIsSelected(FxRobot robot) {
        robot.clickOn("#search").write("boul");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, context.map().selectedProperty().get());
        ctrlR(robot);
        assertTrue(reportFormOpen(robot));
        assertEquals(Seed.BAKERY, context.map().selectedProperty().get());
        closeForm(robot);
    }
}
