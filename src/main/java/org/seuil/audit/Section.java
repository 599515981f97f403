package org.seuil.audit;

import java.util.Locale;
import org.seuil.domain.InvalidValueException;

/**
 * The sections of a checklist, in the order a visit meets them. They follow the sections of the
 * French acceslibre form (transport, stationnement, cheminement extérieur, entrée, accueil,
 * sanitaires), which also match the parts of an A11yJSON {@code PlaceInfo.accessibility}.
 */
public enum Section {
    TRANSPORT("transport", "transport"),
    PARKING("parking", "stationnement"),
    OUTDOOR_PATH("outdoor-path", "cheminement exterieur"),
    ENTRANCE("entrance", "entree"),
    RECEPTION("reception", "accueil"),
    TOILETS("toilets", "sanitaires");

    private final String code;
    private final String acceslibre;

    Section(String code, String acceslibre) {
        this.code = code;
        this.acceslibre = acceslibre;
    }

    public String code() {
        return code;
    }

    /** The acceslibre section this one corresponds to. */
    public String acceslibre() {
        return acceslibre;
    }

    public static Section parse(String field, String text) {
        for (Section s : values()) {
            if (s.code.equals(text) || s.name().equals(text == null ? null : text.toUpperCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new InvalidValueException(field, "unknown section '" + text
                + "', expected transport, parking, outdoor-path, entrance, reception or toilets");
    }
}
