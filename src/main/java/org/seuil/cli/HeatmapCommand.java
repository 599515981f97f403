package org.seuil.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.seuil.analysis.GradeWeights;
import org.seuil.analysis.GradedPoints;
import org.seuil.analysis.Heatmap;
import org.seuil.analysis.HeatmapParameters;
import org.seuil.analysis.Kernel;
import org.seuil.formats.raster.FloatRaster;
import org.seuil.formats.raster.GeoTiffWriter;
import org.seuil.formats.raster.PngWriter;
import org.seuil.store.PlaceFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code seuil heatmap --out FILE(.tif|.png)}: a kernel density heatmap of barriers (see docs/analytics.md). */
@Command(name = "heatmap", mixinStandardHelpOptions = true,
        description = {"Write a heatmap of barriers: kernel density of places weighted by grade, in weighted places per km².",
            "A .tif is a float32 GeoTIFF (nodata where no place is within reach); a .png comes with a .pgw world file and a -legend.png."})
public final class HeatmapCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Mixin
    StoreOption store;
    @Mixin
    FilterOptions filters;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The .tif (GeoTIFF) or .png file to write.")
    Path out;
    @Option(names = "--cell", paramLabel = "METRES", defaultValue = "25", description = "Pixel size in ground metres (default ${DEFAULT-VALUE}).")
    double cell;
    @Option(names = "--bandwidth", paramLabel = "METRES", defaultValue = "200",
            description = "Kernel bandwidth in ground metres (the standard deviation for gaussian; default ${DEFAULT-VALUE}).")
    double bandwidth;
    @Option(names = "--kernel", paramLabel = "NAME", defaultValue = "quartic",
            description = "quartic, triangular, uniform, epanechnikov or gaussian (default ${DEFAULT-VALUE}).")
    String kernel;
    @Option(names = "--weights", paramLabel = "GRADE=W,...", defaultValue = "no=1,limited=0.5",
            description = "Weight of a place per wheelchair grade; grades not named weigh 0 (default ${DEFAULT-VALUE}).")
    String weights;
    @Mixin
    RatingOption rating;
    @Option(names = "--epsg", paramLabel = "CODE", defaultValue = "3857",
            description = "Projected CRS in metres for the raster (default ${DEFAULT-VALUE}, Web Mercator).")
    int epsg;

    @Override
    public Integer call() {
        String kind = AnalysisOptions.extension(out);
        if (!kind.equals("tif") && !kind.equals("tiff") && !kind.equals("png")) {
            throw new IllegalArgumentException("--out " + out + ": the heatmap is written as .tif (GeoTIFF) or .png");
        }
        HeatmapParameters parameters = new HeatmapParameters(Kernel.parse(kernel), bandwidth, cell, GradeWeights.parse(weights), epsg);
        PlaceFilter filter = filters.filter(store);
        GradedPoints points = AnalysisOptions.load(store, filter, rating.criterion());
        FloatRaster computed = Heatmap.compute(points, AnalysisOptions.area(filter), parameters);
        // A district's heatmap ends at its boundary: pixels outside the polygon are nodata.
        FloatRaster raster = filter.area() == null ? computed : Heatmap.mask(computed, filter.area());
        if (kind.equals("png")) {
            try {
                // Three files that belong together; written in place rather than moved one by one.
                PngWriter.write(raster, out, "barriers per km²");
            } catch (IOException e) {
                throw new UncheckedIOException(out + ": " + e.getMessage(), e);
            }
        } else {
            AtomicOutput.write(out, temporary -> GeoTiffWriter.write(raster, temporary));
        }
        float[] range = raster.range();
        spec.commandLine().getOut().printf(java.util.Locale.ROOT,
                "%d places -> %dx%d pixels of %.2f CRS units (EPSG:%d), max %.3f barriers/km², written to %s%n",
                points.size(), raster.width(), raster.height(), raster.geometry().pixelSize(), epsg,
                range == null ? 0f : range[1], out);
        return 0;
    }
}
