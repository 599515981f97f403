package org.seuil.store;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.Need;

/**
 * Which places a query wants. Empty sets mean "any"; {@code surveyedSince} null means "any time".
 *
 * @param wheelchair  derived {@code wheelchair} grades to keep (designated counts as itself)
 * @param categories  OSM {@code key=value} categories, or bare keys such as {@code amenity}
 * @param experienceNeeds keep only places with a shared experience or tip (in a live report)
 *                    tagged with at least one of these needs; empty means "any place"
 */
public record PlaceFilter(BoundingBox bbox, Set<Accessibility> wheelchair, Set<String> categories, Instant surveyedSince,
                          Set<Need> experienceNeeds) {
    public static final PlaceFilter ALL = new PlaceFilter(BoundingBox.WORLD, Set.of(), Set.of(), null);

    public PlaceFilter {
        bbox = bbox == null ? BoundingBox.WORLD : bbox;
        wheelchair = wheelchair == null || wheelchair.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(wheelchair));
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        experienceNeeds = experienceNeeds == null || experienceNeeds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(experienceNeeds));
    }

    public PlaceFilter(BoundingBox bbox, Set<Accessibility> wheelchair, Set<String> categories, Instant surveyedSince) {
        this(bbox, wheelchair, categories, surveyedSince, Set.of());
    }

    public PlaceFilter withBbox(BoundingBox box) {
        return new PlaceFilter(box, wheelchair, categories, surveyedSince, experienceNeeds);
    }

    public PlaceFilter withWheelchair(Set<Accessibility> grades) {
        return new PlaceFilter(bbox, grades, categories, surveyedSince, experienceNeeds);
    }

    public PlaceFilter withExperienceNeeds(Set<Need> needs) {
        return new PlaceFilter(bbox, wheelchair, categories, surveyedSince, needs);
    }

    /**
     * Whether a place with this category, grade and survey time passes; the bbox is checked by the
     * index, and {@link #experienceNeeds} by the store, which reads the reports.
     */
    public boolean accepts(String category, Accessibility grade, Instant lastSurveyed) {
        if (!wheelchair.isEmpty() && !wheelchair.contains(grade)) {
            return false;
        }
        if (!categories.isEmpty() && (category == null || !(categories.contains(category)
                || categories.contains(category.substring(0, category.indexOf('=')))))) {
            return false;
        }
        return surveyedSince == null || (lastSurveyed != null && !lastSurveyed.isBefore(surveyedSince));
    }
}
