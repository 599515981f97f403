package org.seuil.audit;

import java.util.Optional;
import java.util.function.Function;
import org.seuil.domain.Accessibility;

/**
 * One rule of a rule set: what it checks, where it comes from, and how it judges measurements.
 * The check gives no finding when the measurements it needs are missing.
 *
 * @param source the text or page the threshold comes from, so an association can defend a grade
 */
public record Rule(String id, Section section, String description, String source,
                   Function<Measurements, Optional<Verdict>> check) {
    public Rule {
        if (id == null || description == null || source == null || section == null || check == null) {
            throw new IllegalArgumentException("a rule needs an id, a section, a description, a source and a check");
        }
    }

    /** What a check concludes, before it is stamped with the rule that concluded it. */
    public record Verdict(Accessibility outcome, String observed) {
    }

    public Optional<Finding> apply(Measurements m) {
        return check.apply(m).map(v -> new Finding(id, section, v.outcome(), v.observed()));
    }

    @Override
    public String toString() {
        return id;
    }
}
