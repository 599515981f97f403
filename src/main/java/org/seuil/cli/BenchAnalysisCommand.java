package org.seuil.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.seuil.analysis.CellShape;
import org.seuil.analysis.GradedPoints;
import org.seuil.analysis.GridAggregation;
import org.seuil.analysis.Heatmap;
import org.seuil.analysis.HeatmapParameters;
import org.seuil.analysis.Kernel;
import org.seuil.analysis.MetricProjection;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.Criterion;
import org.seuil.domain.PlaceRecord;
import org.seuil.formats.cells.CellLayer;
import org.seuil.formats.gpkg.GeoPackageWriter;
import org.seuil.formats.raster.FloatRaster;
import org.seuil.store.sqlite.SyntheticPlaces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seuil bench analysis}: the planner analytics speed goals (KDE of 1M points into a
 * 1024x1024 raster ≤ 1.5 s, hexagon aggregation of 1M points ≤ 2 s, GeoPackage export of 1M
 * places ≤ 20 s), and GDAL doing the nearest comparable jobs on the same points in the same run
 * ({@code gdal_grid -a count} within the bandwidth, {@code ogr2ogr} CSV to GeoPackage). Prints
 * one JSON line. Times in milliseconds; the in-process figures are the median of three runs after
 * one warm-up run.
 */
@Command(name = "analysis", mixinStandardHelpOptions = true,
        description = "Measure KDE, hexagon aggregation and GeoPackage export (and GDAL on the same points); prints one JSON line.")
