package org.seuil.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.app.main.MainView;
import org.seuil.app.task.FxTaskExecutor;
import org.seuil.app.testing.Seed;
import org.seuil.app.transfer.FileOpener;
import org.seuil.basemap.SharedData;
import org.seuil.store.PlaceStore;
import org.seuil.store.sqlite.SqlitePlaceStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Files dropped on the window (the drop handler is called with the files a dragboard would hold)
 * and a file the app was started with: packs are installed with the same checks as
 * {@code seuil maps install}, places are imported with the Data menu's task.
 */
@ExtendWith(ApplicationExtension.class)
class FileDropTest {
    @TempDir
    Path dir;
    Path data;
    PlaceStore store;
    AppContext context;
    FxTaskExecutor tasks;
    MainView main;

    @Start
    void start(Stage stage) throws java.io.IOException {
        org.seuil.app.map.ChainedTileRetriever.configure(new org.seuil.basemap.TileChain(List.of(
                new org.seuil.basemap.world.WorldOverviewSource(org.seuil.basemap.world.WorldOverview.loadBundled(), 256)), 256));
        data = Files.createDirectories(dir.resolve("data"));
        store = SqlitePlaceStore.open(data.resolve("seuil.db"));
        Seed.monaco(store);
        tasks = new FxTaskExecutor();
        context = new AppContext(store, tasks, Locale.ENGLISH, null, data);
        main = new MainView(context, stage);
        stage.setScene(main.createScene());
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        store.close();
    }

    private String statusMessage(FxRobot robot) {
        return ((Label) robot.lookup("#status-message").query()).getText();
    }

    private boolean drop(FxRobot robot, Path... files) {
        AtomicBoolean started = new AtomicBoolean();
        robot.interact(() -> started.set(main.openFiles(List.of(files))));
        return started.get();
    }

    private void waitUntilDone() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !context.transfer().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aDroppedMapPackIsInstalledIntoTheDataFolder(FxRobot robot) throws Exception {
        Path monaco = SharedData.monacoMap();
        assertTrue(drop(robot, monaco));
        waitUntilDone();
        Path installed = data.resolve("maps").resolve(monaco.getFileName());
        assertArrayEquals(Files.readAllBytes(monaco), Files.readAllBytes(installed));
        assertEquals("Offline map monaco-2021-04-21.map installed in " + data.resolve("maps") + ": the map now shows it over its area.",
                statusMessage(robot));
        assertEquals(1, context.transfer().packsInstalledProperty().get());

        assertTrue(drop(robot, monaco), "a second drop starts, and is refused by the installer");
        waitUntilDone();
        assertTrue(statusMessage(robot).contains("monaco-2021-04-21.map is already installed in " + data.resolve("maps")), statusMessage(robot));
        assertEquals(1, context.transfer().packsInstalledProperty().get());
    }

    @Test
    void aCorruptPackIsRefusedWithItsNameAndNothingIsInstalled(FxRobot robot) throws Exception {
        Path corrupt = dir.resolve("corrupt.map");
        byte[] bytes = Files.readAllBytes(SharedData.monacoMap());
        java.util.Arrays.fill(bytes, 0, 20, (byte) 'x');
        Files.write(corrupt, bytes);
        assertTrue(drop(robot, corrupt));
        waitUntilDone();
        assertTrue(statusMessage(robot).startsWith("\u26a0 " + corrupt + " is not a readable mapsforge .map file"), statusMessage(robot));
        assertFalse(Files.exists(data.resolve("maps/corrupt.map")));
        try (var left = Files.list(data.resolve("maps"))) {
            assertEquals(0, left.count(), "no temporary file left behind");
        } catch (java.nio.file.NoSuchFileException fine) {
            // nothing was ever created
        }
    }

    @Test
    void droppedPlacesAreImportedAndOtherFilesRefusedByName(FxRobot robot) throws Exception {
        Path geojson = dir.resolve("kiosk.geojson");
        Files.writeString(geojson, "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"node/990001\","
                + "\"geometry\":{\"type\":\"Point\",\"coordinates\":[7.42,43.73]},\"properties\":{\"name\":\"Kiosk\",\"shop\":\"kiosk\","
                + "\"wheelchair\":\"yes\"}}]}");
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "hello");
        assertFalse(drop(robot, text));
        assertEquals("Seuil cannot open notes.txt: it opens offline maps (.map, .mbtiles) and places (.geojson, .csv, .osm, .osm.gz, .osm.pbf).",
                statusMessage(robot));

        assertTrue(drop(robot, text, geojson), "the first file Seuil can open is opened");
        waitUntilDone();
        assertEquals("kiosk.geojson: 1 places created, 0 updated, 0 unchanged", statusMessage(robot));
        assertTrue(store.place(new org.seuil.domain.PlaceId("osm:node/990001")).isPresent());
    }

    @Test
    void onlyFilesSeuilOpensAreAcceptedWhileNothingRuns() {
        assertEquals(FileOpener.Action.INSTALL_PACK, FileOpener.plan(Path.of("a.MBTILES")).action());
        assertEquals(FileOpener.Action.IMPORT, FileOpener.plan(Path.of("monaco.osm.pbf")).action());
        assertEquals(FileOpener.Action.IMPORT, FileOpener.plan(Path.of("places.csv")).action());
        assertEquals(FileOpener.Action.UNSUPPORTED, FileOpener.plan(Path.of("photo.jpg")).action());
        FileOpener opener = new FileOpener(context.transfer(), data, context.messages());
        assertTrue(opener.accepts(List.of(Path.of("photo.jpg"), Path.of("a.map"))));
        assertFalse(opener.accepts(List.of(Path.of("photo.jpg"))));
        assertFalse(opener.accepts(List.of()));
    }

    @Test
    void aFileTheAppWasStartedWithIsOpenedOnlyAfterTheUserSaysYes(FxRobot robot) throws Exception {
        Path monaco = SharedData.monacoMap();
        robot.interact(() -> javafx.application.Platform.runLater(() -> main.confirmAndOpen(monaco)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#open-confirm").tryQuery().isPresent());
        DialogPane pane = robot.lookup("#open-confirm").query();
        assertTrue(pane.getContentText().startsWith("Install the offline map monaco-2021-04-21.map?"), pane.getContentText());
        assertFalse(Files.exists(data.resolve("maps").resolve(monaco.getFileName())), "nothing happens before the answer");
        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.OK)).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> context.transfer().packsInstalledProperty().get() == 1);
        assertTrue(Files.isRegularFile(data.resolve("maps").resolve(monaco.getFileName())));

        Path geojson = dir.resolve("refused.geojson");
        Files.writeString(geojson, "{\"type\":\"FeatureCollection\",\"features\":[]}");
        robot.interact(() -> javafx.application.Platform.runLater(() -> main.confirmAndOpen(geojson)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#open-confirm").tryQuery().isPresent());
        DialogPane second = robot.lookup("#open-confirm").query();
        assertEquals("Import the places of refused.geojson into your map?", second.getContentText());
        robot.interact(() -> ((Button) second.lookupButton(ButtonType.CANCEL)).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, context.transfer().importsProperty().get(), "Cancel imports nothing");
    }
}
