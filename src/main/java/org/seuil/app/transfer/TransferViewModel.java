package org.seuil.app.transfer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.seuil.app.i18n.Messages;
import org.seuil.app.task.TaskExecutor;
import org.seuil.basemap.PackInstaller;
import org.seuil.basemap.PackLocator;
import org.seuil.domain.PlaceRecord;
import org.seuil.formats.InputException;
import org.seuil.formats.csv.PlaceCsvReader;
import org.seuil.formats.csv.PlaceCsvWriter;
import org.seuil.formats.geojson.GeoJsonReader;
import org.seuil.formats.geojson.GeoJsonWriter;
import org.seuil.formats.osm.OsmReader;
import org.seuil.store.ImportSource;
import org.seuil.store.ImportSummary;
import org.seuil.store.PlaceFilter;
import org.seuil.store.PlaceStore;

/**
 * Import and export, as the command line does them, run in the background with a progress value
 * and Cancel. An import is one store transaction, so Cancel makes the record iterator throw and
 * the store rolls the whole import back; an export writes beside the target and moves the file
 * into place only when complete, so Cancel leaves whatever was there before.
 */
public final class TransferViewModel {
    public enum ImportKind {
        OSM, GEOJSON, CSV
    }

    public enum ExportKind {
        GEOJSON, CSV
    }

    /** How often (in records) progress is handed to the UI thread: often enough to move, rarely enough not to flood it. */
    static final int PROGRESS_EVERY = 256;
    public static final double INDETERMINATE = -1;

    private final PlaceStore store;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final IntegerProperty imports = new SimpleIntegerProperty();
    private final IntegerProperty packsInstalled = new SimpleIntegerProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(INDETERMINATE);
    private final StringProperty progressText = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty failed = new SimpleBooleanProperty();
    private volatile AtomicBoolean cancelled = new AtomicBoolean();

    public TransferViewModel(PlaceStore store, TaskExecutor tasks, Messages messages) {
        this.store = store;
        this.tasks = tasks;
        this.messages = messages;
    }

