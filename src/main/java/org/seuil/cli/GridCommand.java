package org.seuil.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.seuil.analysis.CellShape;
import org.seuil.analysis.GradedPoints;
import org.seuil.analysis.GridAggregation;
import org.seuil.formats.cells.CellLayer;
import org.seuil.formats.csv.CellCsvWriter;
import org.seuil.formats.geojson.CellGeoJsonWriter;
import org.seuil.formats.gpkg.GeoPackageWriter;
import org.seuil.store.PlaceFilter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code seuil grid --shape hex|square --size 250 --out FILE}: places aggregated on cells (see docs/analytics.md). */
@Command(name = "grid", mixinStandardHelpOptions = true,
        description = {"Aggregate places on square or hexagonal cells: per cell the number of places, the share of no / limited / yes,",
            "and the median age of their surveys in days. Writes a .gpkg (cells in the projected CRS), .geojson or .csv (WGS 84)."})
public final class GridCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Mixin
    StoreOption store;
    @Mixin
    FilterOptions filters;

    @Option(names = "--shape", paramLabel = "SHAPE", defaultValue = "hex",
            description = "hex (flat-top), hex-pointy or square (default ${DEFAULT-VALUE}).")
    String shape;
    @Option(names = "--size", paramLabel = "METRES", defaultValue = "250",
            description = "Side of a square, or edge (= centre-to-corner) of a hexagon, in ground metres (default ${DEFAULT-VALUE}).")
    double size;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The .gpkg, .geojson or .csv file to write.")
    Path out;
    @Mixin
    RatingOption rating;
    @Option(names = "--epsg", paramLabel = "CODE", defaultValue = "3857",
            description = "Projected CRS in metres the cells are laid out in (default ${DEFAULT-VALUE}).")
    int epsg;

    @Override
    public Integer call() {
        String kind = AnalysisOptions.extension(out);
        if (!kind.equals("gpkg") && !kind.equals("geojson") && !kind.equals("json") && !kind.equals("csv")) {
            throw new IllegalArgumentException("--out " + out + ": cells are written as .gpkg, .geojson or .csv");
        }
        PlaceFilter filter = filters.filter(store);
        GradedPoints points = AnalysisOptions.load(store, filter, rating.criterion());
        CellLayer cells = GridAggregation.aggregate(points, AnalysisOptions.area(filter), CellShape.parse(shape), size, epsg, Instant.now());
        AtomicOutput.write(out, temporary -> {
            switch (kind) {
                case "gpkg" -> {
                    try (GeoPackageWriter writer = GeoPackageWriter.create(temporary)) {
                        writer.cells("cells", cells);
                    }
                }
                case "csv" -> CellCsvWriter.write(GridAggregation.toWgs84(cells), temporary);
                default -> CellGeoJsonWriter.write(GridAggregation.toWgs84(cells), temporary);
            }
        });
        spec.commandLine().getOut().printf("%d places in %d %s cells of %s m written to %s%n",
                points.size(), cells.cells().size(), cells.shape(), size, out);
        return 0;
    }
}
