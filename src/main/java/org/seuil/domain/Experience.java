package org.seuil.domain;

import java.util.EnumSet;
import java.util.Set;

/** A story a person shares about a place, for the needs it concerns, in one language. */
public record Experience(ExperienceKind kind, String text, Set<Need> needs, String language) {
    public Experience {
        if (kind == null) {
            throw new InvalidValueException("kind", "is required (positive, negative or tip)");
        }
        text = Checks.requiredText("text", text, Checks.MAX_TEXT);
        if (needs == null || needs.isEmpty()) {
            throw new InvalidValueException("needs", "name at least one need (wheelchair, walking_aid, blind_low_vision, deaf_hard_of_hearing, cognitive)");
        }
        if (needs.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidValueException("needs", "contains a null item");
        }
        needs = Set.copyOf(EnumSet.copyOf(needs));
        language = LanguageTag.check("language", language);
    }
}
