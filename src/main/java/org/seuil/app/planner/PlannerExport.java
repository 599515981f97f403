package org.seuil.app.planner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleConsumer;
import java.util.stream.Stream;
import org.seuil.analysis.GradedPoints;
import org.seuil.analysis.GridAggregation;
import org.seuil.formats.cells.CellLayer;
import org.seuil.formats.csv.CellCsvWriter;
import org.seuil.formats.geojson.CellGeoJsonWriter;
import org.seuil.formats.gpkg.GeoPackageWriter;
import org.seuil.formats.kml.KmlWriter;
import org.seuil.formats.raster.FloatRaster;
import org.seuil.formats.raster.GeoTiffWriter;
import org.seuil.formats.raster.PngWriter;
import org.seuil.store.PlaceFilter;
import org.seuil.store.PlaceStore;

/**
 * Writes what the planner shows to a file, with the same writers as {@code seuil heatmap},
 * {@code seuil grid} and {@code seuil export}. Everything is written into a hidden folder beside
 * the target and moved into place only once complete, so Cancel or a failure leaves no file, or
 * the previous one (a PNG's three files included). Progress is the share of places read.
 */
public final class PlannerExport {
    /** What was written. */
    public record Result(long places, long cells, List<Path> files) {
    }

    private final PlaceStore store;
    private final AtomicBoolean cancelled;
    private final DoubleConsumer progress;

    public PlannerExport(PlaceStore store, AtomicBoolean cancelled, DoubleConsumer progress) {
        this.store = store;
        this.cancelled = cancelled;
        this.progress = progress;
    }

    /**
     * @param legendTitle what the PNG legend calls the values, in the user's language
     */
    public Result write(PlannerSettings settings, ExportFormat format, Path target, String legendTitle, Instant now) {
        Path destination = target.toAbsolutePath();
        try {
            Path folder = destination.getParent();
            Files.createDirectories(folder);
            Path work = Files.createTempDirectory(folder, "." + destination.getFileName() + ".part");
            try {
                Path out = work.resolve(destination.getFileName());
                Result written = writeInto(settings, format, out, legendTitle, now);
                checkCancelled();
                // The image last: a reader that sees it finds its world file and legend already there.
                List<Path> moved = new ArrayList<>();
                List<Path> files = new ArrayList<>(written.files());
                java.util.Collections.reverse(files);
                for (Path file : files) {
                    Path into = folder.resolve(file.getFileName());
                    Files.move(file, into, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    moved.add(0, into);
                }
                return new Result(written.places(), written.cells(), moved);
            } finally {
                deleteTree(work);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(destination + ": " + e.getMessage(), e);
        }
    }

    private Result writeInto(PlannerSettings settings, ExportFormat format, Path out, String legendTitle, Instant now) throws IOException {
        PlaceFilter filter = settings.filter();
        long total = Math.max(1, store.stats(filter).places());
        AtomicLong read = new AtomicLong();
        GradedPoints.Builder points = GradedPoints.builder(settings.rating());
        switch (format) {
            case GEOPACKAGE -> {
                long cells;
                try (GeoPackageWriter writer = GeoPackageWriter.create(out)) {
                    GeoPackageWriter.PlacesLayer places = writer.places();
                    store.forEach(filter, record -> {
                        checkCancelled();
                        places.accept(record);
                        points.accept(record);
                        step(read, total);
                    });
                    checkCancelled();
                    CellLayer layer = PlannerAnalysis.cells(points.build(), settings, now);
                    writer.cells("cells", layer);
                    cells = layer.cells().size();
                }
                return new Result(read.get(), cells, List.of(out));
            }
            case KML -> {
                try (KmlWriter writer = KmlWriter.create(out, "Seuil places")) {
                    store.forEach(filter, record -> {
                        checkCancelled();
                        writer.accept(record);
                        step(read, total);
                    });
                }
                return new Result(read.get(), 0, List.of(out));
            }
            default -> {
                store.forEach(filter, record -> {
                    checkCancelled();
                    points.accept(record);
                    step(read, total);
                });
                checkCancelled();
                GradedPoints loaded = points.build();
                switch (format) {
                    case GEOTIFF -> {
                        GeoTiffWriter.write(PlannerAnalysis.heatmap(loaded, settings), out);
                        return new Result(read.get(), 0, List.of(out));
                    }
                    case PNG -> {
                        FloatRaster raster = PlannerAnalysis.heatmap(loaded, settings);
                        PngWriter.PngFiles files = PngWriter.write(raster, out, legendTitle);
                        return new Result(read.get(), 0, List.of(files.image(), files.worldFile(), files.legend()));
                    }
                    case GEOJSON, CSV -> {
                        CellLayer cells = GridAggregation.toWgs84(PlannerAnalysis.cells(loaded, settings, now));
                        if (format == ExportFormat.CSV) {
                            CellCsvWriter.write(cells, out);
                        } else {
                            CellGeoJsonWriter.write(cells, out);
                        }
                        return new Result(read.get(), cells.cells().size(), List.of(out));
                    }
                    default -> throw new IllegalArgumentException(format.toString());
                }
            }
        }
    }

    private void step(AtomicLong read, long total) {
        long n = read.incrementAndGet();
        if (n % 256 == 0) {
            progress.accept(Math.min(1, (double) n / total));
        }
    }

    private void checkCancelled() {
        if (cancelled.get()) {
            throw new CancellationException("cancelled");
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
