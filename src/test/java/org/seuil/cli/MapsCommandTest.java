package org.seuil.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.basemap.MBTiles;
import org.seuil.basemap.SharedData;
import picocli.CommandLine;

class MapsCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs {@code seuil maps ...} with the root command's one-line error handling. */
    private int maps(String... args) {
        CommandLine cl = new CommandLine(new MapsCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            commandLine.getErr().println("seuil: " + e.getMessage());
            return e instanceof IllegalArgumentException ? 2 : 1;
        });
        return cl.execute(args);
    }

    private Path dataDir() {
        return dir.resolve("data");
    }

    @Test
    void installingTheMonacoPackCopiesItAndListShowsIt() throws IOException {
        Path monaco = SharedData.monacoMap();
        assertEquals(0, maps("install", monaco.toString(), "--data-dir", dataDir().toString()), err.toString());
        Path installed = dataDir().resolve("maps").resolve(monaco.getFileName());
        assertArrayEquals(Files.readAllBytes(monaco), Files.readAllBytes(installed));
        assertEquals(0, maps("list", "--data-dir", dataDir().toString()), err.toString());
        assertTrue(out.toString().contains("vector " + installed), out.toString());
        assertTrue(out.toString().contains("bbox 7.40921,43.72335,7.44864,43.75169"), out.toString());

        assertEquals(2, maps("install", monaco.toString(), "--data-dir", dataDir().toString()));
        assertTrue(err.toString().contains("already installed"), err.toString());
    }

    @Test
    void aCorruptPackIsRefusedAndNothingIsInstalled() throws IOException {
        Path corrupt = dir.resolve("corrupt.map");
        byte[] real = Files.readAllBytes(SharedData.monacoMap());
        byte[] broken = java.util.Arrays.copyOf(real, real.length);
        java.util.Arrays.fill(broken, 0, 20, (byte) 'x'); // destroys the "mapsforge binary OSM" magic
        Files.write(corrupt, broken);
        int code = maps("install", corrupt.toString(), "--data-dir", dataDir().toString());
        assertNotEquals(0, code);
        assertTrue(err.toString().contains("corrupt.map is not a readable mapsforge .map file"), err.toString());
        Path folder = dataDir().resolve("maps");
        if (Files.exists(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                assertEquals(0, files.count(), "no file, not even a temporary one, may be left");
            }
        }
    }

    @Test
    void prefetchWritesARasterPackAndDrawsAProgressBar() throws IOException {
        Path out = dir.resolve("monaco.mbtiles");
        assertEquals(0, maps("prefetch", "--map", SharedData.monacoMap().toString(), "--zooms", "12-14",
                "--out", out.toString(), "--theme", "default"), err.toString());
        assertTrue(err.toString().contains("[##############################] 100% 11/11 tiles"), err.toString());
        try (MBTiles mbtiles = MBTiles.openReadOnly(out)) {
            assertEquals(11, mbtiles.tileCount());
        }
        assertEquals(2, maps("prefetch", "--map", SharedData.monacoMap().toString(), "--zooms", "14-12", "--out", dir.resolve("x.mbtiles").toString()));
        assertTrue(err.toString().contains("--zooms"), err.toString());
        assertEquals(2, maps("prefetch", "--map", SharedData.monacoMap().toString(), "--out", out.toString()));
        assertTrue(err.toString().contains("exists"), err.toString());
    }

    @Test
    void theWorldCommandConvertsTopoJson() throws IOException {
        Path world = dir.resolve("world.bin");
        assertEquals(0, maps("world", "--topojson", SharedData.file("world/countries-110m.json").toString(), "--out", world.toString()),
                err.toString());
        assertTrue(out.toString().contains("177 countries"), out.toString());
        assertTrue(Files.size(world) < 100_000);
    }
}
