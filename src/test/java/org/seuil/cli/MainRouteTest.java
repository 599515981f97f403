package org.seuil.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code seuil FILE}, as a file manager runs the installed launcher on a double-click, opens the
 * app on that file; an unknown command still fails, in one line.
 */
class MainRouteTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine commandLine() {
        CommandLine cl = SeuilCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl;
    }

    @Test
    void aLoneExistingFileOpensTheAppOnIt() throws Exception {
        Path geojson = Files.writeString(dir.resolve("places.geojson"), "{}");
        String[] routed = Main.route(geojson.toString());
        assertArrayEquals(new String[] {"app", geojson.toString()}, routed);
        CommandLine.ParseResult parsed = commandLine().parseArgs(routed);
        assertEquals("app", parsed.subcommand().commandSpec().name());
        assertEquals(geojson, parsed.subcommand().matchedPositional(0).getValue());
        Path map = Files.writeString(dir.resolve("monaco.map"), "x");
        assertArrayEquals(new String[] {"app", map.toString()}, Main.route(map.toString()));
    }

    @Test
    void commandsOptionsAndMissingFilesAreNotTakenForFiles() throws Exception {
        assertArrayEquals(new String[] {"app"}, Main.route());
        assertArrayEquals(new String[] {"--version"}, Main.route("--version"));
        assertArrayEquals(new String[] {"serve"}, Main.route("serve"));
        String missing = dir.resolve("gone.geojson").toString();
        assertArrayEquals(new String[] {missing}, Main.route(missing));
        Path a = Files.writeString(dir.resolve("a.geojson"), "{}");
        assertArrayEquals(new String[] {"import", a.toString()}, Main.route("import", a.toString()));
    }

    @Test
    void seuilAppParsedAloneHelpsAndFailsAsUnderTheWholeCommandLine() {
        // Main parses `seuil app` without building every other command (start-up time); what a
        // person sees must be what the whole command line shows.
        StringWriter treeHelp = new StringWriter();
        CommandLine tree = SeuilCommand.commandLine();
        tree.setOut(new PrintWriter(treeHelp, true));
        assertEquals(0, tree.execute("app", "--help"));
        StringWriter aloneHelp = new StringWriter();
        CommandLine alone = SeuilCommand.appCommandLine();
        alone.setOut(new PrintWriter(aloneHelp, true));
        assertEquals(0, alone.execute("--help"));
        assertTrue(treeHelp.toString().startsWith("Usage: seuil app "), treeHelp.toString());
        assertEquals(treeHelp.toString(), aloneHelp.toString());

        String missing = dir.resolve("gone.geojson").toString();
        alone.setErr(new PrintWriter(err, true));
        assertEquals(2, alone.execute(missing));
        assertEquals("seuil: " + missing + ": no such file", err.toString().strip());
    }

    @Test
    void anUnknownCommandFailsWithOneLine() {
        int code = commandLine().execute(Main.route("unknowncommand"));
        assertEquals(2, code);
        assertEquals("seuil: unknown command or no such file: 'unknowncommand' (see seuil --help)", err.toString().strip());
        assertEquals(1, err.toString().strip().lines().count());
        assertEquals("", out.toString());
    }

    @Test
    void theAppCommandRefusesAFileThatDoesNotExist() {
        int code = commandLine().execute("app", "--db", dir.resolve("s.db").toString(), dir.resolve("gone.map").toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("gone.map: no such file"), err.toString());
    }

    @Test
    void otherMistakesStillGetPicocliMessages() {
        int code = commandLine().execute("maps", "build");
        assertEquals(2, code);
        assertTrue(err.toString().contains("Missing required"), err.toString());
    }
}
