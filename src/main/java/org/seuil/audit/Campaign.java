package org.seuil.audit;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import org.seuil.domain.InvalidValueException;

/**
 * An audit of every venue of a district by a team of volunteers.
 *
 * @param checklist    the questions asked at each venue; a campaign carries its own copy, so a
 *                     custom checklist travels with it to every volunteer
 * @param rules        the rule set grades are computed with
 * @param revisitYears a venue whose visit is older than this counts as pending again
 * @param volunteers   in the order they joined
 */
public record Campaign(CampaignId id, String name, District district, Checklist checklist, RuleSetName rules,
                       Instant created, int revisitYears, List<String> volunteers) {
    public static final int DEFAULT_REVISIT_YEARS = 5;

    public Campaign {
        if (id == null) {
            throw new InvalidValueException("id", "is required");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidValueException("name", "is required, at most 200 characters");
        }
        name = name.strip();
        if (district == null) {
            throw new InvalidValueException("district", "is required");
        }
        if (checklist == null) {
            throw new InvalidValueException("checklist", "is required");
        }
        if (rules == null) {
            throw new InvalidValueException("rules", "is required");
        }
        if (created == null) {
            throw new InvalidValueException("created", "is required");
        }
        if (revisitYears < 1 || revisitYears > 100) {
            throw new InvalidValueException("revisitYears", "must be between 1 and 100, got " + revisitYears);
        }
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (String v : volunteers == null ? List.<String>of() : volunteers) {
            names.add(Volunteers.check("volunteers", v));
        }
        volunteers = List.copyOf(names);
    }
}
