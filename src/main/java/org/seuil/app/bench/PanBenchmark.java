package org.seuil.app.bench;

import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.seuil.app.AppContext;
import org.seuil.app.main.MainView;
import org.seuil.app.map.ChainedTileRetriever;
import org.seuil.app.places.PinLayer;
import org.seuil.app.task.FxTaskExecutor;
import org.seuil.basemap.TileChain;
import org.seuil.basemap.world.WorldOverview;
import org.seuil.basemap.world.WorldOverviewSource;
import org.seuil.domain.GeoPoint;
import org.seuil.store.PlaceStore;

/**
 * Panning the real main window over a store: the map view, the pin layer and its cluster index as
 * the app builds them, driven by an {@link AnimationTimer} that moves the centre a few pixels
 * every frame along a circle, for a given time. Frames are counted by a scene pulse listener;
 * the time each pulse spends in layout (where the pin layer redraws its canvas) is kept too.
 * Tiles come from the offline world overview, so only the places and the map are measured.
 */
public final class PanBenchmark {
    /** What one run measured; times in milliseconds. */
    public record Result(int places, int shownItems, double zoom, double seconds, int frames, double fps,
                         double frameP50Ms, double frameP95Ms, double layoutP50Ms, double layoutP95Ms, double loadMs,
                         double fxCpuMsPerFrame, double renderCpuMsPerFrame) {
        /**
         * The frame rate the two threads of a frame could sustain on an idle machine: the UI thread
         * and the renderer work in a pipeline, so the busier one bounds it (at most the 60 Hz pulse).
         */
        public double cpuBoundFps() {
            double busiest = Math.max(fxCpuMsPerFrame, renderCpuMsPerFrame);
            return busiest <= 0 ? 0 : Math.min(60, 1000 / busiest);
        }
    }

    private PanBenchmark() {
    }

    /**
     * Opens the window on the store, waits until every place is loaded and clustered, centres the
     * map on {@code centre} at {@code zoom}, warms up for a second, then pans for {@code seconds}.
     * Starts the JavaFX platform and stops it when done.
     */
    public static Result run(PlaceStore store, Path dataFolder, GeoPoint centre, double zoom, double seconds, double pxPerFrame)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        TileChain worldOnly = new TileChain(List.of(new WorldOverviewSource(WorldOverview.loadBundled(), 256)), 256);
        CompletableFuture<Result> done = new CompletableFuture<>();
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            try {
                ChainedTileRetriever.configure(worldOnly);
                Stage stage = new Stage();
                AppContext context = new AppContext(store, new FxTaskExecutor(), Locale.ENGLISH, null, dataFolder);
                MainView main = new MainView(context, stage);
                Scene scene = main.createScene();
                stage.setScene(scene);
                stage.show();
                long loadStart = System.nanoTime();
                context.map().placesProperty().addListener((o, old, now) -> {
                    if (now.size() > 0 && !done.isDone()) {
                        double loadMs = (System.nanoTime() - loadStart) / 1e6;
                        MapView map = main.mapView();
                        map.setZoom(zoom);
                        map.setCenter(centre.lat(), centre.lon());
                        new Run(scene, map, now.size(), zoom, seconds, pxPerFrame, loadMs, done).start();
                    }
                });
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        try {
            return done.get((long) (seconds + 600), TimeUnit.SECONDS);
        } finally {
            Platform.exit();
        }
    }

    /** The timed part, on the FX thread. */
    private static final class Run {
        private static final long WARM_UP_NS = 1_000_000_000L;
        private final Scene scene;
        private final MapView map;
        private final int places;
        private final double zoom;
        private final double seconds;
        private final double pxPerFrame;
        private final double loadMs;
        private final CompletableFuture<Result> done;
        private long[] frameNs = new long[4096];
        private long[] layoutNs = new long[4096];
        private int frames;
        private long start = -1;
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private long fxCpuStart;
        private long renderCpuStart;
        private long lastPulse = -1;
        private long layoutStart;
        private double angle;

