package org.seuil.cli;

import java.io.PrintWriter;
import org.seuil.domain.InvalidValueException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code seuil}: the root command; each subcommand wraps one feature of the library. */
@Command(name = "seuil", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Seuil: a crowdsourced accessibility map that works offline.",
        subcommands = {AppCommand.class, ImportCommand.class, ExportCommand.class, StatsCommand.class, MapsCommand.class, HeatmapCommand.class, GridCommand.class, ServeCommand.class, ServerCommand.class, SyncCommand.class, BenchCommand.class, AuditCommand.class, CommandLine.HelpCommand.class})
public final class SeuilCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SeuilCommand());
        cl.setExecutionExceptionHandler(SeuilCommand::oneLineError);
        return cl;
    }

    /** Failures end with one line that says what went wrong, not a stack trace. */
    private static int oneLineError(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        err.println("seuil: " + message.replace('\n', ' '));
        if (Boolean.getBoolean("seuil.debug")) {
            e.printStackTrace(err);
        }
        err.flush();
        return e instanceof InvalidValueException || e instanceof IllegalArgumentException ? 2 : 1;
    }
}
