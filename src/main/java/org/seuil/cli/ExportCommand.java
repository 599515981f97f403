package org.seuil.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.seuil.formats.csv.PlaceCsvWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code seuil export geojson|csv --out FILE}: streamed from the store, moved into place when complete. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export places from the local store.",
        subcommands = {ExportCommand.GeoJson.class, ExportCommand.Csv.class, ExportGpkgCommand.class, ExportKmlCommand.class})
public final class ExportCommand {

    @Command(name = "geojson", mixinStandardHelpOptions = true,
            description = "Export places with all their reports as an RFC 7946 FeatureCollection (re-importable without loss).")
    static final class GeoJson implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        StoreOption store;
        @Mixin
        FilterOptions filters;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The GeoJSON file to write.")
        Path out;

        @Override
        public Integer call() {
            long count = PlaceExport.runGeoJson(store, filters, out);
            spec.commandLine().getOut().printf("%d places written to %s%n", count, out);
            return 0;
        }
    }

    @Command(name = "csv", mixinStandardHelpOptions = true,
            description = "Export one row per place: lat, lon and one column per criterion (opens in LibreOffice as it is).")
    static final class Csv implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        StoreOption store;
        @Mixin
        FilterOptions filters;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write.")
        Path out;

        @Override
        public Integer call() {
            long count = PlaceExport.run(store, filters, out, temporary -> PlaceExport.sink(PlaceCsvWriter.open(temporary)));
            spec.commandLine().getOut().printf("%d places written to %s%n", count, out);
            return 0;
        }
    }
}
