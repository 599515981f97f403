package org.seuil.domain;

import java.time.Instant;

/** The current value of one criterion, with who surveyed it and when. */
public record Observation(Object value, ReportId reportId, String author, Instant surveyedAt) {
}
