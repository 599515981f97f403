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
        CommandLine.IParameterExceptionHandler usual = cl.getParameterExceptionHandler();
        cl.setParameterExceptionHandler((e, args) -> unknownCommand(e, args, usual));
        return cl;
    }

    /**
     * {@code seuil app ...} alone, with the same error handling: the app's start need not build
     * (and load the classes of) every other command's options first.
     */
    static CommandLine appCommandLine() {
        CommandLine cl = new CommandLine(new AppCommand());
        cl.setCommandName("seuil app");
        cl.setExecutionExceptionHandler(SeuilCommand::oneLineError);
        return cl;
    }

    /**
     * {@code seuil unknowncommand} (or a file that does not exist) fails with one line naming it;
     * other mistakes get picocli's message and usage as before.
     */
    private static int unknownCommand(CommandLine.ParameterException e, String[] args, CommandLine.IParameterExceptionHandler usual)
            throws Exception {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && e.getCommandLine().getParent() == null
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("seuil: unknown command or no such file: '" + unmatched.getUnmatched().get(0) + "' (see seuil --help)");
            err.flush();
            return 2;
        }
        return usual.handleParseException(e, args);
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
