package org.seuil.app.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.app.AppContext;
import org.seuil.app.task.CurrentThreadTaskExecutor;
import org.seuil.server.ServerConfig;
import org.seuil.server.SeuilServer;
import org.seuil.server.store.Role;
import org.seuil.server.store.SqliteServerStore;
import org.seuil.store.PlaceStore;
import org.seuil.store.sqlite.SqlitePlaceStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The packs dialog, headless, against the real server on loopback: list, download, install. */
@ExtendWith(ApplicationExtension.class)
class ServerPacksDialogTest {
    private static final Path MONACO = Path.of(System.getProperty("seuil.shared.data", "../shared/data"), "maps", "monaco-2021-04-21.map");

    @TempDir
    static Path dir;
    private Path data;
    private PlaceStore store;
    private SqliteServerStore serverStore;
    private SeuilServer server;
    private String token;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        data = Files.createDirectories(dir.resolve("data-" + System.nanoTime()));
        store = SqlitePlaceStore.open(data.resolve("seuil.db"));
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
            serverStore.close();
        }
        store.close();
    }

    @Test
    void theDialogListsTheServersPacksAndInstallsTheChosenOne(FxRobot robot) throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(MONACO), MONACO + " is absent: packs dialog test skipped");
        Path served = Files.createDirectories(dir.resolve("served-" + System.nanoTime()));
        Files.copy(MONACO, served.resolve("monaco.map"));
        serverStore = SqliteServerStore.open(served.resolve("server.db"));
        token = serverStore.createToken("alice", Role.REPORTER, Instant.parse("2025-03-01T10:00:00Z"));
        server = new SeuilServer(serverStore, ServerConfig.DEFAULT.withMaps(served)).start("127.0.0.1", 0);
        AppContext context = new AppContext(store, new CurrentThreadTaskExecutor(), Locale.ENGLISH, null, data);

        robot.interact(() -> ServerPacksDialog.show(context, stage));
        robot.clickOn("#packs-server").write("http://127.0.0.1:" + server.port());
        robot.clickOn("#packs-token").write(token);
        robot.clickOn("#packs-refresh");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> list = robot.lookup("#packs-list").query();
        assertEquals(1, list.getItems().size(), ((Label) robot.lookup("#packs-status").query()).getText());
        robot.interact(() -> list.getSelectionModel().select(0));
        robot.clickOn("#packs-download");
        WaitForAsyncUtils.waitForFxEvents();

        String status = ((Label) robot.lookup("#packs-status").query()).getText();
        assertTrue(status.startsWith("Installed "), status);
        assertEquals(1.0, ((ProgressBar) robot.lookup(".progress-bar").query()).getProgress());
        assertArrayEquals(Files.readAllBytes(MONACO), Files.readAllBytes(data.resolve("maps").resolve("monaco.map")));
    }
}
