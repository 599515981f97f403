package org.seuil.basemap;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real data in ../shared/data; tests skip when it is absent. */
public final class SharedData {
    private SharedData() {
    }

    public static Path file(String relative) {
        String root = System.getProperty("seuil.shared.data");
        assumeTrue(root != null, "system property seuil.shared.data is not set; shared data absent, test skipped");
        Path file = Path.of(root, relative);
        assumeTrue(Files.isRegularFile(file), file + " is absent; test skipped");
        return file;
    }

    public static Path monacoMap() {
        return file("maps/monaco-2021-04-21.map");
    }
}
