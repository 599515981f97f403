package org.seuil.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.seuil.app.SeuilApp;
import org.seuil.domain.PlaceId;
import org.seuil.store.DataFolder;
import org.seuil.store.PlaceStore;
import org.seuil.store.sqlite.SqlitePlaceStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code seuil app [--db FILE]}: opens the desktop app on a store; the default command. */
@Command(name = "app", mixinStandardHelpOptions = true,
        description = "Open the desktop app on a local store (the default when no command is given).")
public final class AppCommand implements Callable<Integer> {
    @Option(names = "--db", paramLabel = "FILE", description = "the store file (default: seuil.db in the data folder)")
    Path db;

    @Option(names = "--place", paramLabel = "ID", description = "open on this place, e.g. osm:node/4316767531")
    String place;

    /** The same option and default as {@code seuil maps}: the app shows the packs those commands install. */
    @picocli.CommandLine.Mixin
    MapsCommand.DataFolderOption data = new MapsCommand.DataFolderOption();

    @Override
    public Integer call() throws IOException {
        Path file = db != null ? db : DataFolder.defaultDatabase();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        PlaceId initial = place == null ? null : new PlaceId(place);
        PlaceStore store = SqlitePlaceStore.open(file);
        SeuilApp.launch(store, initial, data.resolve());
        return 0;
    }
}
