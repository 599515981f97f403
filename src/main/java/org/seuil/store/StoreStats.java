package org.seuil.store;

import java.util.Map;
import org.seuil.domain.Accessibility;

/** Counts for {@code seuil stats}: places and live reports, per category and per derived grade. */
public record StoreStats(long places, long reports, Map<String, Long> placesPerCategory, Map<Accessibility, Long> placesPerGrade) {
    public StoreStats {
        placesPerCategory = Map.copyOf(placesPerCategory);
        placesPerGrade = Map.copyOf(placesPerGrade);
    }
}
