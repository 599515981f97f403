package org.seuil.audit;

import java.util.List;
import java.util.Map;
import org.seuil.domain.Accessibility;

/**
 * The grades a rule set computed from a venue's measurements.
 *
 * @param overall   the {@code wheelchair=*} grade
 * @param toilets   the {@code toilets:wheelchair=*} grade
 * @param bySection the worst finding of each section that has one
 * @param findings  every rule that could judge, in rule order
 */
public record Grading(RuleSetName rules, Accessibility overall, Accessibility toilets,
                      Map<Section, Accessibility> bySection, List<Finding> findings) {
    public Grading {
        bySection = Map.copyOf(bySection);
        findings = List.copyOf(findings);
    }

    public List<Finding> barriers() {
        return findings.stream().filter(Finding::isBarrier).toList();
    }
}
