package org.seuil.cli;

import java.time.Instant;
import java.util.concurrent.Callable;
import org.seuil.server.store.Role;
import org.seuil.server.store.ServerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code seuil server ...}: administration of the shared server's database. */
@Command(name = "server", mixinStandardHelpOptions = true, description = "Administers the shared server.",
        subcommands = {ServerCommand.Token.class, ServerCommand.User.class})
public final class ServerCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "token", mixinStandardHelpOptions = true, description = "Manages bearer tokens.",
            subcommands = Create.class)
    static final class Token implements Runnable {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates a token for a user (created if new) and prints it once; only its hash is stored.")
    static final class Create implements Callable<Integer> {
        @Mixin
        ServerDatabaseOptions database = new ServerDatabaseOptions();

        @Option(names = "--name", required = true, description = "the user's pseudonym, written as author of their reports")
        String name;

        @Option(names = "--role", required = true, description = "reporter, auditor, planner, moderator or admin")
        String role;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Role parsed = Role.parse(role);
            try (ServerStore store = database.open(1)) {
                String token = store.createToken(name, parsed, Instant.now());
                spec.commandLine().getOut().println(token);
                spec.commandLine().getErr().println("token for " + name + " (" + parsed.wire() + ") created; it is shown only this once");
            }
            return 0;
        }
    }

    @Command(name = "user", mixinStandardHelpOptions = true, description = "Manages users.", subcommands = Delete.class)
    static final class User implements Runnable {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Deletes a user: tokens revoked, reports kept under an anonymous pseudonym.")
    static final class Delete implements Callable<Integer> {
        @Mixin
        ServerDatabaseOptions database = new ServerDatabaseOptions();

        @Option(names = "--name", required = true, description = "the user's pseudonym")
        String name;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            try (ServerStore store = database.open(1)) {
                String anonymous = store.deleteUser(name, Instant.now())
                        .orElseThrow(() -> new IllegalArgumentException("there is no user named " + name));
                spec.commandLine().getOut().println("user " + name + " deleted; their reports now read " + anonymous);
            }
            return 0;
        }
    }
}
