package org.seuil.cli;

import picocli.CommandLine;

/**
 * The entry point of {@code seuil.jar}. Kept apart from any JavaFX class: a main class that
 * extends {@code Application} fails from a plain class path. With no command it opens the app.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String[] effective = args.length == 0 ? new String[] {"app"} : args;
        System.exit(run(effective));
    }

    /** Runs a command line and returns its exit code; tests call this instead of {@link #main}. */
    public static int run(String... args) {
        return SeuilCommand.commandLine().execute(args);
    }
}
