package org.seuil.store;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;

/**
 * Which places a query wants. Empty sets mean "any"; {@code surveyedSince} null means "any time".
 *
 * @param wheelchair  derived {@code wheelchair} grades to keep (designated counts as itself)
 * @param categories  OSM {@code key=value} categories, or bare keys such as {@code amenity}
 */
public record PlaceFilter(BoundingBox bbox, Set<Accessibility> wheelchair, Set<String> categories, Instant surveyedSince) {
    public static final PlaceFilter ALL = new PlaceFilter(BoundingBox.WORLD, Set.of(), Set.of(), null);

    public PlaceFilter {
        bbox = bbox == null ? BoundingBox.WORLD : bbox;
        wheelchair = wheelchair == null || wheelchair.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(wheelchair));
        categories = categories == null ? Set.of() : Set.copyOf(categories);
    }

    public PlaceFilter withBbox(BoundingBox box) {
        return new PlaceFilter(box, wheelchair, categories, surveyedSince);
    }

    public PlaceFilter withWheelchair(Set<Accessibility> grades) {
        return new PlaceFilter(bbox, grades, categories, surveyedSince);
    }

    /** Whether a place with this category, grade and survey time passes; the bbox is checked by the index. */
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
