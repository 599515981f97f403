package org.seuil.store;

import java.util.Map;
import org.seuil.domain.Accessibility;

/**
 * What an import did. {@code perGrade} counts the imported places by the grade their imported
 * reports give, so an OSM import can be checked against the element counts of the extract.
 */
public record ImportSummary(long placesCreated, long placesUpdated, long placesUnchanged,
                            long reportsCreated, long reportsUpdated, long reportsUnchanged,
                            Map<Accessibility, Long> perGrade) {
    public ImportSummary {
        perGrade = Map.copyOf(perGrade);
    }

    public long placesRead() {
        return placesCreated + placesUpdated + placesUnchanged;
    }
}
