package org.seuil.cli;

import picocli.CommandLine;

/**
 * The {@code seuil} command line as {@link Main} runs it, with the server and sync commands
 * added when the root does not list them yet: lets process tests run {@code seuil serve} and
 * {@code seuil sync} as real processes whatever the registration state of the root command.
 */
public final class SeuilWithSyncCommands {
    private SeuilWithSyncCommands() {
    }

    public static void main(String[] args) {
        CommandLine cl = SeuilCommand.commandLine();
        add(cl, "serve", new ServeCommand());
        add(cl, "server", new ServerCommand());
        add(cl, "sync", new SyncCommand());
        System.exit(cl.execute(args));
    }

    private static void add(CommandLine cl, String name, Object command) {
        if (!cl.getSubcommands().containsKey(name)) {
            cl.addSubcommand(name, command);
        }
    }
}
