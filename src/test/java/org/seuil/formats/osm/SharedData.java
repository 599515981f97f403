package org.seuil.formats.osm;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real OSM extracts in ../shared/data; tests that need them skip when they are absent. */
final class SharedData {
    static final String PBF_2021 = "osm/monaco-2021-04-21.osm.pbf";
    static final String GZ_2014 = "osm/monaco-2014.osm.gz";

    private SharedData() {
    }

    static Path require(String relative) {
        String root = System.getProperty("seuil.shared.data", "../shared/data");
        Path file = Path.of(root).resolve(relative);
        assumeTrue(Files.isRegularFile(file), file.toAbsolutePath() + " is absent: skipping the test on real OSM data");
        return file;
    }
}
