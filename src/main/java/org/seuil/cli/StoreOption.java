package org.seuil.cli;

import java.nio.file.Path;
import org.seuil.store.DataFolder;
import org.seuil.store.sqlite.SqlitePlaceStore;
import picocli.CommandLine.Option;

/** The {@code --db FILE} option every command that reads or writes the local store shares. */
public final class StoreOption {
    @Option(names = "--db", paramLabel = "FILE",
            description = "The local store (a SQLite file). Default: seuil.db in your data folder (${DEFAULT-VALUE}).")
    Path database = DataFolder.defaultDatabase();

    public Path path() {
        return database;
    }

    public SqlitePlaceStore open() {
        return SqlitePlaceStore.open(database);
    }
}
