package org.seuil.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.seuil.app.bench.PanBenchmark;
import org.seuil.domain.GeoPoint;
import org.seuil.store.ImportSource;
import org.seuil.store.PlaceFilter;
import org.seuil.store.sqlite.SqlitePlaceStore;
import org.seuil.store.sqlite.SyntheticPlaces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code seuil bench pan --db FILE}: frames per second while panning the real map window over a
 * store (filled with synthetic places first when empty). Run it under the software renderer
 * ({@code -Dprism.order=sw}) and a display (Xvfb) for the figure of docs/PERFORMANCE.md.
 */
@Command(name = "pan", mixinStandardHelpOptions = true,
        description = "Measure panning fps in the real map window over a store (synthetic places added when it is empty); prints one JSON line.")
public final class BenchPanCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", required = true, paramLabel = "FILE", description = "the store; filled with --places synthetic places when empty")
    Path db;

    @Option(names = "--places", defaultValue = "1000000", description = "synthetic places for an empty store (default ${DEFAULT-VALUE})")
    int places;

    @Option(names = "--seconds", defaultValue = "20", description = "how long to pan (default ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--zoom", defaultValue = "12", description = "map zoom while panning (default ${DEFAULT-VALUE})")
    double zoom;

    @Option(names = "--step", defaultValue = "8", description = "pixels moved per frame (default ${DEFAULT-VALUE})")
    double step;

    @Override
    public Integer call() throws Exception {
        if (seconds <= 0 || places < 1) {
            throw new IllegalArgumentException("--seconds and --places must be positive");
        }
        SqlitePlaceStore store = SqlitePlaceStore.open(db);
        double importMs = 0;
        if (store.stats(PlaceFilter.ALL).places() == 0) {
            long start = System.nanoTime();
            store.importRecords(new SyntheticPlaces(places, 42), ImportSource.FILE);
            importMs = (System.nanoTime() - start) / 1e6;
        }
        GeoPoint centre = new GeoPoint((SyntheticPlaces.AREA.minLat() + SyntheticPlaces.AREA.maxLat()) / 2,
                (SyntheticPlaces.AREA.minLon() + SyntheticPlaces.AREA.maxLon()) / 2);
        Path dataFolder = db.toAbsolutePath().getParent();
        PanBenchmark.Result r = PanBenchmark.run(store, dataFolder, centre, zoom, seconds, step);
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        spec.commandLine().getOut().println(String.format(Locale.ROOT,
                "{\"places\":%d,\"zoom\":%.1f,\"shown_items\":%d,\"seconds\":%.2f,\"frames\":%d,\"fps\":%.1f,"
                        + "\"frame_p50_ms\":%.2f,\"frame_p95_ms\":%.2f,\"layout_p50_ms\":%.2f,\"layout_p95_ms\":%.2f,"
                        + "\"fx_cpu_ms_per_frame\":%.2f,\"render_cpu_ms_per_frame\":%.2f,\"cpu_bound_fps\":%.1f,"
                        + "\"load_places_ms\":%.0f,\"import_ms\":%.0f,\"renderer\":\"%s\",\"load_average\":%.2f}",
                r.places(), r.zoom(), r.shownItems(), r.seconds(), r.frames(), r.fps(), r.frameP50Ms(), r.frameP95Ms(),
                r.layoutP50Ms(), r.layoutP95Ms(), r.fxCpuMsPerFrame(), r.renderCpuMsPerFrame(), r.cpuBoundFps(), r.loadMs(), importMs, System.getProperty("prism.order", "default"), load));
        spec.commandLine().getOut().flush();
        store.close();
        return 0;
    }
}
