package org.seuil.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.concurrent.Callable;
import org.seuil.domain.Accessibility;
import org.seuil.formats.SkippedFeature;
import org.seuil.formats.csv.PlaceCsvReader;
import org.seuil.formats.geojson.GeoJsonReader;
import org.seuil.formats.osm.OsmExtract;
import org.seuil.formats.osm.OsmReader;
import org.seuil.store.ImportSource;
import org.seuil.store.ImportSummary;
import org.seuil.store.sqlite.SqlitePlaceStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code seuil import osm|geojson|csv FILE}: one transaction each, all or nothing. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import places into the local store. Each import is one transaction: on any error nothing is stored.",
        subcommands = {ImportCommand.Osm.class, ImportCommand.GeoJson.class, ImportCommand.Csv.class})
public final class ImportCommand {

    static Path existing(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        return file;
    }

    static void printSummary(PrintWriter out, ImportSummary s) {
        out.printf("places: %d created, %d updated, %d unchanged%n", s.placesCreated(), s.placesUpdated(), s.placesUnchanged());
        out.printf("reports: %d created, %d updated, %d unchanged%n", s.reportsCreated(), s.reportsUpdated(), s.reportsUnchanged());
        EnumMap<Accessibility, Long> grades = new EnumMap<>(Accessibility.class);
        grades.putAll(s.perGrade());
        StringBuilder line = new StringBuilder("wheelchair:");
        for (Accessibility grade : Accessibility.values()) {
            line.append(' ').append(grade.osm()).append(' ').append(grades.getOrDefault(grade, 0L))
                    .append(grade == Accessibility.UNKNOWN ? "" : ",");
        }
        out.println(line);
        out.flush();
    }

    static void printSkipped(PrintWriter err, List<SkippedFeature> skipped) {
        for (SkippedFeature s : skipped) {
            err.println("skipped " + s);
        }
        if (!skipped.isEmpty()) {
            err.println(skipped.size() + " invalid features skipped");
        }
        err.flush();
    }

    @Command(name = "osm", mixinStandardHelpOptions = true,
            description = "Import venues and wheelchair-tagged elements of an OSM extract (.osm, .osm.gz, .osm.pbf). "
                    + "Re-importing updates places in place and never touches reports made by people.")
    static final class Osm implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        StoreOption store;
        @Parameters(paramLabel = "FILE", description = "The OSM extract.")
        Path file;

        @Override
        public Integer call() {
            OsmExtract extract = OsmReader.read(existing(file));
            PrintWriter out = spec.commandLine().getOut();
            try (SqlitePlaceStore s = store.open()) {
                ImportSummary summary = s.importRecords(extract.places(), ImportSource.OSM);
                out.println(extract.summary().describe());
                printSummary(out, summary);
            }
            return 0;
        }
    }

    @Command(name = "geojson", mixinStandardHelpOptions = true,
            description = "Import a GeoJSON FeatureCollection of places (as Seuil exports them, or points with OSM-like tags).")
    static final class GeoJson implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        StoreOption store;
        @Parameters(paramLabel = "FILE", description = "The GeoJSON file.")
        Path file;
        @Option(names = "--skip-invalid", description = "Skip invalid features (each is listed with its reason) instead of importing nothing.")
        boolean skipInvalid;

        @Override
        public Integer call() {
            try (GeoJsonReader reader = GeoJsonReader.open(existing(file), skipInvalid); SqlitePlaceStore s = store.open()) {
                ImportSummary summary = s.importRecords(reader, ImportSource.FILE);
                printSkipped(spec.commandLine().getErr(), reader.skipped());
                printSummary(spec.commandLine().getOut(), summary);
            }
            return 0;
        }
    }

    @Command(name = "csv", mixinStandardHelpOptions = true,
            description = "Import a CSV file, one place per row (columns: docs/formats.md).")
    static final class Csv implements Callable<Integer> {
        @Spec
        picocli.CommandLine.Model.CommandSpec spec;
        @Mixin
        StoreOption store;
        @Parameters(paramLabel = "FILE", description = "The CSV file (UTF-8, comma-separated, first line a header).")
        Path file;
        @Option(names = "--skip-invalid", description = "Skip invalid rows (each is listed with its reason) instead of importing nothing.")
        boolean skipInvalid;

        @Override
        public Integer call() {
            try (PlaceCsvReader reader = PlaceCsvReader.open(existing(file), skipInvalid); SqlitePlaceStore s = store.open()) {
                ImportSummary summary = s.importRecords(reader, ImportSource.FILE);
                if (!reader.ignoredColumns().isEmpty()) {
                    spec.commandLine().getErr().println("ignored columns: " + String.join(", ", reader.ignoredColumns()));
                }
                printSkipped(spec.commandLine().getErr(), reader.skipped());
                printSummary(spec.commandLine().getOut(), summary);
            }
            return 0;
        }
    }
}
