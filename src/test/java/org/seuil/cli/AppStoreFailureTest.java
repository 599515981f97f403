package org.seuil.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app opens its store while JavaFX starts; a store that cannot be opened still ends the
 * command with a one-line reason and exit code 1, shows no window, and leaves the file as it was.
 * Run in a child JVM: JavaFX can be launched only once per process, and the UI tests launch it here.
 */
class AppStoreFailureTest {
    @TempDir
    Path dir;

    @Test
    void aFileThatIsNotAStoreEndsTheAppCommandWithOneLineNamingIt() throws Exception {
        byte[] notAStore = "this is a shopping list, not a database\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("list.db"), notAStore);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "app", "--db", file.toString(), "--data-dir", dir.resolve("data").toString())
                .redirectErrorStream(true).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the app command did not end");
        List<String> lines = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.isBlank()).toList();
        assertEquals(1, child.exitValue(), String.join("\n", lines));
        // JavaFX itself may log a start-up warning first; Seuil's own answer is one line, no stack trace.
        List<String> ours = lines.stream().filter(line -> line.startsWith("seuil:")).toList();
        assertEquals(1, ours.size(), String.join("\n", lines));
        assertTrue(ours.get(0).contains(file.toAbsolutePath().toString()) && ours.get(0).contains("not a Seuil store"), ours.get(0));
        assertTrue(lines.stream().noneMatch(line -> line.contains("Exception") || line.startsWith("\tat ")), String.join("\n", lines));
        assertArrayEquals(notAStore, Files.readAllBytes(file), "the refused file was changed");
    }
}
