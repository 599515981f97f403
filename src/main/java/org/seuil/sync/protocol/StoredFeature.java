package org.seuil.sync.protocol;

import org.seuil.domain.Place;

/**
 * A report feature whose report is already in its canonical JSON (as the server stores it), so
 * that serving the change feed copies the stored text instead of parsing and writing it again.
 */
public record StoredFeature(Place place, String reportId, String reportJson) {
}
