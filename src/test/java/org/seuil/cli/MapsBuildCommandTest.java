package org.seuil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.basemap.SharedData;
import org.seuil.basemap.build.MapWriterRuntime;
import picocli.CommandLine;

/** {@code seuil maps build} and {@code seuil maps install} from the command line, on the real Monaco extract. */
class MapsBuildCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int maps(String... args) {
        CommandLine cl = SeuilCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "maps";
        System.arraycopy(args, 0, all, 1, args.length);
        return cl.execute(all);
    }

    @Test
    void aBuiltAreaInstallsAsAPackThatListShows() {
        Path extract = SharedData.file("osm/monaco-2021-04-21.osm.pbf");
        Path data = dir.resolve("data");
        assumeTrue(MapWriterRuntime.locate(MapWriterRuntime.defaultFolders(data), MapWriterRuntime.defaultMavenRepository()).isPresent(),
                "the map writer's jars are absent; test skipped");
        Path pack = dir.resolve("condamine.map");
        assertEquals(0, maps("build", extract.toString(), "--out", pack.toString(), "--bbox", "7.415,43.728,7.425,43.735",
                "--data-dir", data.toString()), err.toString());
        assertTrue(out.toString().contains("bbox 7.41500,43.72800,7.42500,43.73500"), out.toString());
        assertTrue(err.toString().contains("with Seuil's accessibility tag mapping"), err.toString());
        assertEquals(0, maps("install", pack.toString(), "--data-dir", data.toString()), err.toString());
        assertTrue(Files.isRegularFile(data.resolve("maps/condamine.map")));
        assertEquals(0, maps("list", "--data-dir", data.toString()), err.toString());
        assertTrue(out.toString().contains("vector " + data.resolve("maps/condamine.map")), out.toString());

        assertEquals(2, maps("build", extract.toString(), "--out", pack.toString(), "--data-dir", data.toString()));
        assertTrue(err.toString().contains("exists (use --force to overwrite it)"), err.toString());
    }

    @Test
    void withoutTheWriterBuildSaysWhereItLookedAndHowToGetIt() throws Exception {
        Path extract = dir.resolve("x.osm.pbf");
        Files.writeString(extract, "x");
        Path data = dir.resolve("data");
        String saved = System.getProperty("maven.repo.local");
        System.setProperty("maven.repo.local", dir.resolve("no-repository").toString());
        try {
            assumeTrue(MapWriterRuntime.locate(MapWriterRuntime.defaultFolders(data), MapWriterRuntime.defaultMavenRepository()).isEmpty(),
                    "the writer sits beside the classes (target/mapwriter); cannot test its absence");
            int code = maps("build", extract.toString(), "--out", dir.resolve("x.map").toString(), "--data-dir", data.toString());
            assertEquals(3, code);
            assertTrue(err.toString().startsWith("seuil: the map writer is not installed."), err.toString());
            assertTrue(err.toString().contains(data.resolve("mapwriter").toString()), err.toString());
            assertTrue(err.toString().contains("mvn -Pmapwriter -DskipTests package"), err.toString());
            assertTrue(!Files.exists(dir.resolve("x.map")));
        } finally {
            if (saved == null) {
                System.clearProperty("maven.repo.local");
            } else {
                System.setProperty("maven.repo.local", saved);
            }
        }
    }

    @Test
    void aCorruptPackIsNotInstalledAndTheMessageSaysWhy() throws Exception {
        Path bad = dir.resolve("bad.mbtiles");
        Files.writeString(bad, "not a database");
        assertEquals(1, maps("install", bad.toString(), "--data-dir", dir.resolve("data").toString()));
        assertTrue(err.toString().contains("bad.mbtiles is not a readable MBTiles file"), err.toString());
        assertTrue(!Files.exists(dir.resolve("data/maps/bad.mbtiles")));
    }
}
