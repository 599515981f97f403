package org.seuil.audit;

import org.seuil.domain.Accessibility;

/**
 * What one rule concluded at one venue.
 *
 * @param outcome  yes / limited / no, or unknown when a needed measurement is missing
 * @param observed what was measured, as a person reads it ("1 step of 5 cm")
 */
public record Finding(String ruleId, Section section, Accessibility outcome, String observed) {
    public boolean isBarrier() {
        return outcome == Accessibility.NO || outcome == Accessibility.LIMITED;
    }
}
