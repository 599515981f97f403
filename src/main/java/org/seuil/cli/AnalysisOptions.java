package org.seuil.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.seuil.analysis.GradedPoints;
import org.seuil.domain.BoundingBox;
import org.seuil.store.PlaceFilter;
import org.seuil.store.sqlite.SqlitePlaceStore;

/** What the analysis commands share: loading the filtered places, the area, output kinds. */
final class AnalysisOptions {
    private AnalysisOptions() {
    }

    static GradedPoints load(StoreOption store, PlaceFilter filter) {
        GradedPoints.Builder points = GradedPoints.builder();
        try (SqlitePlaceStore s = store.open()) {
            s.forEach(filter, points);
        }
        return points.build();
    }

    /** The area the user asked for, or null for "wherever the places are". */
    static BoundingBox area(PlaceFilter filter) {
        return filter.bbox().equals(BoundingBox.WORLD) ? null : filter.bbox();
    }

    /** The lower-case extension of a file name ({@code tif} for {@code heat.TIF}), or "" when it has none. */
    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
