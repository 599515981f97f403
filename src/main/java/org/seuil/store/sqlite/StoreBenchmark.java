package org.seuil.store.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.seuil.domain.BoundingBox;
import org.seuil.store.ImportSummary;
import org.seuil.store.PlaceFilter;
import org.seuil.store.StoreException;

/**
 * The store's speed figures, for {@code seuil bench import}: imports synthetic places into a new
 * store, then times viewport queries and name searches on it. Figures, not pass or fail.
 */
public final class StoreBenchmark {
    /** The side of the viewport queried, in degrees (a street-level map window). */
    public static final double VIEWPORT_DEGREES = 0.05;

    /**
     * @param records          places imported (one report each)
     * @param importSeconds    wall time of the import, one transaction, indexes included
     * @param queryP50Millis   median time of a {@link #VIEWPORT_DEGREES} viewport query (no limit hit)
     * @param placesPerQuery   mean number of places such a query returned
     * @param searchP50Millis  median time of a two-word prefix search, 50 results
     */
    public record Figures(int records, double importSeconds, double recordsPerSecond, long fileBytes,
                          double queryP50Millis, double queryP95Millis, double placesPerQuery,
                          double searchP50Millis, double searchP95Millis) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT,
                    "import: %,d records in %.2f s = %,.0f records/s (file %,d MB)%n"
                            + "viewport query %.2f°: p50 %.2f ms, p95 %.2f ms, %.1f places per query%n"
                            + "name search: p50 %.2f ms, p95 %.2f ms",
                    records, importSeconds, recordsPerSecond, fileBytes >> 20, VIEWPORT_DEGREES,
                    queryP50Millis, queryP95Millis, placesPerQuery, searchP50Millis, searchP95Millis);
        }
    }

    private StoreBenchmark() {
    }

    /**
     * Runs the benchmark in {@code file}, which must not exist yet (the import is measured into
     * an empty store). The file is left behind for inspection; the caller deletes it.
     */
    public static Figures run(Path file, int records, int queries, long seed) {
        if (Files.exists(file)) {
            throw new StoreException(file + " exists; the benchmark imports into a new store");
        }
        try (SqlitePlaceStore store = SqlitePlaceStore.open(file)) {
            long start = System.nanoTime();
            ImportSummary summary = store.importRecords(new SyntheticPlaces(records, seed), org.seuil.store.ImportSource.OSM);
            double seconds = (System.nanoTime() - start) / 1e9;
            if (summary.placesCreated() != records) {
                throw new IllegalStateException("the import created " + summary.placesCreated() + " places, not " + records);
            }
            SplittableRandom random = new SplittableRandom(seed + 1);
            BoundingBox area = SyntheticPlaces.AREA;
            double[] queryMillis = new double[queries];
            long found = 0;
            for (int i = 0; i < queries; i++) {
                double lon = area.minLon() + random.nextDouble() * (area.maxLon() - area.minLon() - VIEWPORT_DEGREES);
                double lat = area.minLat() + random.nextDouble() * (area.maxLat() - area.minLat() - VIEWPORT_DEGREES);
                PlaceFilter filter = PlaceFilter.ALL.withBbox(new BoundingBox(lon, lat, lon + VIEWPORT_DEGREES, lat + VIEWPORT_DEGREES));
                long t = System.nanoTime();
                found += store.query(filter, 10_000).size();
                queryMillis[i] = (System.nanoTime() - t) / 1e6;
            }
            SyntheticPlaces names = new SyntheticPlaces(queries, seed + 2);
            double[] searchMillis = new double[queries];
            for (int i = 0; i < queries; i++) {
                String name = names.next().place().name();
                String typed = name.substring(0, Math.min(name.length(), name.indexOf(' ') + 4));
                long t = System.nanoTime();
                store.search(typed, 50);
                searchMillis[i] = (System.nanoTime() - t) / 1e6;
            }
            long bytes = fileSize(file);
            return new Figures(records, seconds, records / seconds, bytes,
                    percentile(queryMillis, 50), percentile(queryMillis, 95), (double) found / Math.max(1, queries),
                    percentile(searchMillis, 50), percentile(searchMillis, 95));
        }
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static double percentile(double[] values, int p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
