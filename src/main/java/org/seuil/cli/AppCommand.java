package org.seuil.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.seuil.app.SeuilApp;
import org.seuil.app.StartupTimes;
import org.seuil.domain.PlaceId;
import org.seuil.store.DataFolder;
import org.seuil.store.sqlite.SqlitePlaceStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code seuil app [--db FILE] [FILE]}: opens the desktop app on a store; the default command. */
@Command(name = "app", mixinStandardHelpOptions = true,
        description = "Open the desktop app on a local store (the default when no command is given).")
public final class AppCommand implements Callable<Integer> {
    @Option(names = "--db", paramLabel = "FILE", description = "the store file (default: seuil.db in the data folder)")
    Path db;

    @Option(names = "--place", paramLabel = "ID", description = "open on this place, e.g. osm:node/4316767531")
    String place;

    @Parameters(arity = "0..1", paramLabel = "FILE",
            description = "a file to open once the window is there, after asking: an offline map (.map, .mbtiles) is installed,"
                    + " places (.geojson, .csv, .osm, .osm.gz, .osm.pbf) are imported; `seuil FILE` does the same")
    Path file;

    /** The same option and default as {@code seuil maps}: the app shows the packs those commands install. */
    @picocli.CommandLine.Mixin
    MapsCommand.DataFolderOption data = new MapsCommand.DataFolderOption();

    @Override
    public Integer call() throws IOException {
        StartupTimes.mark("command");
        if (file != null && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        Path database = db != null ? db : DataFolder.defaultDatabase();
        Path parent = database.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        PlaceId initial = place == null ? null : new PlaceId(place);
        SeuilApp.launch(() -> SqlitePlaceStore.open(database), initial, data.resolve(), file == null ? null : file.toAbsolutePath());
        return 0;
    }
}
