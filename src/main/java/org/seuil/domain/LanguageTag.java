package org.seuil.domain;

import java.util.regex.Pattern;

/** BCP 47 language tags as OSM writes them in keys such as {@code wheelchair:description:fr}. */
final class LanguageTag {
    private static final Pattern TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}");

    private LanguageTag() {
    }

    static String check(String field, String tag) {
        if (tag == null || !TAG.matcher(tag).matches()) {
            throw new InvalidValueException(field, "'" + PlaceId.abbreviate(tag) + "' is not a language tag such as en or fr");
        }
        return tag;
    }
}
