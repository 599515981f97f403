package org.seuil.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window comes first: the basemap's tile chain is built and tiles are rendered only once the
 * first frame is drawn, so that work does not compete with it for the CPU (docs/installers.md).
 * Run in a child JVM, as a user starts the app, with its start-up milestones printed.
 */
class AppStartupOrderTest {
    @TempDir
    Path dir;

    @Test
    void theTileChainIsBuiltAndTheFirstTileDrawnOnlyAfterTheFirstFrame() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dseuil.measureStartup=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "app", "--db", dir.resolve("store.db").toString(), "--data-dir", dir.resolve("data").toString())
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        CompletableFuture<Void> tileSeen = CompletableFuture.runAsync(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    if (line.startsWith("seuil startup: first map tile")) {
                        return;
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            tileSeen.get(90, TimeUnit.SECONDS);
        } finally {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        synchronized (lines) {
            int frame = indexOf(lines, "seuil startup: first frame");
            int tile = indexOf(lines, "seuil startup: first map tile");
            assertTrue(frame >= 0 && tile >= 0, String.join("\n", lines));
            assertTrue(frame < tile, "a tile was drawn before the first frame:\n" + String.join("\n", lines));
            // The first-frame line lists every milestone reached by then.
            assertTrue(!lines.get(frame).contains("tile chain"), "the tile chain was built before the first frame: " + lines.get(frame));
        }
    }

    private static int indexOf(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) {
                return i;
            }
        }
        return -1;
    }
}
