package org.seuil.app.planner;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;
import org.seuil.analysis.CellShape;
import org.seuil.analysis.GradedPoints;
import org.seuil.analysis.Kernel;
import org.seuil.analysis.RatedCriterion;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;

/**
 * Prints how long the planner's preview takes to compute (after the places are loaded) for 1M
 * synthetic places in a 20 × 20 km city, per mode: heatmap at 25 m (previewed coarser, see
 * {@link PlannerAnalysis#PREVIEW_PIXELS}), hexagons of 250 m, survey freshness. Median of 3 after a
 * warm-up. Run: {@code java -cp target/test-classes:target/seuil.jar org.seuil.app.planner.PlannerPreviewBench [points]}.
 */
public final class PlannerPreviewBench {
    private PlannerPreviewBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Random random = new Random(42);
        double lon0 = 2.25;
        double lat0 = 48.80;
        double dLon = 20_000 / (111_320 * Math.cos(Math.toRadians(lat0 + 0.09)));
        double dLat = 20_000 / 110_574.0;
        GradedPoints.Builder builder = GradedPoints.builder();
        Accessibility[] grades = {Accessibility.NO, Accessibility.LIMITED, Accessibility.YES, Accessibility.UNKNOWN};
        long now = Instant.parse("2026-06-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < n; i++) {
            double u = Math.min(1, Math.max(0, 0.5 + random.nextGaussian() * 0.2));
            double v = Math.min(1, Math.max(0, 0.5 + random.nextGaussian() * 0.2));
            builder.add(lon0 + u * dLon, lat0 + v * dLat, grades[random.nextInt(4)], now - random.nextInt(6 * 365) * 86_400L);
        }
        GradedPoints points = builder.build();
        BoundingBox box = new BoundingBox(lon0, lat0, lon0 + dLon, lat0 + dLat);
        for (PlannerMode mode : PlannerMode.values()) {
            PlannerSettings settings = new PlannerSettings(mode, PlannerArea.view(box), RatedCriterion.WHEELCHAIR, null, (LocalDate) null, null,
                    Kernel.QUARTIC, 200, 25, 1, 0.5, 0, CellShape.HEX_FLAT, 250);
            long[] runs = new long[4];
            Preview last = null;
            for (int r = 0; r < runs.length; r++) {
                long start = System.nanoTime();
                last = PreviewComputer.compute(points, settings, Instant.ofEpochSecond(now));
                runs[r] = (System.nanoTime() - start) / 1_000_000;
            }
            long[] measured = java.util.Arrays.copyOfRange(runs, 1, runs.length);
            java.util.Arrays.sort(measured);
            System.out.printf(Locale.ROOT, "%s: %d points, median %d ms (runs %s), %s%n", mode, n, measured[1],
                    java.util.Arrays.toString(measured), last.raster() != null
                            ? last.raster().width() + "x" + last.raster().height() + " px of " + last.previewMetres() + " m"
                            : last.cells().size() + " cells");
        }
    }
}