public final class BenchAnalysisCommand implements Callable<Integer> {
    /** A city-sized square (about 20 x 20 km around Paris): a 1024-pixel raster has cells of about 20 m. */
    static final BoundingBox CITY = new BoundingBox(2.21, 48.77, 2.48, 48.95);

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--points", defaultValue = "1000000", description = "Synthetic places (default ${DEFAULT-VALUE}).")
    int points;
    @Option(names = "--bandwidth", defaultValue = "200", description = "KDE bandwidth in metres (default ${DEFAULT-VALUE}).")
    double bandwidth;
    @Option(names = "--size", defaultValue = "1024", description = "Raster width and height in pixels (default ${DEFAULT-VALUE}).")
    int size;
    @Option(names = "--no-gdal", description = "Skip the GDAL comparison.")
    boolean noGdal;
    @Option(names = "--dir", description = "Working folder (default: a new temporary folder, deleted afterwards).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("seuil-bench-analysis");
        Map<String, Object> figures = new LinkedHashMap<>();
        try {
            figures.put("points", points);
            figures.put("cores", Runtime.getRuntime().availableProcessors());
            GradedPoints city = clusteredCity(points, 42);

            double scale = MetricProjection.webMercator().scaleAt((CITY.minLon() + CITY.maxLon()) / 2, (CITY.minLat() + CITY.maxLat()) / 2);
            double[] sw = MetricProjection.webMercator().forward(CITY.minLon(), CITY.minLat());
            double[] ne = MetricProjection.webMercator().forward(CITY.maxLon(), CITY.maxLat());
            double cellMetres = Math.max(ne[0] - sw[0], ne[1] - sw[1]) / size / scale;
            for (Kernel kernel : new Kernel[] {Kernel.QUARTIC, Kernel.UNIFORM, Kernel.GAUSSIAN}) {
                HeatmapParameters parameters = new HeatmapParameters(kernel, bandwidth, cellMetres, null, MetricProjection.WEB_MERCATOR);
                FloatRaster[] raster = new FloatRaster[1];
                put(figures, "kde_" + kernel.name().toLowerCase(Locale.ROOT), medianMillis(() -> raster[0] = Heatmap.compute(city, CITY, parameters)));
                if (kernel == Kernel.QUARTIC) {
                    figures.put("kde_raster", raster[0].width() + "x" + raster[0].height());
                    figures.put("kde_cell_m", round(cellMetres));
                    figures.put("kde_bandwidth_m", bandwidth);
                }
            }
            CellLayer[] hexes = new CellLayer[1];
            Instant now = Instant.now();
            put(figures, "hex", medianMillis(() -> hexes[0] = GridAggregation.aggregate(city, CITY, CellShape.HEX_FLAT, 250, 3857, now)));
            figures.put("hex_cells", hexes[0].cells().size());
            put(figures, "square", medianMillis(() -> GridAggregation.aggregate(city, CITY, CellShape.SQUARE, 250, 3857, now)));

            Path gpkg = work.resolve("places.gpkg");
            // What making the records costs, to tell it apart from writing them.
            put(figures, "gpkg_input", measure(() -> new SyntheticPlaces(points, 7).forEachRemaining(r -> r.accessibility())));
            put(figures, "gpkg_export", measure(() -> {
                try (GeoPackageWriter writer = GeoPackageWriter.create(gpkg)) {
                    new SyntheticPlaces(points, 7).forEachRemaining(writer.places());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
            figures.put("gpkg_mb", round(Files.size(gpkg) / 1e6));

            if (!noGdal) {
                gdalComparison(city, scale, work, figures);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println(json(figures));
            out.flush();
            return 0;
        } finally {
            if (dir == null) {
                try (Stream<Path> files = Files.walk(work)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    /** Points around a few dozen centres (a city's streets are not uniform), grades 40 % no, 20 % limited, 30 % yes, 10 % unknown. */
    static GradedPoints clusteredCity(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int centres = 40;
        double[][] centre = new double[centres][];
        for (int i = 0; i < centres; i++) {
            centre[i] = new double[] {CITY.minLon() + random.nextDouble() * (CITY.maxLon() - CITY.minLon()),
                CITY.minLat() + random.nextDouble() * (CITY.maxLat() - CITY.minLat())};
        }
        Accessibility[] grades = {Accessibility.NO, Accessibility.NO, Accessibility.NO, Accessibility.NO, Accessibility.LIMITED,
            Accessibility.LIMITED, Accessibility.YES, Accessibility.YES, Accessibility.YES, Accessibility.UNKNOWN};
        long base = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
        GradedPoints.Builder builder = GradedPoints.builder();
        for (int i = 0; i < n; i++) {
            double lon;
            double lat;
            if (random.nextInt(4) == 0) {
                lon = CITY.minLon() + random.nextDouble() * (CITY.maxLon() - CITY.minLon());
                lat = CITY.minLat() + random.nextDouble() * (CITY.maxLat() - CITY.minLat());
            } else {
                double[] c = centre[random.nextInt(centres)];
                lon = clamp(c[0] + gaussian(random) * 0.01, CITY.minLon(), CITY.maxLon());
                lat = clamp(c[1] + gaussian(random) * 0.007, CITY.minLat(), CITY.maxLat());
            }
            builder.add(lon, lat, grades[random.nextInt(grades.length)], base + random.nextLong(86_400L * 700));
        }
        return builder.build();
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    /** Wall and CPU milliseconds of the median (by wall time) of three runs after a warm-up run. */
    private static double[] medianMillis(Runnable job) {
        job.run();
        double[][] ms = new double[3][];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = measure(job);
        }
        Arrays.sort(ms, Comparator.comparingDouble(m -> m[0]));
        return ms[1];
    }

    /**
     * Wall and process CPU time of one run. The CPU time tells the work done when the machine is
     * shared (wall time then grows with the load, CPU time does not).
     */
    private static double[] measure(Runnable job) {
        long cpu = ProcessCpu.nanos();
        long start = System.nanoTime();
        job.run();
        return new double[] {(System.nanoTime() - start) / 1e6, (ProcessCpu.nanos() - cpu) / 1e6};
    }

    private static void put(Map<String, Object> figures, String key, double[] wallAndCpu) {
        figures.put(key + "_ms", round(wallAndCpu[0]));
        figures.put(key + "_cpu_ms", round(wallAndCpu[1]));
    }

    /** The same points through GDAL: counts within the bandwidth on the same 1024 x 1024 grid, and CSV to GeoPackage. */
    private void gdalComparison(GradedPoints city, double scale, Path work, Map<String, Object> figures) throws IOException, InterruptedException {
        if (!onPath("gdal_grid") || !onPath("ogr2ogr")) {
            figures.put("gdal", "not installed");
            return;
        }
        double[] x = new double[city.size()];
        double[] y = new double[city.size()];
        double[] lon = new double[city.size()];
        double[] lat = new double[city.size()];
        for (int i = 0; i < city.size(); i++) {
            lon[i] = city.lon(i);
            lat[i] = city.lat(i);
        }
        MetricProjection.webMercator().forward(lon, lat, city.size(), x, y);
        Path csv = work.resolve("points.csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.US_ASCII)) {
            out.write("x,y\n");
            for (int i = 0; i < city.size(); i++) {
                out.write(String.format(Locale.ROOT, "%.2f,%.2f%n", x[i], y[i]));
            }
        }
        Path vrt = work.resolve("points.vrt");
        Files.writeString(vrt, "<OGRVRTDataSource><OGRVRTLayer name=\"points\"><SrcDataSource>" + csv
                + "</SrcDataSource><GeometryType>wkbPoint</GeometryType><LayerSRS>EPSG:3857</LayerSRS>"
                + "<GeometryField encoding=\"PointFromColumns\" x=\"x\" y=\"y\"/></OGRVRTLayer></OGRVRTDataSource>");
        double[] sw = MetricProjection.webMercator().forward(CITY.minLon(), CITY.minLat());
        double[] ne = MetricProjection.webMercator().forward(CITY.maxLon(), CITY.maxLat());
        double radius = bandwidth * scale;
        double side = Math.max(ne[0] - sw[0], ne[1] - sw[1]);
        put(figures, "gdal_grid_count", timeMillis(List.of("gdal_grid", "-q", "-a", "count:radius1=" + radius + ":radius2=" + radius,
                "-txe", fmt(sw[0]), fmt(sw[0] + side), "-tye", fmt(sw[1] + side), fmt(sw[1]), "-outsize", Integer.toString(size), Integer.toString(size),
                "-ot", "Float32", "-l", "points", vrt.toString(), work.resolve("gdal_count.tif").toString())));

        Path placesCsv = work.resolve("places.csv");
        try (BufferedWriter out = Files.newBufferedWriter(placesCsv, StandardCharsets.UTF_8)) {
            out.write("lon,lat,id,name,category,address,wheelchair,toilets_wheelchair,step_count,door_width_m,last_surveyed,report_count\n");
            SyntheticPlaces places = new SyntheticPlaces(points, 7);
            while (places.hasNext()) {
                PlaceRecord r = places.next();
                var a = r.accessibility();
                Object steps = a.value(Criterion.STEP_COUNT);
                out.write(String.format(Locale.ROOT, "%.7f,%.7f,%s,\"%s\",%s,,%s,%s,%s,,%s,%d%n", r.place().location().lon(), r.place().location().lat(),
                        r.place().id().value(), r.place().name() == null ? "" : r.place().name().replace("\"", "\"\""),
                        r.place().category() == null ? "" : r.place().category(), a.wheelchair().osm(), a.toiletsWheelchair().osm(),
                        steps == null ? "" : steps, a.lastSurveyed() == null ? "" : a.lastSurveyed(), r.reports().size()));
            }
        }
        put(figures, "ogr2ogr_csv_to_gpkg", timeMillis(List.of("ogr2ogr", "-f", "GPKG", work.resolve("gdal_places.gpkg").toString(),
                placesCsv.toString(), "-nln", "places", "-a_srs", "EPSG:4326", "-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat",
                "-oo", "AUTODETECT_TYPE=YES", "-gt", "65536")));
    }

    /** Wall and CPU (user + system, from bash's {@code times}) milliseconds of a GDAL command. */
    private static double[] timeMillis(List<String> command) throws IOException, InterruptedException {
        List<String> wrapped = new ArrayList<>(List.of("bash", "-c", "\"$@\" >/dev/null 2>&1 || exit $?; times", "bench"));
        wrapped.addAll(command);
        long start = System.nanoTime();
        Process process = new ProcessBuilder(wrapped).redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        if (!process.waitFor(600, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new double[] {-1, -1};
        }
        double wall = (System.nanoTime() - start) / 1e6;
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + process.exitValue());
        }
        // The second line of `times` is the children's user and system time, e.g. "0m1.234s 0m0.056s".
        String[] lines = printed.strip().split("\\R");
        double cpu = 0;
        for (String part : lines[lines.length - 1].strip().split("\\s+")) {
            int m = part.indexOf('m');
            cpu += (Double.parseDouble(part.substring(0, m)) * 60 + Double.parseDouble(part.substring(m + 1, part.length() - 1))) * 1000;
        }
        return new double[] {wall, cpu};
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(java.io.File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String json(Map<String, Object> figures) {
        StringBuilder line = new StringBuilder("{\"bench\":\"analysis\"");
        figures.forEach((k, v) -> line.append(",\"").append(k).append("\":")
                .append(v instanceof String s ? "\"" + s + "\"" : v.toString()));
        return line.append('}').toString();
    }
}
