package org.seuil.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.server.ServerConfig;
import org.seuil.server.SeuilServer;
import org.seuil.server.store.Role;
import org.seuil.server.store.SqliteServerStore;

/** {@code seuil maps remote} and {@code seuil maps download} against the real server on loopback. */
class MapsDownloadCommandTest {
    private static final Path MONACO = Path.of(System.getProperty("seuil.shared.data", "../shared/data"), "maps", "monaco-2021-04-21.map");

    @TempDir
    Path dir;
    private SqliteServerStore store;
    private SeuilServer server;
    private String token;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(MONACO), MONACO + " is absent: maps download command tests skipped");
        Path served = Files.createDirectories(dir.resolve("served"));
        Files.copy(MONACO, served.resolve("monaco.map"));
        store = SqliteServerStore.open(dir.resolve("server.db"));
        token = store.createToken("alice", Role.REPORTER, Instant.parse("2025-03-01T10:00:00Z"));
        server = new SeuilServer(store, ServerConfig.DEFAULT.withMaps(served)).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
            store.close();
        }
    }

    private String url() {
        return "http://127.0.0.1:" + server.port();
    }

    @Test
    void remoteListsThePacksAndDownloadInstallsOneWithAProgressBar() throws Exception {
        CommandLineRun remote = CommandLineRun.of("maps", "remote", "--server", url(), "--token", token);
        assertEquals(0, remote.exitCode(), remote.err());
        assertTrue(remote.out().contains("monaco.map  mapsforge") && remote.out().contains("bbox 7.40921,43.72335,7.44864,43.75169"),
                remote.out());

        Path data = dir.resolve("data");
        CommandLineRun download = CommandLineRun.of("maps", "download", "--server", url(), "--token", token,
                "--data-dir", data.toString(), "monaco.map");
        assertEquals(0, download.exitCode(), download.err());
        assertTrue(download.err().contains("100%"), "a progress bar on stderr: " + download.err());
        assertTrue(download.out().contains("sha256 verified"), download.out());
        assertArrayEquals(Files.readAllBytes(MONACO), Files.readAllBytes(data.resolve("maps").resolve("monaco.map")));

        CommandLineRun again = CommandLineRun.of("maps", "download", "--server", url(), "--token", token,
                "--data-dir", data.toString(), "monaco.map");
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("already installed"), again.err());

        CommandLineRun unknown = CommandLineRun.of("maps", "download", "--server", url(), "--token", token,
                "--data-dir", data.toString(), "paris.map");
        assertTrue(unknown.exitCode() != 0 && unknown.err().contains("no such pack"), unknown.err());
    }
}
