package org.seuil.app.places;

import org.seuil.domain.Accessibility;
import org.seuil.domain.ProfileFit;

/**
 * The four looks of a pin. Each has its own shape and glyph as well as its colour (Okabe-Ito,
 * safe for the common colour-vision deficiencies), so no information rests on colour alone. With
 * a personal profile the same four looks say fits / may not fit / does not fit / unknown.
 */
public enum PinStyle {
    GOOD("#009E73", "✓"), LIMITED("#E69F00", "!"), BAD("#D55E00", "✕"), UNKNOWN("#7A7A7A", "?");

    private final String colour;
    private final String glyph;

    PinStyle(String colour, String glyph) {
        this.colour = colour;
        this.glyph = glyph;
    }

    public String colour() {
        return colour;
    }

    public String glyph() {
        return glyph;
    }

    public static PinStyle of(Accessibility grade) {
        return switch (grade.shown()) {
            case YES -> GOOD;
            case LIMITED -> LIMITED;
            case NO -> BAD;
            default -> UNKNOWN;
        };
    }

    public static PinStyle of(ProfileFit fit) {
        return switch (fit) {
            case FITS -> GOOD;
            case MAY_NOT_FIT -> LIMITED;
            case DOES_NOT_FIT -> BAD;
            case UNKNOWN -> UNKNOWN;
        };
    }
}
