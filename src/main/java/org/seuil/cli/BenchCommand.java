package org.seuil.cli;

import picocli.CommandLine.Command;

/** {@code seuil bench ...}: speed figures printed as one JSON line each, for docs/PERFORMANCE.md. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print their figures (see docs/PERFORMANCE.md).",
        subcommands = {BenchImportCommand.class, SyncBenchCommand.class, BenchClusterCommand.class, BenchTilesCommand.class, BenchAnalysisCommand.class, BenchPanCommand.class})
public final class BenchCommand {
}
