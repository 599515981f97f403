package org.seuil.formats.geojson;

import com.fasterxml.jackson.core.JsonParser;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Entrance;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Quantity;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.domain.PlaceRecord;
import org.seuil.formats.SampleRecords;
import org.seuil.formats.csv.PlaceCsvWriter;
import org.seuil.formats.json.Json;

/**
 * Throughput of the GeoJSON writer and reader (and the CSV writer) on synthetic places, either
 * "full" (every field of a report in use, 0-3 reports a place, 1.5 on average) or "typical" (one
 * report with a grade and a few measures). Not a unit test: run it by hand and read the figures.
 * Both wall and CPU time are printed, since on a shared machine wall time mostly measures the
 * neighbours.
 *
 * <pre>mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt
 * java -Xmx1g -cp target/classes:target/test-classes:$(cat cp.txt) org.seuil.formats.geojson.GeoJsonBenchmark 1000000 typical</pre>
 */
public final class GeoJsonBenchmark {
    private GeoJsonBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int places = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        boolean typical = args.length > 1 && args[1].equals("typical");
        System.out.println(typical ? "typical places: one report with a grade and a few measures, as after an OSM import"
                : "full places: every field of a report in use, 0-3 reports a place");
        Path file = Files.createTempFile("seuil-bench", ".geojson");
        Path csv = Files.createTempFile("seuil-bench", ".csv");
        try {
            for (int round = 1; round <= 2; round++) {
                System.out.printf("round %d (the first one warms the JIT)%n", round);
                run(places, typical, file, csv);
            }
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(csv);
        }
    }

    private static void run(int places, boolean typical, Path file, Path csv) throws Exception {
        Clock write = new Clock();
        Clock writeCsv = new Clock();
        SampleRecords generator = new SampleRecords(42);
        int made = 0;
        try (GeoJsonWriter writer = GeoJsonWriter.open(file); PlaceCsvWriter csvWriter = PlaceCsvWriter.open(csv)) {
            // Records are made in batches outside the clocks, so only writing is timed.
            for (int done = 0; done < places; done += BATCH) {
                List<PlaceRecord> batch = new ArrayList<>(BATCH);
                for (int i = 0; i < BATCH && made < places; i++, made++) {
                    batch.add(typical ? typical(made) : generator.record());
                }
                write.start();
                batch.forEach(writer);
                write.stop();
                writeCsv.start();
                batch.forEach(csvWriter);
                writeCsv.stop();
            }
            write.start();
            writer.close();
            write.stop();
        }
        double megabytes = Files.size(file) / 1e6;
        System.out.printf("  GeoJSON write: %.0f MB, %s%n", megabytes, write.rates(megabytes, places));
        double csvMegabytes = Files.size(csv) / 1e6;
        System.out.printf("  CSV write: %.0f MB, %s%n", csvMegabytes, writeCsv.rates(csvMegabytes, places));

        Clock tokenize = new Clock();
        tokenize.start();
        long tokens = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             JsonParser parser = Json.FACTORY.createParser(in)) {
            while (parser.nextToken() != null) {
                tokens++;
            }
        }
        tokenize.stop();
        System.out.printf("  Jackson tokens only (baseline, %,d tokens): %s%n", tokens, tokenize.rates(megabytes, places));

        Clock read = new Clock();
        read.start();
        long count = 0;
        long reports = 0;
        try (GeoJsonReader reader = GeoJsonReader.open(file, false)) {
            while (reader.hasNext()) {
                reports += reader.next().reports().size();
                count++;
            }
        }
        read.stop();
        System.out.printf("  GeoJSON read to PlaceRecords (%,d places, %,d reports): %s%n", count, reports, read.rates(megabytes, count));
    }

    private static final int BATCH = 10_000;
    private static final Instant SURVEYED = Instant.parse("2024-05-01T10:00:00Z");

    /** A place as most will be: named, categorised, one report with a grade and a few measures. */
    private static PlaceRecord typical(int i) {
        PlaceId id = new PlaceId(new UUID(0x5e011L << 32 | i, ~(long) i).toString());
        Place place = new Place(id, new GeoPoint(43 + (i % 100_000) * 1e-5, 7 + (i / 100_000) * 1e-3), "Café n°" + i, "amenity=cafe", null);
        Report report = new Report(new ReportId(new UUID(0x4e9L << 32 | i, i * 31L).toString()), id, "osm",
                SURVEYED.plusSeconds(i), 1, Accessibility.values()[i % 4], Accessibility.UNKNOWN,
                new Entrance(i % 3, null, null, Quantity.metres(0.8 + (i % 20) / 100.0), null, null),
                null, null, null, Map.of(), List.of(), List.of(), false);
        return new PlaceRecord(place, List.of(report));
    }

    /**
     * Wall time and this thread's CPU time: the machine is shared, so wall time alone says more
     * about the neighbours than about the code.
     */
    private static final class Clock {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private long wall;
        private long cpu;
        private long wallStart;
        private long cpuStart;

        void start() {
            wallStart = System.nanoTime();
            cpuStart = THREADS.getCurrentThreadCpuTime();
        }

        void stop() {
            wall += System.nanoTime() - wallStart;
            cpu += THREADS.getCurrentThreadCpuTime() - cpuStart;
        }

        String rates(double megabytes, long features) {
            return String.format("wall %.2f s = %.0f MB/s, %,.0f features/s; CPU %.2f s = %.0f MB/s, %,.0f features/s",
                    wall / 1e9, megabytes * 1e9 / wall, features * 1e9 / wall, cpu / 1e9, megabytes * 1e9 / cpu, features * 1e9 / cpu);
        }
    }
}
