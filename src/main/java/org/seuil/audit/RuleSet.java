package org.seuil.audit;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.seuil.domain.Accessibility;

/**
 * Rules that turn measurements into grades. The overall grade is the worst finding of the
 * sections the set counts, with two guards: any counted "no" makes it no, and without a judged
 * entrance nothing else can make it yes or limited (a smooth path says nothing of the door).
 */
public record RuleSet(RuleSetName name, String title, List<Rule> rules, Set<Section> overallSections) {
    public RuleSet {
        rules = List.copyOf(rules);
        overallSections = Set.copyOf(overallSections);
    }

    public Grading grade(Measurements m) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : rules) {
            rule.apply(m).ifPresent(findings::add);
        }
        Map<Section, Accessibility> bySection = new EnumMap<>(Section.class);
        for (Finding f : findings) {
            if (f.outcome() != Accessibility.UNKNOWN) {
                bySection.merge(f.section(), f.outcome(), RuleSet::worse);
            }
        }
        Accessibility overall = Accessibility.UNKNOWN;
        boolean entranceJudged = bySection.containsKey(Section.ENTRANCE);
        for (Section section : overallSections) {
            Accessibility grade = bySection.get(section);
            if (grade != null) {
                overall = overall == Accessibility.UNKNOWN ? grade : worse(overall, grade);
            }
        }
        if (!entranceJudged && overall != Accessibility.NO) {
            overall = Accessibility.UNKNOWN;
        }
        Accessibility toilets = bySection.getOrDefault(Section.TOILETS, Accessibility.UNKNOWN);
        return new Grading(name, overall, toilets, bySection, findings);
    }

    /** The worse of two judged grades: no, then limited, then yes. */
    static Accessibility worse(Accessibility a, Accessibility b) {
        return rank(a) >= rank(b) ? a : b;
    }

    private static int rank(Accessibility a) {
        return switch (a.shown()) {
            case NO -> 3;
            case LIMITED -> 2;
            case YES -> 1;
            default -> 0;
        };
    }
}
