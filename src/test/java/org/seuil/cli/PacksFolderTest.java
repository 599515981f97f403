package org.seuil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.app.AppContext;
import org.seuil.app.task.CurrentThreadTaskExecutor;
import org.seuil.basemap.BasemapSettings;
import org.seuil.basemap.PackLocator;
import org.seuil.store.DataFolder;
import org.seuil.store.sqlite.SqlitePlaceStore;
import picocli.CommandLine;

/**
 * The app and {@code seuil maps} agree on where offline packs live: the data folder's maps/,
 * whatever folder the store file is in.
 */
class PacksFolderTest {
    private static final Path MONACO = Path.of(System.getProperty("seuil.shared.data", "../shared/data"), "maps", "monaco-2021-04-21.map");

    @TempDir
    Path dir;

    @Test
    void aPackInstalledByTheCommandIsWhereTheAppLooksWithTheStoreElsewhere() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(MONACO), MONACO + " is absent: packs folder test skipped");
        Path data = dir.resolve("data");
        int exit = new CommandLine(new SeuilCommand()).execute("maps", "install", "--data-dir", data.toString(), MONACO.toString());
        assertEquals(0, exit);

        try (SqlitePlaceStore store = SqlitePlaceStore.open(dir.resolve("elsewhere").resolve("seuil.db"))) {
            AppContext context = new AppContext(store, new CurrentThreadTaskExecutor(), Locale.ENGLISH, null, data);
            Path installed = context.packsFolder().resolve(MONACO.getFileName());
            assertTrue(Files.isRegularFile(installed), installed + " is where the app downloads and looks for packs");
            // The basemap chain the app builds at start-up (SeuilApp.init) reads the same folder.
            BasemapSettings basemap = BasemapSettings.defaults(data, 256, () -> false, "test");
            List<Path> found = PackLocator.find(basemap.packFolders()).stream().map(PackLocator.Pack::file).toList();
            assertTrue(found.contains(installed), found.toString());
        }
    }

    @Test
    void theAppAndTheMapsCommandsDefaultToTheSameDataFolder() {
        AppCommand app = parsed("app");
        MapsCommand.Install install = parsed("maps", "install", "x.map");
        assertEquals(DataFolder.resolve(), app.data.resolve());
        assertEquals(install.data.resolve(), app.data.resolve());
        assertEquals(Path.of("/tmp/seuil-data"), ((AppCommand) parsed("app", "--data-dir", "/tmp/seuil-data")).data.resolve());
    }

    @SuppressWarnings("unchecked")
    private static <T> T parsed(String... args) {
        CommandLine.ParseResult result = new CommandLine(new SeuilCommand()).parseArgs(args);
        while (result.hasSubcommand()) {
            result = result.subcommand();
        }
        return (T) result.commandSpec().userObject();
    }
}
