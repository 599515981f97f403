package org.seuil.store.sqlite;

import java.time.Instant;
import java.util.List;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Place;

/**
 * A place as an export writes it, straight from the store's columns: its derived summary and its
 * reports as their stored canonical JSON ({@link org.seuil.formats.json.ReportJson}), oldest
 * survey first. A GeoJSON export copies that JSON as it is instead of parsing and re-encoding
 * every report, which was most of an export's CPU time.
 */
public record EncodedPlace(Place place, Accessibility wheelchair, Accessibility toiletsWheelchair, Instant lastSurveyed,
                           List<String> reportsJson) {
}
