package org.seuil.basemap.build;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.mapsforge.map.reader.MapFile;
import org.mapsforge.map.reader.header.MapFileInfo;
import org.seuil.basemap.MapsforgeTileSource;
import org.seuil.domain.BoundingBox;

/**
 * Builds a mapsforge {@code .map} pack from an OpenStreetMap extract by running osmosis 0.45 with
 * the mapsforge-map-writer 0.4.1 plugin ({@code --read-pbf ... --mapfile-writer ...}) in the
 * writer's own class loader ({@link MapWriterRuntime}). The pack is written beside the target,
 * opened with the app's mapsforge reader, and only then renamed into place: a failed or
 * unreadable build never leaves a half-written pack where the app looks for packs.
 */
public final class MapBuilder {
    /** The tag mapping that keeps what the accessibility theme draws (shipped in maps/ and in the jar). */
    public static final String ACCESSIBILITY_TAG_MAPPING = "/maps/seuil-tag-mapping.xml";

    private static final String WRITER_PLUGIN = "org.mapsforge.map.writer.osmosis.MapFileWriterPluginLoader";
    private static final String OSMOSIS = "org.openstreetmap.osmosis.core.Osmosis";
    private static final List<String> LOGGERS = List.of("org.openstreetmap.osmosis", "org.mapsforge", "crosby.binary");

    /** How the writer keeps the data while it works: in memory (fast) or in temporary files (for big extracts). */
    public enum Storage { RAM, HD }

    /**
     * What to build.
     *
     * @param area the part of the extract to keep, or null for all of it
     * @param tagMapping a writer tag-mapping XML file, or null for Seuil's accessibility mapping
     */
    public record Request(Path extract, Path out, BoundingBox area, Path tagMapping, Storage storage) {
        public Request {
            Objects.requireNonNull(extract, "extract");
            Objects.requireNonNull(out, "out");
            Objects.requireNonNull(storage, "storage");
        }
    }

    /** The pack written, as mapsforge reads it back. */
    public record Result(Path file, long bytes, double seconds, BoundingBox bounds, int minZoom, int maxZoom, String comment) {
    }

    private final MapWriterRuntime runtime;

    public MapBuilder(MapWriterRuntime runtime) {
        this.runtime = Objects.requireNonNull(runtime, "runtime");
    }

    /**
     * Builds the pack; {@code progress} gets one line per step of the writer ("reading the
     * extract", "writing zoom interval 2 of 3: 100%") on the calling thread's pipeline threads.
     */
    public Result build(Request request, Consumer<String> progress) throws IOException {
        Path extract = request.extract();
        if (!Files.isRegularFile(extract)) {
            throw new IOException(extract + ": no such file");
        }
        String input = inputTask(extract);
        if (request.tagMapping() != null && !Files.isRegularFile(request.tagMapping())) {
            throw new IOException(request.tagMapping() + ": no such tag mapping file");
        }
        Path target = request.out().toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        Path mapping = request.tagMapping() != null ? request.tagMapping() : bundledTagMapping();
        long started = System.nanoTime();
        try {
            List<String> args = new ArrayList<>(List.of("-q", "-p", WRITER_PLUGIN, input, "file=" + extract.toAbsolutePath()));
            if (input.equals("--read-xml")) {
                args.add("compressionMethod=" + compression(extract));
            }
            args.add("--mapfile-writer");
            args.add("file=" + partial);
            args.add("tag-conf-file=" + mapping.toAbsolutePath());
            args.add("type=" + request.storage().name().toLowerCase(Locale.ROOT));
            if (request.area() != null) {
                BoundingBox b = request.area();
                // the writer takes minLat,minLon,maxLat,maxLon; Seuil says minLon,minLat,maxLon,maxLat everywhere
                args.add(String.format(Locale.ROOT, "bbox=%.7f,%.7f,%.7f,%.7f", b.minLat(), b.minLon(), b.maxLat(), b.maxLon()));
            }
            runOsmosis(args, progress);
            if (!Files.isRegularFile(partial) || Files.size(partial) == 0) {
                throw new IOException("the map writer wrote nothing to " + partial);
            }
            Result result = check(partial, target, (System.nanoTime() - started) / 1e9);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return result;
        } finally {
            Files.deleteIfExists(partial);
            if (request.tagMapping() == null) {
                Files.deleteIfExists(mapping);
            }
        }
    }

