package org.seuil.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The entry point of {@code seuil.jar}. Kept apart from any JavaFX class: a main class that
 * extends {@code Application} fails from a plain class path. With no command it opens the app;
 * with one existing file and nothing else it opens the app on that file, which is how file
 * managers start the installed launcher when a {@code .geojson} or {@code .map} is double-clicked.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(route(args)));
    }

    /**
     * The command line to run: {@code app} when there is none, {@code app FILE} for a lone
     * argument that names an existing file and is not a command or an option, else unchanged
     * (so {@code seuil unknowncommand} still fails).
     */
    public static String[] route(String... args) {
        if (args.length == 0) {
            return new String[] {"app"};
        }
        if (args.length == 1 && namesAFile(args[0])) {
            return new String[] {"app", args[0]};
        }
        return args;
    }

    private static boolean namesAFile(String arg) {
        if (arg.startsWith("-") || SeuilCommand.commandLine().getSubcommands().containsKey(arg)) {
            return false;
        }
        try {
            return Files.isRegularFile(Path.of(arg));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** Runs a command line and returns its exit code; tests call this instead of {@link #main}. */
    public static int run(String... args) {
        if (args.length > 0 && args[0].equals("app")) {
            return SeuilCommand.appCommandLine().execute(java.util.Arrays.copyOfRange(args, 1, args.length));
        }
        return SeuilCommand.commandLine().execute(args);
    }
}
