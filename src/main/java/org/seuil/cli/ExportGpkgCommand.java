package org.seuil.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.seuil.analysis.CellShape;
import org.seuil.analysis.GradedPoints;
import org.seuil.analysis.GridAggregation;
import org.seuil.analysis.RatedCriterion;
import org.seuil.formats.gpkg.GeoPackageWriter;
import org.seuil.store.PlaceFilter;
import org.seuil.store.sqlite.SqlitePlaceStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code seuil export gpkg --out FILE}: places (and optionally grid cells) as a GeoPackage 1.3 (see docs/analytics.md). */
@Command(name = "gpkg", mixinStandardHelpOptions = true,
        description = {"Export places as a GeoPackage 1.3 point layer 'places' (EPSG:4326, spatial index) that QGIS opens as it is.",
            "With --grid, also a polygon layer 'cells' of the places aggregated on hexagons or squares."})
public final class ExportGpkgCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Mixin
    StoreOption store;
    @Mixin
    FilterOptions filters;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The .gpkg file to write.")
    Path out;
    @Option(names = "--grid", paramLabel = "SHAPE", description = "Also write a 'cells' layer: hex, hex-pointy or square.")
    String grid;
    @Option(names = "--grid-size", paramLabel = "METRES", defaultValue = "250", description = "Cell size in ground metres (default ${DEFAULT-VALUE}).")
    double gridSize;
    @Option(names = "--epsg", paramLabel = "CODE", defaultValue = "3857", description = "Projected CRS of the cells layer (default ${DEFAULT-VALUE}).")
    int epsg;
    @Mixin
    RatingOption rating;

    @Override
    public Integer call() {
        if (!AnalysisOptions.extension(out).equals("gpkg")) {
            throw new IllegalArgumentException("--out " + out + ": a GeoPackage file name ends in .gpkg");
        }
        PlaceFilter filter = filters.filter(store);
        CellShape shape = grid == null ? null : CellShape.parse(grid);
        RatedCriterion graded = rating.criterion();
        AtomicLong places = new AtomicLong();
        AtomicLong cells = new AtomicLong();
        try (SqlitePlaceStore s = store.open()) {
            AtomicOutput.write(out, temporary -> {
                try (GeoPackageWriter writer = GeoPackageWriter.create(temporary)) {
                    GeoPackageWriter.PlacesLayer layer = writer.places();
                    GradedPoints.Builder points = shape == null ? null : GradedPoints.builder(graded);
                    s.forEach(filter, record -> {
                        layer.accept(record);
                        if (points != null) {
                            points.accept(record);
                        }
                    });
                    places.set(layer.rows());
                    if (points != null) {
                        var layerOfCells = GridAggregation.aggregate(points.build(), AnalysisOptions.area(filter), shape, gridSize, epsg, Instant.now());
                        writer.cells("cells", layerOfCells);
                        cells.set(layerOfCells.cells().size());
                    }
                }
            });
        }
        spec.commandLine().getOut().printf("%d places%s written to %s%n", places.get(),
                shape == null ? "" : " and " + cells.get() + " cells", out);
        return 0;
    }
}
