package org.seuil.audit;

import java.util.Set;
import org.seuil.domain.InvalidValueException;

/**
 * Which places of a district become venues of a campaign: places whose category has one of the
 * {@code keys} (or is one of the {@code key=value} given), except the {@code excluded} categories.
 * An empty {@code keys} takes every place, with or without a category.
 */
public record VenueSelection(Set<String> keys, Set<String> excluded) {
    /**
     * The places a person goes into or uses as a service, which an accessibility audit visits;
     * street furniture (benches, bins, viewpoints, artworks, pitches) is left out.
     */
    public static final VenueSelection VENUES = new VenueSelection(
            Set.of("amenity", "shop", "tourism", "leisure", "office", "healthcare", "craft", "club"),
            Set.of("amenity=bench", "amenity=waste_basket", "amenity=bicycle_parking", "amenity=parking_entrance",
                    "amenity=parking_space", "amenity=vending_machine", "amenity=drinking_water", "amenity=recycling",
                    "amenity=post_box", "amenity=telephone", "amenity=clock", "amenity=fountain", "amenity=bicycle_rental",
                    "amenity=charging_station", "amenity=motorcycle_parking", "amenity=shelter", "amenity=waste_disposal",
                    "amenity=grit_bin", "amenity=binoculars", "tourism=artwork", "tourism=viewpoint", "tourism=information",
                    "tourism=picnic_site", "leisure=pitch", "leisure=garden", "leisure=playground", "leisure=park",
                    "leisure=picnic_table", "leisure=slipway", "leisure=track", "leisure=swimming_area", "leisure=firepit",
                    "leisure=outdoor_seating", "leisure=fitness_station"));

    /** Every place of the district. */
    public static final VenueSelection ALL = new VenueSelection(Set.of(), Set.of());

    public VenueSelection {
        keys = Set.copyOf(keys);
        excluded = Set.copyOf(excluded);
        if (keys.stream().anyMatch(k -> k.isBlank() || k.contains(" "))) {
            throw new InvalidValueException("categories", "a category is an OSM key or key=value without spaces");
        }
    }

    public boolean accepts(String category) {
        if (keys.isEmpty()) {
            return category == null || !excluded.contains(category);
        }
        if (category == null || excluded.contains(category)) {
            return false;
        }
        int eq = category.indexOf('=');
        return keys.contains(category) || (eq > 0 && keys.contains(category.substring(0, eq)));
    }
}
