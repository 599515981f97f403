package org.seuil.app.places;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Criterion;
import org.seuil.domain.Need;
import org.seuil.domain.PlaceAccessibility;
import org.seuil.domain.Ramp;
import org.seuil.store.PlaceFilter;
import org.seuil.store.PlaceView;

/**
 * What the filter panel asks for. The store answers grade, category, date and experiences; the two criteria
 * filters are checked here on the derived accessibility, which the store already returns.
 *
 * @param grades     shown grades to keep; null keeps all, empty keeps none
 * @param category   an OSM key or key=value, or null for any
 * @param stepFree   only places whose entrance has no step (or a fixed ramp)
 * @param accessibleToilet only places with a wheelchair toilet
 * @param surveyedSince only places surveyed on or after that day, or null
 * @param experienceNeeds only places with an experience or tip shared for one of these needs; empty for any
 */
public record PlaceFilters(Set<Accessibility> grades, String category, boolean stepFree, boolean accessibleToilet, LocalDate surveyedSince,
                           Set<Need> experienceNeeds) {
    public static final PlaceFilters NONE = new PlaceFilters(null, null, false, false, null, Set.of());

    public PlaceFilters {
        grades = grades == null ? null : Set.copyOf(grades);
        category = category == null || category.isBlank() ? null : category.strip();
        experienceNeeds = experienceNeeds == null ? Set.of() : Set.copyOf(experienceNeeds);
    }

    public PlaceFilter toStoreFilter() {
        java.util.EnumSet<Accessibility> wanted = java.util.EnumSet.noneOf(Accessibility.class);
        if (grades != null) {
            wanted.addAll(grades);
        }
        if (wanted.contains(Accessibility.YES)) {
            wanted.add(Accessibility.DESIGNATED); // the map shows designated as yes
        }
        return new PlaceFilter(null, wanted, category == null ? Set.of() : Set.of(category),
                surveyedSince == null ? null : surveyedSince.atStartOfDay().toInstant(ZoneOffset.UTC)).withExperienceNeeds(experienceNeeds);
    }

    /** True when no grade is ticked: nothing can pass, no need to ask the store. */
    public boolean keepsNothing() {
        return grades != null && grades.isEmpty();
    }

    /** The checks the store filter cannot express. */
    public boolean accepts(PlaceView view) {
        PlaceAccessibility a = view.accessibility();
        if (stepFree && !hasStepFreeEntrance(a)) {
            return false;
        }
        return !accessibleToilet || a.toiletsWheelchair().shown() == Accessibility.YES;
    }

    static boolean hasStepFreeEntrance(PlaceAccessibility a) {
        Object steps = a.value(Criterion.STEP_COUNT);
        if (steps instanceof Integer count) {
            return count == 0 || a.value(Criterion.RAMP) == Ramp.FIXED;
        }
        // OSM wheelchair=yes means step-free entrance when nobody counted the steps.
        return a.value(Criterion.RAMP) == Ramp.FIXED || a.wheelchair().shown() == Accessibility.YES;
    }

    public boolean isEmpty() {
        return equals(NONE);
    }
}
