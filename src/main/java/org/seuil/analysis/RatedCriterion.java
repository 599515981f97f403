package org.seuil.analysis;

import java.util.Locale;
import org.seuil.domain.Accessibility;
import org.seuil.domain.PlaceAccessibility;

/**
 * Which rating of a place an analysis grades it by: the overall wheelchair rating (OSM
 * {@code wheelchair}, in practice the entrance and the inside) or the toilet's
 * ({@code toilets:wheelchair}). A heatmap of toilet barriers weighs places by the second.
 */
public enum RatedCriterion {
    WHEELCHAIR("wheelchair"),
    TOILETS("toilets");

    private final String label;

    RatedCriterion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Accessibility of(PlaceAccessibility accessibility) {
        return this == TOILETS ? accessibility.toiletsWheelchair() : accessibility.wheelchair();
    }

    public static RatedCriterion parse(String text) {
        String name = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (RatedCriterion c : values()) {
            if (c.label.equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("--rating: '" + text + "' is not a rating; expected wheelchair or toilets");
    }
}
