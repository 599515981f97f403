package org.seuil.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.seuil.basemap.MapTheme;
import org.seuil.basemap.TileBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code seuil bench tiles}: measures offline tile rendering and caching on one pack and prints
 * the figures as one JSON line (goals: cold median at most 100 ms, cached at most 5 ms, Monaco
 * zooms 12-17 prefetched in at most 20 s).
 */
@Command(name = "tiles", mixinStandardHelpOptions = true,
        description = "Benchmarks offline tiles on a mapsforge pack; prints one JSON line.")
public final class BenchTilesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--map", required = true, paramLabel = "FILE.map")
    Path map;

    @Option(names = "--theme", defaultValue = "accessibility", description = "accessibility, default or a theme XML file.")
    String theme;

    @Option(names = "--tile-size", defaultValue = "256")
    int tileSize;

    @Option(names = "--zooms", defaultValue = "12-17", paramLabel = "MIN-MAX", description = "Prefetch zooms (default: ${DEFAULT-VALUE}).")
    String zooms;

    @Override
    public Integer call() throws IOException {
        int[] range = MapsCommand.parseZooms(zooms);
        Path work = Files.createTempDirectory("seuil-bench-tiles");
        try {
            TileBenchmark.Result result = TileBenchmark.run(map, MapTheme.parse(theme), tileSize, range[0], range[1], work);
            spec.commandLine().getOut().println(result.toJson());
        } finally {
            try (var files = Files.list(work)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(work);
        }
        return 0;
    }
}
