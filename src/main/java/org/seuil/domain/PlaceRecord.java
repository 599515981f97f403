package org.seuil.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A place with all its reports (tombstones included): what files carry and imports store. */
public record PlaceRecord(Place place, List<Report> reports) {
    public PlaceRecord {
        if (place == null) {
            throw new InvalidValueException("place", "is required");
        }
        reports = Checks.list("reports", reports);
        Set<ReportId> seen = new HashSet<>();
        for (Report report : reports) {
            if (!report.placeId().equals(place.id())) {
                throw new InvalidValueException("reports", "report " + report.id() + " belongs to " + report.placeId() + ", not to " + place.id());
            }
            if (!seen.add(report.id())) {
                throw new InvalidValueException("reports", "report " + report.id() + " appears twice");
            }
        }
    }

    public PlaceAccessibility accessibility() {
        return PlaceAccessibility.derive(reports);
    }
}
