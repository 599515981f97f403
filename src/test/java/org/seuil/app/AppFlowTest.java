package org.seuil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.app.main.MainView;
import org.seuil.app.task.CurrentThreadTaskExecutor;
import org.seuil.app.testing.Seed;
import org.seuil.domain.Accessibility;
import org.seuil.domain.ExperienceKind;
import org.seuil.domain.Report;
import org.seuil.store.PlaceStore;
import org.seuil.store.sqlite.SqlitePlaceStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The main flows in the real window on a seeded SQLite store, headless: open, search, report
 * with the keyboard only, share an experience, filter, switch language, undo. Work runs on the calling thread
 * ({@link CurrentThreadTaskExecutor}) so each step is finished when the robot looks.
 */
@ExtendWith(ApplicationExtension.class)
class AppFlowTest {
    @TempDir
    static Path dir;
    PlaceStore store;
    AppContext context;

    @Start
    void start(Stage stage) {
        store = SqlitePlaceStore.open(dir.resolve("seuil-" + System.nanoTime() + ".db"));
        Seed.monaco(store);
        context = new AppContext(store, new CurrentThreadTaskExecutor(), Locale.ENGLISH, null);
        context.settings().authorProperty().set("erin");
        stage.setScene(new MainView(context, stage).createScene());
        stage.show();
    }

    @org.junit.jupiter.api.AfterEach
    void closeStore() {
        store.close();
    }

    private static String text(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node instanceof Label l ? l.getText() : ((javafx.scene.control.Labeled) node).getText();
    }

    private void findBakery(FxRobot robot) {
        robot.clickOn("#search").write("boul");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theAppOpensOnTheStoreWithItsPlacesAndCounts(FxRobot robot) {
        assertEquals("154 places", text(robot, "#status-places"));
        assertEquals("154 places shown", text(robot, "#shown-count"));
        assertTrue(text(robot, "#status-store").endsWith(".db"));
        assertEquals("© OpenStreetMap contributors", text(robot, "#attribution"));
    }

    @Test
    void searchingAPlaceSelectsItAndCentresTheMapOnIt(FxRobot robot) {
        findBakery(robot);
        assertEquals("Boulangerie du Port", text(robot, "#place-name"));
        assertEquals("Map centred on Boulangerie du Port", text(robot, "#status-message"));
        assertEquals(Seed.BAKERY, context.map().selectedProperty().get());
        var centre = ((com.gluonhq.maps.MapView) robot.lookup("#map").query()).getCenter();
        assertEquals(43.7350, centre.getLatitude(), 1e-3);
        assertEquals(7.4210, centre.getLongitude(), 1e-3);
    }

    @Test
    void aPlaceCanBeReportedWithTheKeyboardOnlyAndTheSaveUndone(FxRobot robot) {
        findBakery(robot);
        long before = store.pendingChanges();
        robot.press(KeyCode.CONTROL).press(KeyCode.R).release(KeyCode.R).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        // Focus starts on the overall grade; Down picks "accessible", Tab moves to the step count.
        robot.type(KeyCode.DOWN);
        // type() sends real key presses to the focused window, as a keyboard does (write() would aim at the main stage).
        robot.type(KeyCode.TAB).type(KeyCode.O, KeyCode.N, KeyCode.E);
        robot.type(KeyCode.ENTER); // the default button: Save
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#error-stepCount").query();
        assertTrue(error.isVisible());
        assertEquals("⚠ Enter a whole number between 0 and 500", error.getText());
        assertTrue(robot.lookup("#field-stepCount").query().isFocused(), "focus goes to the field to fix");
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL).type(KeyCode.DIGIT0);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Report saved = store.reports(Seed.BAKERY).stream().filter(r -> r.author().equals("erin")).findFirst().orElseThrow();
        assertEquals(Accessibility.YES, saved.wheelchair());
        assertEquals(0, saved.entrance().stepCount());
        assertEquals(before + 1, store.pendingChanges());
        assertEquals("Saved.", text(robot, "#status-message"));
        assertFalse(((Button) robot.lookup("#undo").query()).isDisabled());

        robot.press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(store.report(saved.id()).orElseThrow().deleted());
        assertEquals(Accessibility.NO, store.place(Seed.BAKERY).orElseThrow().accessibility().wheelchair());
        assertEquals("Last save undone.", text(robot, "#status-message"));
        assertTrue(((Button) robot.lookup("#undo").query()).isDisabled());
    }

    @Test
    void anExperienceIsSharedAndShowsOnThePlace(FxRobot robot) {
        findBakery(robot);
        robot.press(KeyCode.CONTROL).press(KeyCode.E).release(KeyCode.E).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#kind-negative");
        robot.clickOn("#experience-text").write("Three steps and no bell");
        robot.clickOn("#need-blind_low_vision");
        robot.clickOn("#share-save");
        WaitForAsyncUtils.waitForFxEvents();
        var experience = store.reports(Seed.BAKERY).stream().flatMap(r -> r.experiences().stream()).findFirst().orElseThrow();
        assertEquals(ExperienceKind.NEGATIVE, experience.kind());
        assertEquals("Three steps and no bell", experience.text());
        assertEquals(2, experience.needs().size());
        assertTrue(robot.lookup(".experience-kind").queryAll().stream()
                .anyMatch(n -> ((Label) n).getText().startsWith("👎 Bâton dans les roues")));
    }

    @Test
    void filtersNarrowThePlacesOnTheMap(FxRobot robot) {
        robot.clickOn("#filter-toilet");
        assertEquals("1 places shown", text(robot, "#shown-count"));
        robot.clickOn("#filter-toilet");
        robot.clickOn("#filter-yes");
        robot.clickOn("#filter-unknown");
        robot.clickOn("#filter-limited");
        assertEquals(1, context.map().places().size() > 0 ? 1 : 0);
        assertTrue(context.map().places().size() < 154);
        assertTrue(((CheckBox) robot.lookup("#filter-no").query()).isSelected());
    }

    @Test
    void switchingToFrenchRelabelsTheOpenWindow(FxRobot robot) {
        robot.press(KeyCode.CONTROL).press(KeyCode.COMMA).release(KeyCode.COMMA).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        // The language list has the focus: Down picks French, Enter applies. Keyboard only, again.
        assertTrue(robot.lookup("#settings-language").query().isFocused());
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Locale.FRENCH, ((javafx.scene.control.ComboBox<?>) robot.lookup("#settings-language").query()).getValue());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("_Tout afficher", ((Button) robot.lookup("#fit").query()).getText());
        assertEquals("154 lieux", text(robot, "#status-places"));
    }
}
