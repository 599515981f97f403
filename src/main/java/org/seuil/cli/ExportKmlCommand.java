package org.seuil.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.seuil.formats.kml.KmlWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code seuil export kml --out FILE}: places as KML placemarks styled by grade (see docs/analytics.md). */
@Command(name = "kml", mixinStandardHelpOptions = true,
        description = "Export places as KML 2.2 placemarks, coloured by wheelchair grade, for Google Earth and GIS tools.")
public final class ExportKmlCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Mixin
    StoreOption store;
    @Mixin
    FilterOptions filters;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The .kml file to write.")
    Path out;

    @Override
    public Integer call() {
        long count = PlaceExport.run(store, filters, out, temporary -> PlaceExport.sink(KmlWriter.create(temporary, "Seuil places")));
        spec.commandLine().getOut().printf("%d places written to %s%n", count, out);
        return 0;
    }
}
