package org.seuil.store.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prints the store's speed figures (not a test): {@code StoreBench [records] [queries]}.
 * Imports synthetic places into a fresh store in a temporary folder, then deletes it.
 */
public final class StoreBench {
    private StoreBench() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Path folder = Files.createTempDirectory("seuil-bench");
        Path file = folder.resolve("bench.db");
        try {
            System.out.println(StoreBenchmark.run(file, records, queries, 42));
        } finally {
            try (var files = Files.list(folder)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(folder);
        }
    }
}
