package org.seuil.cli;

import java.nio.file.Path;
import org.seuil.server.store.PostgresServerStore;
import org.seuil.server.store.ServerStore;
import org.seuil.server.store.SqliteServerStore;
import org.seuil.store.DataFolder;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code --db FILE | --postgres JDBC_URL}: which database a server command uses; SQLite by default. */
final class ServerDatabaseOptions {
    static final class Choice {
        @Option(names = "--db", paramLabel = "FILE", description = "SQLite file of the server (default: server.db in the data folder)")
        Path sqlite;

        @Option(names = "--postgres", paramLabel = "JDBC_URL",
                description = "PostgreSQL database shared by server instances, e.g. jdbc:postgresql://db:5432/seuil?user=seuil")
        String postgres;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Choice choice;

    ServerStore open(int poolSize) {
        if (choice != null && choice.postgres != null) {
            return PostgresServerStore.open(choice.postgres, poolSize);
        }
        Path file = choice != null && choice.sqlite != null ? choice.sqlite : DataFolder.resolve().resolve("server.db");
        return SqliteServerStore.open(file);
    }

    String describe() {
        if (choice != null && choice.postgres != null) {
            return "PostgreSQL " + choice.postgres.replaceAll("(?i)password=[^&]*", "password=***");
        }
        return "SQLite " + (choice != null && choice.sqlite != null ? choice.sqlite : DataFolder.resolve().resolve("server.db"));
    }
}