    /** The osmosis task that reads this extract, chosen by its name. */
    public static String inputTask(Path extract) throws IOException {
        String name = extract.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pbf")) {
            return "--read-pbf";
        }
        if (name.endsWith(".osm") || name.endsWith(".osm.gz") || name.endsWith(".osm.bz2") || name.endsWith(".xml")) {
            return "--read-xml";
        }
        throw new IOException(extract + ": not an OpenStreetMap extract (expected .osm.pbf, .osm, .osm.gz or .osm.bz2)");
    }

    private static String compression(Path extract) {
        String name = extract.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".gz") ? "gzip" : name.endsWith(".bz2") ? "bzip2" : "none";
    }

    private static Path bundledTagMapping() throws IOException {
        Path file = Files.createTempFile("seuil-tag-mapping-", ".xml");
        try (InputStream in = MapBuilder.class.getResourceAsStream(ACCESSIBILITY_TAG_MAPPING)) {
            if (in == null) {
                throw new IOException(ACCESSIBILITY_TAG_MAPPING + " is missing from the app's jar");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    /**
     * Runs {@code Osmosis.run(args)} with the writer's class loader as the context loader (osmosis
     * finds its plugins through it). Osmosis sends its log to the root logger's console; here its
     * records go to {@code progress} instead, and the first error it logs becomes the exception's
     * message (osmosis itself only throws "One or more tasks failed").
     */
    private void runOsmosis(List<String> args, Consumer<String> progress) throws IOException {
        Logger root = Logger.getLogger("");
        Handler[] rootHandlers = root.getHandlers();
        Level rootLevel = root.getLevel();
        AtomicReference<String> firstError = new AtomicReference<>();
        Handler capture = new ProgressHandler(progress, firstError);
        List<Logger> captured = new ArrayList<>();
        for (String name : LOGGERS) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.INFO);
            logger.setUseParentHandlers(false);
            logger.addHandler(capture);
            captured.add(logger); // a strong reference: JUL forgets loggers nobody holds, with their settings
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = runtime.classLoader()) {
            thread.setContextClassLoader(loader);
            Method run = loader.loadClass(OSMOSIS).getMethod("run", String[].class);
            run.invoke(null, (Object) args.toArray(String[]::new));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String detail = firstError.get() != null ? firstError.get() : cause.getMessage();
            throw new IOException("the map writer failed: " + detail, cause);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IOException("the map writer's jars do not load (" + e + "); are they the versions listed by `seuil maps build --help`?", e);
        } finally {
            thread.setContextClassLoader(previous);
            for (Logger logger : captured) {
                logger.removeHandler(capture);
                logger.setUseParentHandlers(true);
                logger.setLevel(null);
            }
            for (Handler h : root.getHandlers()) {
                root.removeHandler(h);
            }
            for (Handler h : rootHandlers) {
                root.addHandler(h);
            }
            root.setLevel(rootLevel);
        }
        if (firstError.get() != null) {
            throw new IOException("the map writer failed: " + firstError.get());
        }
    }

    /** Opens the written file with the app's reader: a pack the renderer cannot read is not installed. */
    private static Result check(Path written, Path target, double seconds) throws IOException {
        MapFile mapFile = MapsforgeTileSource.openMapFile(written);
        try {
            MapFileInfo info = mapFile.getMapFileInfo();
            org.mapsforge.core.model.BoundingBox b = info.boundingBox;
            return new Result(target, Files.size(written), seconds, new BoundingBox(b.minLongitude, b.minLatitude, b.maxLongitude, b.maxLatitude),
                    info.zoomLevelMin, info.zoomLevelMax, info.comment);
        } finally {
            mapFile.close();
        }
    }

    /** Turns the writer's log records into short progress lines and remembers the first error. */
    private static final class ProgressHandler extends Handler {
        private final Consumer<String> progress;
        private final AtomicReference<String> firstError;

        ProgressHandler(Consumer<String> progress, AtomicReference<String> firstError) {
            this.progress = progress;
            this.firstError = firstError;
        }

        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage() == null ? "" : record.getMessage();
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                Throwable thrown = record.getThrown();
                String detail = thrown == null ? message : rootMessage(thrown);
                firstError.compareAndSet(null, detail);
                return;
            }
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                progress.accept("warning: " + message);
            } else if (message.startsWith("start reading data")) {
                progress.accept("reading the extract");
            } else if (message.startsWith("start writing file")) {
                progress.accept("writing the map file");
            } else if (message.startsWith("written ")) {
                progress.accept(message); // "written 100% of sub file for zoom interval index 1"
            } else if (message.startsWith("estimated memory consumption")) {
                progress.accept(message);
            }
        }

        private static String rootMessage(Throwable thrown) {
            Throwable t = thrown;
            String message = t.getMessage();
            while (t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
                if (t.getMessage() != null) {
                    message = t.getMessage();
                }
            }
            return message == null ? thrown.getClass().getSimpleName() : message;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