    public static ImportKind importKindOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".osm") || name.endsWith(".osm.gz") || name.endsWith(".osm.pbf") || name.endsWith(".pbf")) {
            return ImportKind.OSM;
        }
        if (name.endsWith(".csv")) {
            return ImportKind.CSV;
        }
        return ImportKind.GEOJSON;
    }

    public void importFile(Path file, ImportKind kind, boolean skipInvalid) {
        AtomicBoolean flag = start("transfer.reading", file);
        tasks.execute(() -> runImport(file, kind, skipInvalid, flag), summary -> {
            running.set(false);
            progress.set(1);
            message.set(messages.get("transfer.imported", file.getFileName(), summary.placesCreated(), summary.placesUpdated(),
                    summary.placesUnchanged()));
            imports.set(imports.get() + 1);
        }, failure -> finishFailed(failure, flag, "transfer.importCancelled"));
    }

    public void exportFile(Path file, ExportKind kind, PlaceFilter filter) {
        AtomicBoolean flag = start("transfer.writing", file);
        tasks.execute(() -> runExport(file, kind, filter, flag), count -> {
            running.set(false);
            progress.set(1);
            message.set(messages.get("transfer.exported", count, file.getFileName()));
        }, failure -> finishFailed(failure, flag, "transfer.exportCancelled"));
    }

    /**
     * Installs an offline pack ({@code .map} or {@code .mbtiles}) into {@code <dataFolder>/maps/}
     * with {@link PackInstaller}, as {@code seuil maps install} does: checked before and after the
     * copy, renamed into place only when whole. Cancel stops the copy and leaves nothing behind.
     */
    public void installPack(Path file, Path dataFolder) {
        AtomicBoolean flag = start("transfer.installing", file);
        tasks.execute(() -> PackInstaller.install(file, dataFolder, false, (done, total) -> {
            checkCancelled(flag);
            tasks.runOnUi(() -> progress.set(total == 0 ? 1 : (double) done / total));
        }), installed -> {
            running.set(false);
            progress.set(1);
            message.set(messages.get("transfer.packInstalled", file.getFileName(), installed.getParent()));
            packsInstalled.set(packsInstalled.get() + 1);
        }, failure -> finishFailed(failure instanceof FileAlreadyExistsException
                ? new IOException(messages.get("transfer.packExists", file.getFileName(), PackLocator.installFolder(dataFolder)), failure)
                : failure, flag, "transfer.installCancelled"));
    }

    /** Stops the running import or export at its next record; nothing it did is kept. */
    public void cancel() {
        cancelled.set(true);
    }

    private AtomicBoolean start(String key, Path file) {
        if (running.get()) {
            throw new IllegalStateException("an import or export is already running");
        }
        AtomicBoolean flag = new AtomicBoolean();
        cancelled = flag;
        running.set(true);
        failed.set(false);
        progress.set(INDETERMINATE);
        message.set("");
        progressText.set(messages.get(key, file.getFileName()));
        return flag;
    }

    private void finishFailed(Throwable failure, AtomicBoolean flag, String cancelledKey) {
        running.set(false);
        progress.set(0);
        failed.set(true);
        message.set(flag.get() || causedByCancel(failure) ? messages.get(cancelledKey) : messages.get("transfer.failed", describe(failure)));
    }

    private static boolean causedByCancel(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CancellationException) {
                return true;
            }
        }
        return false;
    }

    /** One readable line: an InputException already names file, feature or line, and field. */
    static String describe(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof InputException) {
                return c.getMessage();
            }
        }
        String text = failure.getMessage();
        return text == null || text.isBlank() ? failure.getClass().getSimpleName() : text.lines().findFirst().orElse(text);
    }

    private ImportSummary runImport(Path file, ImportKind kind, boolean skipInvalid, AtomicBoolean flag) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file.toString(), null, null, "no such file");
        }
        long size = Files.size(file);
        switch (kind) {
            case OSM -> {
                // The OSM reader parses the whole file first (it must resolve ways and relations),
                // so progress is indeterminate until the places are handed to the store.
                var extract = OsmReader.read(file);
                checkCancelled(flag);
                return store.importRecords(new Guarded(extract.places(), flag, null, size), ImportSource.OSM);
            }
            case GEOJSON -> {
                Counting in = new Counting(Files.newInputStream(file));
                try (GeoJsonReader reader = new GeoJsonReader(new java.io.BufferedInputStream(in, 1 << 16), file.toString(),
                        modified(file), skipInvalid)) {
                    return store.importRecords(new Guarded(reader, flag, in, size), ImportSource.FILE);
                }
            }
            case CSV -> {
                Counting in = new Counting(Files.newInputStream(file));
                var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
                try (PlaceCsvReader reader = new PlaceCsvReader(new InputStreamReader(in, decoder), file.toString(), modified(file), skipInvalid)) {
                    return store.importRecords(new Guarded(reader, flag, in, size), ImportSource.FILE);
                }
            }
            default -> throw new IllegalArgumentException(kind.toString());
        }
    }

    private static Instant modified(Path file) throws IOException {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (NoSuchFileException e) {
            throw new InputException(file.toString(), null, null, "no such file", e);
        }
    }

    private long runExport(Path file, ExportKind kind, PlaceFilter filter, AtomicBoolean flag) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
        AtomicLong count = new AtomicLong();
        long total = store.stats(filter).places();
        try {
            try (Writer writer = kind == ExportKind.GEOJSON ? Writer.of(GeoJsonWriter.open(temporary)) : Writer.of(PlaceCsvWriter.open(temporary))) {
                store.forEach(filter, record -> {
                    checkCancelled(flag);
                    writer.accept(record);
                    long n = count.incrementAndGet();
                    if (n % PROGRESS_EVERY == 0) {
                        report(total == 0 ? INDETERMINATE : Math.min(1, (double) n / total), n);
                    }
                });
            }
            checkCancelled(flag);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return count.get();
    }

    private interface Writer extends Consumer<PlaceRecord>, AutoCloseable {
        @Override
        void close() throws IOException;

        static <W extends Consumer<PlaceRecord> & AutoCloseable> Writer of(W w) {
            return new Writer() {
                @Override
                public void accept(PlaceRecord r) {
                    w.accept(r);
                }

                @Override
                public void close() throws IOException {
                    try {
                        w.close();
                    } catch (IOException | RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IOException(e.getMessage(), e);
                    }
                }
            };
        }
    }

    private static void checkCancelled(AtomicBoolean flag) {
        if (flag.get()) {
            throw new CancellationException("cancelled");
        }
    }

    private void report(double fraction, long records) {
        tasks.runOnUi(() -> {
            progress.set(fraction);
            progressText.set(messages.get("transfer.progress", records));
        });
    }

    /** The records of a file, stopping with a CancellationException once Cancel is pressed, and reporting progress. */
    private final class Guarded implements Iterator<PlaceRecord> {
        private final Iterator<PlaceRecord> source;
        private final AtomicBoolean flag;
        private final Counting bytes;
        private final long size;
        private long read;

        Guarded(Iterator<PlaceRecord> source, AtomicBoolean flag, Counting bytes, long size) {
            this.source = source;
            this.flag = flag;
            this.bytes = bytes;
            this.size = size;
        }

        @Override
        public boolean hasNext() {
            checkCancelled(flag);
            return source.hasNext();
        }

        @Override
        public PlaceRecord next() {
            checkCancelled(flag);
            PlaceRecord record = source.next();
            if (++read % PROGRESS_EVERY == 0) {
                report(bytes == null || size == 0 ? INDETERMINATE : Math.min(1, (double) bytes.count() / size), read);
            }
            return record;
        }
    }

    /** Counts the bytes read from the file, for a progress value that needs no record count up front. */
    private static final class Counting extends FilterInputStream {
        private volatile long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        long count() {
            return count;
        }
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    /** 0 to 1, or {@link #INDETERMINATE} while the size of the work is not known. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** What is being done ("Reading monaco.osm.pbf", "1 024 places"). */
    public StringProperty progressTextProperty() {
        return progressText;
    }

    /** The outcome: a summary, "cancelled", or one line saying what was wrong and where. */
    public StringProperty messageProperty() {
        return message;
    }

    /** Counts finished imports: the main window reloads the map and fits it to the data when it moves. */
    public ReadOnlyIntegerProperty importsProperty() {
        return imports;
    }

    /** Counts packs installed from the window: the app rebuilds its map tiles when it moves. */
    public ReadOnlyIntegerProperty packsInstalledProperty() {
        return packsInstalled;
    }

    public BooleanProperty failedProperty() {
        return failed;
    }
}
