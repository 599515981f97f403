package org.seuil.store;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.Need;

/**
 * Which places a query wants. Empty sets mean "any"; null times mean "no limit"; a null area means
 * "anywhere in the box".
 *
 * <p>An audit campaign is filtered by its district, passed as {@code area} (the command line's
 * {@code --where campaign=NAME}).
 *
 * @param wheelchair    derived {@code wheelchair} grades to keep (designated counts as itself)
 * @param toilets       derived {@code toilets:wheelchair} grades to keep, e.g. only places whose toilet was rated no
 * @param categories    OSM {@code key=value} categories, or bare keys such as {@code amenity}
 * @param surveyedSince only places last surveyed at or after this instant
 * @param surveyedUntil only places last surveyed strictly before this instant
 * @param area          a polygon or multipolygon in WGS 84 (x = longitude, y = latitude); points on
 *                      its boundary are inside
 * @param experienceNeeds only places with a shared experience or tip (in a live report) tagged with at
 *                      least one of these needs; empty means "any place"
 */
public record PlaceFilter(BoundingBox bbox, Set<Accessibility> wheelchair, Set<Accessibility> toilets, Set<String> categories,
        Instant surveyedSince, Instant surveyedUntil, Geometry area, Set<Need> experienceNeeds) {
    public static final PlaceFilter ALL = new PlaceFilter(BoundingBox.WORLD, Set.of(), Set.of(), null);

    public PlaceFilter {
        bbox = bbox == null ? BoundingBox.WORLD : bbox;
        wheelchair = grades(wheelchair);
        toilets = grades(toilets);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        experienceNeeds = experienceNeeds == null || experienceNeeds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(experienceNeeds));
        if (surveyedSince != null && surveyedUntil != null && !surveyedSince.isBefore(surveyedUntil)) {
            throw new IllegalArgumentException("surveyed between: the start " + surveyedSince + " is not before the end " + surveyedUntil);
        }
        if (area != null) {
            if (!(area instanceof Polygonal) || area.isEmpty()) {
                throw new IllegalArgumentException("area: a " + area.getGeometryType() + (area.isEmpty() ? " that is empty" : "")
                        + " is not a polygon");
            }
            if (!area.isValid()) {
                throw new IllegalArgumentException("area: the polygon is not valid (it crosses itself or its rings overlap)");
            }
        }
    }

    /** The filter as it was before the toilet, end date and area conditions: grades, categories and a start date. */
    public PlaceFilter(BoundingBox bbox, Set<Accessibility> wheelchair, Set<String> categories, Instant surveyedSince) {
        this(bbox, wheelchair, Set.of(), categories, surveyedSince, null, null, Set.of());
    }

    /** The filter without a condition on shared experiences. */
    public PlaceFilter(BoundingBox bbox, Set<Accessibility> wheelchair, Set<Accessibility> toilets, Set<String> categories,
            Instant surveyedSince, Instant surveyedUntil, Geometry area) {
        this(bbox, wheelchair, toilets, categories, surveyedSince, surveyedUntil, area, Set.of());
    }

    private static Set<Accessibility> grades(Set<Accessibility> grades) {
        return grades == null || grades.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(grades));
    }

    public PlaceFilter withBbox(BoundingBox box) {
        return new PlaceFilter(box, wheelchair, toilets, categories, surveyedSince, surveyedUntil, area, experienceNeeds);
    }

    public PlaceFilter withWheelchair(Set<Accessibility> grades) {
        return new PlaceFilter(bbox, grades, toilets, categories, surveyedSince, surveyedUntil, area, experienceNeeds);
    }

    public PlaceFilter withToilets(Set<Accessibility> grades) {
        return new PlaceFilter(bbox, wheelchair, grades, categories, surveyedSince, surveyedUntil, area, experienceNeeds);
    }

    public PlaceFilter withSurveyed(Instant since, Instant until) {
        return new PlaceFilter(bbox, wheelchair, toilets, categories, since, until, area, experienceNeeds);
    }

    public PlaceFilter withArea(Geometry polygon) {
        return new PlaceFilter(bbox, wheelchair, toilets, categories, surveyedSince, surveyedUntil, polygon, experienceNeeds);
    }

    public PlaceFilter withExperienceNeeds(Set<Need> needs) {
        return new PlaceFilter(bbox, wheelchair, toilets, categories, surveyedSince, surveyedUntil, area, needs);
    }

    /**
     * The box a spatial index must search: the bbox, narrowed to the area's envelope when there is
     * an area. Null when the two do not overlap (nothing can pass).
     */
    public BoundingBox searchBox() {
        if (area == null) {
            return bbox;
        }
        Envelope e = area.getEnvelopeInternal();
        double minLon = Math.max(bbox.minLon(), e.getMinX());
        double minLat = Math.max(bbox.minLat(), e.getMinY());
        double maxLon = Math.min(bbox.maxLon(), e.getMaxX());
        double maxLat = Math.min(bbox.maxLat(), e.getMaxY());
        return minLon > maxLon || minLat > maxLat ? null : new BoundingBox(minLon, minLat, maxLon, maxLat);
    }

    /** The area an analysis covers: the search box, or null when the filter sets no box and no area ("wherever the places are"). */
    public BoundingBox analysisArea() {
        return area == null && bbox.equals(BoundingBox.WORLD) ? null : searchBox();
    }

    /**
     * Whether a place with this category, wheelchair grade and survey time passes the attribute
     * conditions, with any toilet grade; the box and the area are checked by the index, and
     * {@link #experienceNeeds} by the store, which reads the reports.
     */
    public boolean accepts(String category, Accessibility grade, Instant lastSurveyed) {
        return accepts(category, grade, null, lastSurveyed);
    }

    /** As {@link #accepts(String, Accessibility, Instant)}, with the toilet grade (null: not checked). */
    public boolean accepts(String category, Accessibility grade, Accessibility toiletGrade, Instant lastSurveyed) {
        if (!wheelchair.isEmpty() && !wheelchair.contains(grade)) {
            return false;
        }
        if (toiletGrade != null && !toilets.isEmpty() && !toilets.contains(toiletGrade)) {
            return false;
        }
        if (!categories.isEmpty() && (category == null || !(categories.contains(category)
                || categories.contains(category.substring(0, category.indexOf('=')))))) {
            return false;
        }
        if (surveyedSince != null && (lastSurveyed == null || lastSurveyed.isBefore(surveyedSince))) {
            return false;
        }
        return surveyedUntil == null || (lastSurveyed != null && lastSurveyed.isBefore(surveyedUntil));
    }
}
