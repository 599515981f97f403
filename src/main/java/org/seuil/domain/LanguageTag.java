package org.seuil.domain;

/** BCP 47 language tags as OSM writes them in keys such as {@code wheelchair:description:fr}. */
final class LanguageTag {
    private LanguageTag() {
    }

    static String check(String field, String tag) {
        if (tag == null || !TextShapes.isLanguageTag(tag)) {
            throw new InvalidValueException(field, "'" + PlaceId.abbreviate(tag) + "' is not a language tag such as en or fr");
        }
        return tag;
    }
}
