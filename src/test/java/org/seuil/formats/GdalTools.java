package org.seuil.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs GDAL's command-line tools (Debian {@code gdal-bin}) on files our writers made, so the files
 * are checked by the reader QGIS uses. Where GDAL is missing the calling test is skipped with a
 * visible message; under CI ({@code CI=true}) it fails, since CI installs gdal-bin.
 */
public final class GdalTools {
    private GdalTools() {
    }

    public static void assumeInstalled(String tool) {
        if (installed(tool)) {
            return;
        }
        String message = tool + " (Debian package gdal-bin) is not installed: the GDAL check of this file is skipped";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + " - but CI must install it (.ci/run)");
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.assumeTrue(false, message);
    }

    private static boolean installed(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a tool, fails the test unless it exits 0, returns what it printed (stdout and stderr). */
    public static String run(String... command) {
        assumeInstalled(command[0]);
        List<String> args = new ArrayList<>(List.of(command));
        try {
            Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", args) + " did not finish in 120 s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), String.join(" ", args) + " failed:\n" + text);
            return text;
        } catch (IOException e) {
            throw new AssertionError("could not run " + args.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + args.get(0), e);
        }
    }
}
