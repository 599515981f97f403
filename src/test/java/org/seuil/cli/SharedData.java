package org.seuil.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real data beside the project (../shared/data); tests that need it skip, saying why, when it is absent. */
final class SharedData {
    private SharedData() {
    }

    static Path file(String relative) {
        Path root = Path.of(System.getProperty("seuil.shared.data", "../shared/data"));
        Path file = root.resolve(relative);
        assumeTrue(Files.isRegularFile(file), "skipped: " + file + " is absent (the shared data is not beside the project)");
        return file;
    }
}
