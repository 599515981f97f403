package org.seuil.sync.protocol;

import java.nio.charset.StandardCharsets;
import org.seuil.domain.Place;

/**
 * A report feature whose report is already in its canonical JSON (as the server stores it), so
 * that serving the change feed copies the stored bytes instead of parsing and writing it again.
 *
 * @param reportJson the report's JSON in UTF-8, as the store holds it (not copied: do not change it)
 */
public record StoredFeature(Place place, String reportId, byte[] reportJson) {
    public StoredFeature(Place place, String reportId, String reportJson) {
        this(place, reportId, reportJson.getBytes(StandardCharsets.UTF_8));
    }

    /** The report's JSON as text. */
    public String reportText() {
        return new String(reportJson, StandardCharsets.UTF_8);
    }
}
