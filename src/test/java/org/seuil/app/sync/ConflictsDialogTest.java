package org.seuil.app.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.app.AppContext;
import org.seuil.app.main.MainView;
import org.seuil.app.task.CurrentThreadTaskExecutor;
import org.seuil.app.testing.Seed;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Entrance;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.store.OutboxEntry;
import org.seuil.store.PlaceStore;
import org.seuil.store.SyncConflict;
import org.seuil.store.sqlite.SqlitePlaceStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Data → Sync conflicts in the real window, headless, on a SQLite store left as a sync leaves it
 * after the same report was edited on two devices: mine beside theirs, then keep one.
 */
@ExtendWith(ApplicationExtension.class)
class ConflictsDialogTest {
    private static final Instant T = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    static Path dir;
    PlaceStore store;
    AppContext context;
    final ReportId id = ReportId.generate();
    Report mine;
    Report theirs;

    @Start
    void start(Stage stage) throws java.io.IOException {
        org.seuil.app.map.ChainedTileRetriever.configure(new org.seuil.basemap.TileChain(List.of(
                new org.seuil.basemap.world.WorldOverviewSource(org.seuil.basemap.world.WorldOverview.loadBundled(), 256)), 256));
        store = SqlitePlaceStore.open(dir.resolve("seuil-" + System.nanoTime() + ".db"));
        Seed.monaco(store);
        store.saveReport(report(1, Accessibility.YES, 0, "first"));
        store.markSynced(store.outbox(1000).stream().map(OutboxEntry::sequence).toList());
        mine = report(2, Accessibility.NO, 2, "Two steps since the works");
        store.saveReport(mine);
        theirs = new Report(id, Seed.CAFE, "erin", T.plusSeconds(3600), 2, Accessibility.LIMITED, null,
                new Entrance(1, null, null, null, null, null), null, null, null, Map.of("en", "One step at the side door"), List.of(), List.of(), false);
        store.recordPush(store.outbox(1000).stream().map(OutboxEntry::sequence).toList(), List.of(new SyncConflict(mine, theirs, null, T)));
        store.applyPulled("http://server", List.of(new PlaceRecord(store.place(Seed.CAFE).orElseThrow().place(), List.of(theirs))), 1);
        context = new AppContext(store, new CurrentThreadTaskExecutor(), Locale.ENGLISH, null);
        context.settings().authorProperty().set("erin");
        stage.setScene(new MainView(context, stage).createScene());
        stage.show();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private Report report(int revision, Accessibility grade, int steps, String comment) {
        return new Report(id, Seed.CAFE, "erin", T, revision, grade, null, new Entrance(steps, null, null, null, null, null),
                null, null, null, Map.of("en", comment), List.of(), List.of(), false);
    }

    private void openConflicts(FxRobot robot) {
        // Alt+D opens the Data menu; Up wraps to its last item, "Sync conflicts…"; Enter opens it.
        robot.press(KeyCode.ALT).press(KeyCode.D).release(KeyCode.D).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.UP).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return ((Label) robot.lookup(query).query()).getText();
    }

    @Test
    void theConflictShowsMineBesideTheirsWithTheDifferencesMarked(FxRobot robot) {
        openConflicts(robot);
        ListView<?> list = robot.lookup("#conflicts").query();
        assertEquals(1, list.getItems().size());
        assertEquals("Café de Paris", ((ConflictsViewModel.Item) list.getItems().get(0)).place());
        assertTrue(text(robot, "#mine-1").startsWith("revision 2, erin"), text(robot, "#mine-1"));
        assertTrue(text(robot, "#theirs-1").startsWith("revision 2, erin"), text(robot, "#theirs-1"));
        List<String> rows = robot.lookup(n -> n.getId() != null && n.getId().startsWith("row-")).queryAll().stream()
                .map(n -> ((Label) n).getText()).toList();
        assertTrue(rows.contains("≠ Wheelchair"), rows.toString());
        assertTrue(rows.contains("≠ Steps at the entrance"), rows.toString());
        assertTrue(rows.contains("≠ Comment"), rows.toString());
    }

    @Test
    void keepingMineQueuesMyVersionOnTopOfTheirsAndTheConflictGoes(FxRobot robot) {
        openConflicts(robot);
        robot.press(KeyCode.ALT).press(KeyCode.M).release(KeyCode.M).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(mine.withRevision(3), store.report(id).orElseThrow());
        assertEquals(List.of(id.value()), store.outbox(10).stream().map(OutboxEntry::entityId).toList());
        assertTrue(store.conflicts().isEmpty());
        assertTrue(((ListView<?>) robot.lookup("#conflicts").query()).getItems().isEmpty());
        assertEquals("Café de Paris: your version is kept and will be sent at the next sync.", text(robot, "#conflicts-message"));
        assertTrue(text(robot, "#status-unsynced").startsWith("1 "), text(robot, "#status-unsynced"));
    }

    @Test
    void keepingTheirsAppliesTheServerCopy(FxRobot robot) {
        openConflicts(robot);
        robot.clickOn("#keep-theirs");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(theirs, store.report(id).orElseThrow());
        assertEquals(Accessibility.LIMITED, store.place(Seed.CAFE).orElseThrow().accessibility().wheelchair());
        assertEquals(0, store.pendingChanges());
        assertTrue(store.conflicts().isEmpty());
        assertTrue(((Button) robot.lookup("#keep-mine").query()).isDisabled());
    }
}
