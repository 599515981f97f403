package org.seuil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seuil.formats.geojson.GeoJsonReader;
import org.seuil.formats.geojson.GeoJsonWriter;
import org.seuil.store.ImportSource;
import org.seuil.store.ImportSummary;
import org.seuil.store.PlaceFilter;
import org.seuil.store.sqlite.SqlitePlaceStore;
import org.seuil.store.sqlite.StoreBenchmark;
import org.seuil.store.sqlite.SyntheticPlaces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seuil bench import}: the foundation's speed goals, end to end through the real code
 * paths: a GeoJSON file of synthetic places imported into an empty store (goal ≥ 100,000
 * features/s), then the store exported back to GeoJSON (goal ≥ 80 MB/s), then viewport queries.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Measure GeoJSON import into an empty store, GeoJSON export, and viewport queries; prints one JSON line.")
public final class BenchImportCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--places", defaultValue = "1000000", description = "Synthetic places (default ${DEFAULT-VALUE}).")
    int places;

    @Option(names = "--dir", description = "Working folder (default: a new temporary folder, deleted afterwards).")
    Path dir;

    @Override
    public Integer call() throws IOException {
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("seuil-bench");
        Path source = work.resolve("synthetic.geojson");
        Path database = work.resolve("bench.db");
        Path exported = work.resolve("exported.geojson");
        try {
            Files.deleteIfExists(database);
            try (GeoJsonWriter writer = GeoJsonWriter.open(source)) {
                new SyntheticPlaces(places, 42).forEachRemaining(writer);
            }
            long sourceBytes = Files.size(source);

            long start = System.nanoTime();
            long cpuStart = ProcessCpu.nanos();
            ImportSummary summary;
            try (GeoJsonReader reader = GeoJsonReader.open(source, false); SqlitePlaceStore store = SqlitePlaceStore.open(database)) {
                summary = store.importRecords(reader, ImportSource.FILE);
            }
            double importSeconds = (System.nanoTime() - start) / 1e9;
            double importCpuSeconds = (ProcessCpu.nanos() - cpuStart) / 1e9;

            start = System.nanoTime();
            cpuStart = ProcessCpu.nanos();
            try (SqlitePlaceStore store = SqlitePlaceStore.open(database); GeoJsonWriter writer = GeoJsonWriter.open(exported)) {
                store.forEachEncoded(PlaceFilter.ALL, PlaceExport.geoJson(writer));
            }
            double exportSeconds = (System.nanoTime() - start) / 1e9;
            double exportCpuSeconds = (ProcessCpu.nanos() - cpuStart) / 1e9;
            long exportedBytes = Files.size(exported);

            Files.deleteIfExists(database);
            Files.deleteIfExists(database.resolveSibling("bench.db-wal"));
            Files.deleteIfExists(database.resolveSibling("bench.db-shm"));
            StoreBenchmark.Figures store = StoreBenchmark.run(database, places, 2000, 7);

            PrintWriter out = spec.commandLine().getOut();
            out.println(String.format(Locale.ROOT,
                    "{\"places\":%d,\"geojson_mb\":%.1f,\"import_s\":%.2f,\"import_features_per_s\":%.0f,\"import_cpu_s\":%.2f,"
                            + "\"export_s\":%.2f,\"export_mb_per_s\":%.1f,\"export_cpu_s\":%.2f,\"bulk_import_records_per_s\":%.0f,"
                            + "\"viewport_query_p50_ms\":%.2f,\"viewport_query_p95_ms\":%.2f,\"search_p50_ms\":%.2f}",
                    summary.placesCreated(), sourceBytes / 1e6, importSeconds, summary.placesCreated() / importSeconds, importCpuSeconds,
                    exportSeconds, exportedBytes / 1e6 / exportSeconds, exportCpuSeconds, store.recordsPerSecond(),
                    store.queryP50Millis(), store.queryP95Millis(), store.searchP50Millis()));
            out.flush();
            return 0;
        } finally {
            if (dir == null) {
                try (var files = Files.list(work)) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(work);
            }
        }
    }
}