        Run(Scene scene, MapView map, int places, double zoom, double seconds, double pxPerFrame, double loadMs, CompletableFuture<Result> done) {
            this.scene = scene;
            this.map = map;
            this.places = places;
            this.zoom = zoom;
            this.seconds = seconds;
            this.pxPerFrame = pxPerFrame;
            this.loadMs = loadMs;
            this.done = done;
        }

        void start() {
            long begun = System.nanoTime();
            Runnable pre = () -> layoutStart = System.nanoTime();
            Runnable post = () -> {
                long now = System.nanoTime();
                if (start < 0 || now < start) {
                    return;
                }
                if (frames == frameNs.length) {
                    frameNs = Arrays.copyOf(frameNs, frames * 2);
                    layoutNs = Arrays.copyOf(layoutNs, frames * 2);
                }
                frameNs[frames] = lastPulse < 0 ? 0 : now - lastPulse;
                layoutNs[frames] = now - layoutStart;
                frames++;
                lastPulse = now;
            };
            scene.addPreLayoutPulseListener(pre);
            scene.addPostLayoutPulseListener(post);
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (start < 0 && now - begun > WARM_UP_NS) {
                        start = System.nanoTime();
                        fxCpuStart = cpu(FX_THREAD);
                        renderCpuStart = cpu(RENDER_THREAD);
                    }
                    if (start > 0 && System.nanoTime() - start >= seconds * 1e9) {
                        stop();
                        scene.removePreLayoutPulseListener(pre);
                        scene.removePostLayoutPulseListener(post);
                        done.complete(result(System.nanoTime() - start));
                        return;
                    }
                    // A circle of small steps: every frame moves, and the view stays over the data.
                    angle += 0.02;
                    double w = map.getWidth();
                    double h = map.getHeight();
                    MapPoint target = map.getMapPosition(w / 2 + Math.cos(angle) * pxPerFrame, h / 2 + Math.sin(angle) * pxPerFrame);
                    map.setCenter(target.getLatitude(), target.getLongitude());
                }
            }.start();
        }

        private static final String FX_THREAD = "JavaFX Application Thread";
        private static final String RENDER_THREAD = "QuantumRenderer-0";

        /** CPU time of the named thread so far, in ns (on a shared machine, wall time measures the neighbours). */
        private long cpu(String name) {
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().equals(name)) {
                    return threads.getThreadCpuTime(t.getId());
                }
            }
            return 0;
        }

        private Result result(long elapsedNs) {
            double elapsed = elapsedNs / 1e9;
            double fxCpu = (cpu(FX_THREAD) - fxCpuStart) / 1e6 / Math.max(1, frames);
            double renderCpu = (cpu(RENDER_THREAD) - renderCpuStart) / 1e6 / Math.max(1, frames);
            // The first frame has no previous one to measure from.
            long[] frameTimes = Arrays.copyOfRange(frameNs, Math.min(1, frames), frames);
            long[] layoutTimes = Arrays.copyOf(layoutNs, frames);
            Arrays.sort(frameTimes);
            Arrays.sort(layoutTimes);
            PinLayer layer = pinLayer(map);
            int shown = layer == null ? -1 : layer.shownItems();
            return new Result(places, shown, zoom, elapsed, frames, frames / elapsed, percentile(frameTimes, 0.5), percentile(frameTimes, 0.95),
                    percentile(layoutTimes, 0.5), percentile(layoutTimes, 0.95), loadMs, fxCpu, renderCpu);
        }

        private static PinLayer pinLayer(Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                if (child instanceof PinLayer layer) {
                    return layer;
                }
                if (child instanceof Parent p && pinLayer(p) != null) {
                    return pinLayer(p);
                }
            }
            return null;
        }

        private static double percentile(long[] sorted, double p) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))] / 1e6;
        }
    }
}
