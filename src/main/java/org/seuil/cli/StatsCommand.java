package org.seuil.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import org.seuil.domain.Accessibility;
import org.seuil.store.StoreStats;
import org.seuil.store.sqlite.SqlitePlaceStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code seuil stats}: what the store holds, per category and per grade. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Print the number of places and reports, per category and per wheelchair grade.")
public final class StatsCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Mixin
    StoreOption store;
    @Mixin
    FilterOptions filters;

    @Override
    public Integer call() {
        StoreStats stats;
        try (SqlitePlaceStore s = store.open()) {
            stats = s.stats(filters.filter(store));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("places: %d%nreports: %d%n", stats.places(), stats.reports());
        out.println("per wheelchair grade:");
        for (Accessibility grade : Accessibility.values()) {
            out.printf("  %-12s %d%n", grade.osm(), stats.placesPerGrade().getOrDefault(grade, 0L));
        }
        out.println("per category:");
        stats.placesPerCategory().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> out.printf("  %-30s %d%n", e.getKey(), e.getValue()));
        out.flush();
        return 0;
    }
}
