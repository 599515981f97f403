package org.seuil.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.seuil.analysis.GradedPoints;
import org.seuil.analysis.RatedCriterion;
import org.seuil.domain.BoundingBox;
import org.seuil.store.PlaceFilter;
import org.seuil.store.sqlite.SqlitePlaceStore;

/** What the analysis commands share: loading the filtered places, the area, output kinds. */
final class AnalysisOptions {
    private AnalysisOptions() {
    }

    static GradedPoints load(StoreOption store, PlaceFilter filter, RatedCriterion rating) {
        GradedPoints.Builder points = GradedPoints.builder(rating);
        try (SqlitePlaceStore s = store.open()) {
            s.forEach(filter, points);
        }
        return points.build();
    }

    /** The area the user asked for (the box, narrowed to the polygon's envelope), or null for "wherever the places are". */
    static BoundingBox area(PlaceFilter filter) {
        BoundingBox area = filter.analysisArea();
        if (area == null && (filter.area() != null)) {
            throw new IllegalArgumentException("--polygon lies outside --bbox: no place can match");
        }
        return area;
    }

    /** The lower-case extension of a file name ({@code tif} for {@code heat.TIF}), or "" when it has none. */
    static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
