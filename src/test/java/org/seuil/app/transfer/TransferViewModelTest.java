package org.seuil.app.transfer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.app.i18n.Messages;
import org.seuil.app.task.CurrentThreadTaskExecutor;
import org.seuil.app.testing.Seed;
import org.seuil.cli.SeuilCommand;
import org.seuil.domain.PlaceId;
import org.seuil.store.PlaceFilter;
import org.seuil.store.sqlite.SqlitePlaceStore;
import picocli.CommandLine;

class TransferViewModelTest {
    @TempDir
    Path dir;
    SqlitePlaceStore store;
    TransferViewModel transfer;
    final AtomicInteger reloads = new AtomicInteger();
    final List<Double> progress = new ArrayList<>();

    @BeforeEach
    void open() {
        store = SqlitePlaceStore.open(dir.resolve("s.db"));
        transfer = new TransferViewModel(store, new CurrentThreadTaskExecutor(), new Messages(Locale.ENGLISH));
        transfer.importsProperty().addListener((o, old, now) -> reloads.incrementAndGet());
        transfer.progressProperty().addListener((o, old, now) -> progress.add(now.doubleValue()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** {@code count} points with OSM-like tags, one per line, so the file grows with the count. */
    private Path geojson(int count) throws Exception {
        StringBuilder json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[\n");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",\n").append("{\"type\":\"Feature\",\"id\":\"node/").append(i + 1)
                    .append("\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[").append(7.40 + i * 1e-5).append(",43.73]},")
                    .append("\"properties\":{\"name\":\"Shop ").append(i).append("\",\"shop\":\"bakery\",\"wheelchair\":\"")
                    .append(i % 2 == 0 ? "yes" : "no").append("\"}}");
        }
        Path file = dir.resolve("places.geojson");
        Files.writeString(file, json.append("\n]}\n"));
        return file;
    }

    @Test
    void importingGeoJsonStoresItsPlacesReportsProgressAndReloadsTheMap() throws Exception {
        Path file = geojson(600);

        transfer.importFile(file, TransferViewModel.importKindOf(file), false);

        assertEquals(600, store.stats(PlaceFilter.ALL).places());
        assertEquals("places.geojson: 600 places created, 0 updated, 0 unchanged", transfer.messageProperty().get());
        assertFalse(transfer.failedProperty().get());
        assertFalse(transfer.runningProperty().get());
        assertEquals(1, reloads.get());
        // Progress moved through the file before it ended at 1.
        assertTrue(progress.stream().anyMatch(p -> p > 0 && p < 1), "progress values: " + progress);
        assertEquals(1.0, transfer.progressProperty().get());

        transfer.importFile(file, TransferViewModel.ImportKind.GEOJSON, false);
        assertEquals("places.geojson: 0 places created, 0 updated, 600 unchanged", transfer.messageProperty().get());
    }

    @Test
    void cancellingMidImportLeavesTheStoreUnchanged() throws Exception {
        Seed.monaco(store);
        long placesBefore = store.stats(PlaceFilter.ALL).places();
        long pendingBefore = store.pendingChanges();
        Path file = geojson(2000);
        // Press Cancel as soon as the first progress arrives: records have been read and written by then.
        transfer.progressProperty().addListener((o, old, now) -> {
            if (now.doubleValue() > 0 && now.doubleValue() < 1) {
                transfer.cancel();
            }
        });

        transfer.importFile(file, TransferViewModel.ImportKind.GEOJSON, false);

        assertEquals("Import cancelled: nothing was changed.", transfer.messageProperty().get());
        assertTrue(transfer.failedProperty().get());
        assertEquals(placesBefore, store.stats(PlaceFilter.ALL).places());
        assertEquals(pendingBefore, store.pendingChanges());
        assertTrue(store.place(new PlaceId("osm:node/1")).isEmpty(), "the first imported place was rolled back");
        assertEquals(0, reloads.get());
    }

    @Test
    void importingCsvGivesASummaryAndABadRowGivesOneLineNamingFileLineAndField() throws Exception {
        Path good = dir.resolve("good.csv");
        Files.writeString(good, "name,lat,lon,wheelchair\nMairie,43.73,7.42,yes\nPoste,43.74,7.43,no\n");
        transfer.importFile(good, TransferViewModel.importKindOf(good), false);
        assertEquals("good.csv: 2 places created, 0 updated, 0 unchanged", transfer.messageProperty().get());

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "name,lat,lon,wheelchair\nGare,43.73,7.42,yes\nPort,95.0,7.43,no\n");
        transfer.importFile(bad, TransferViewModel.ImportKind.CSV, false);

        String message = transfer.messageProperty().get();
        assertTrue(transfer.failedProperty().get());
        assertTrue(message.startsWith("\u26a0 ") && message.contains("bad.csv") && message.contains("3") && message.contains("lat"),
                message);
        assertFalse(message.contains("\n"), message);
        assertEquals(2, store.stats(PlaceFilter.ALL).places(), "nothing of the bad file was kept");
    }

    @Test
    void importingAFileThatIsNotOsmSaysSo() throws Exception {
        Path file = dir.resolve("notes.osm");
        Files.writeString(file, "this is not xml");
        transfer.importFile(file, TransferViewModel.ImportKind.OSM, false);
        assertTrue(transfer.failedProperty().get());
        assertTrue(transfer.messageProperty().get().contains("notes.osm"), transfer.messageProperty().get());
        assertEquals(0, store.stats(PlaceFilter.ALL).places());
    }

    @Test
    void importingTheSharedMonacoExtractCreatesItsPlaces() {
        Path pbf = Path.of(System.getProperty("seuil.shared.data", "../shared/data")).resolve("osm/monaco-2021-04-21.osm.pbf");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(pbf), "Monaco extract absent: " + pbf);
        transfer.importFile(pbf, TransferViewModel.importKindOf(pbf), false);
        assertFalse(transfer.failedProperty().get(), transfer.messageProperty().get());
        assertTrue(store.stats(PlaceFilter.ALL).places() > 1000, transfer.messageProperty().get());
    }

    @Test
    void exportWritesTheSameFilesAsTheCommandLine() throws Exception {
        Seed.monaco(store);
        for (TransferViewModel.ExportKind kind : TransferViewModel.ExportKind.values()) {
            String format = kind.name().toLowerCase(Locale.ROOT);
            Path mine = dir.resolve("app." + format);
            Path cli = dir.resolve("cli." + format);

            transfer.exportFile(mine, kind, PlaceFilter.ALL);
            int exit = new CommandLine(new SeuilCommand()).execute("export", format, "--db", store.file().toString(), "--out", cli.toString());

            assertEquals(0, exit);
            assertFalse(transfer.failedProperty().get(), transfer.messageProperty().get());
            assertTrue(transfer.messageProperty().get().endsWith("places written to app." + format), transfer.messageProperty().get());
            assertArrayEquals(Files.readAllBytes(cli), Files.readAllBytes(mine), kind.name());
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")), "no temporary file left behind");
        }
    }

    @Test
    void cancellingAnExportKeepsThePreviousFile() throws Exception {
        transfer.importFile(geojson(600), TransferViewModel.ImportKind.GEOJSON, false);
        assertTrue(store.stats(PlaceFilter.ALL).places() > TransferViewModel.PROGRESS_EVERY, "enough places for a progress step");
        Path out = dir.resolve("out.csv");
        Files.writeString(out, "previous\n");
        transfer.progressProperty().addListener((o, old, now) -> {
            if (now.doubleValue() > 0 && now.doubleValue() < 1) {
                transfer.cancel();
            }
        });

        transfer.exportFile(out, TransferViewModel.ExportKind.CSV, PlaceFilter.ALL);

        assertEquals("Export cancelled: no file was written.", transfer.messageProperty().get());
        assertEquals("previous\n", Files.readString(out));
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".part")));
        }
    }
}
