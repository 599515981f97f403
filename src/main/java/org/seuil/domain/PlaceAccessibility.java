package org.seuil.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A place's current accessibility: for each criterion, the latest survey that said something
 * about it. Ties on the survey time are broken by report id so every device derives the same result.
 */
public record PlaceAccessibility(Map<Criterion, Observation> current) {
    public static final PlaceAccessibility NONE = new PlaceAccessibility(Map.of());

    public PlaceAccessibility {
        current = current.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(current));
    }

    public static PlaceAccessibility derive(Collection<Report> reports) {
        List<Report> ordered = reports.stream()
                .filter(r -> !r.deleted())
                .sorted(Comparator.comparing(Report::surveyedAt).thenComparing(r -> r.id().value()))
                .toList();
        EnumMap<Criterion, Observation> latest = new EnumMap<>(Criterion.class);
        for (Report report : ordered) {
            for (Criterion criterion : Criterion.values()) {
                Object value = criterion.valueIn(report);
                if (value != null) {
                    latest.put(criterion, new Observation(value, report.id(), report.author(), report.surveyedAt()));
                }
            }
        }
        return new PlaceAccessibility(latest);
    }

    /** The overall grade, {@link Accessibility#UNKNOWN} when nobody said. */
    public Accessibility wheelchair() {
        Observation o = current.get(Criterion.WHEELCHAIR);
        return o == null ? Accessibility.UNKNOWN : (Accessibility) o.value();
    }

    public Accessibility toiletsWheelchair() {
        Observation o = current.get(Criterion.TOILETS_WHEELCHAIR);
        return o == null ? Accessibility.UNKNOWN : (Accessibility) o.value();
    }

    public Object value(Criterion criterion) {
        Observation o = current.get(criterion);
        return o == null ? null : o.value();
    }

    /** When the place was last surveyed on any criterion, or null if never. */
    public Instant lastSurveyed() {
        return current.values().stream().map(Observation::surveyedAt).max(Comparator.naturalOrder()).orElse(null);
    }
}
