package org.seuil.sync.protocol;

import org.seuil.domain.InvalidValueException;
import org.seuil.domain.Place;
import org.seuil.domain.Report;

/**
 * One GeoJSON feature on the wire: a report together with the place it describes, so that a
 * device that never saw the place can show the report. The feature's point is the place's location.
 */
public record ReportFeature(Place place, Report report) {
    public ReportFeature {
        if (place == null) {
            throw new InvalidValueException("properties.place", "is required");
        }
        if (report == null) {
            throw new InvalidValueException("properties.report", "is required");
        }
        if (!report.placeId().equals(place.id())) {
            throw new InvalidValueException("properties.report.placeId",
                    "'" + report.placeId() + "' differs from properties.place.id '" + place.id() + "'");
        }
    }
}
