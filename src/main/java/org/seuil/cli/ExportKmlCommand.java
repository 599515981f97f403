package org.seuil.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.seuil.formats.kml.KmlWriter;
import org.seuil.store.PlaceFilter;
import org.seuil.store.sqlite.SqlitePlaceStore;
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
        PlaceFilter filter = filters.filter();
        AtomicLong count = new AtomicLong();
        try (SqlitePlaceStore s = store.open()) {
            AtomicOutput.write(out, temporary -> {
                try (KmlWriter writer = KmlWriter.create(temporary, "Seuil places")) {
                    s.forEach(filter, writer);
                    count.set(writer.placemarks());
                }
            });
        }
        spec.commandLine().getOut().printf("%d places written to %s%n", count.get(), out);
        return 0;
    }
}
