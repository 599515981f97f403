package org.seuil.domain;

import java.util.regex.Pattern;

/**
 * The shapes of the identifiers and short texts the records accept, checked by hand: the records
 * are built for every report read from a batch, a change page or a store row, and matching these
 * with regular expressions was the largest single cost of reading a batch once the JSON tree was
 * gone. Each method says in its comment the expression it matches exactly (the tests compare them
 * on random texts); texts beyond ASCII go to the expression itself.
 */
final class TextShapes {
    private static final Pattern AUTHOR = Pattern.compile("[\\p{L}\\p{N}._@ -]{1,100}");
    private static final Pattern CATEGORY = Pattern.compile("[a-z_:]{1,40}=[^=\\s]{1,100}");

    private TextShapes() {
    }

    /** {@code [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}}. */
    static boolean isLowerCaseUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return false;
                }
            } else if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** {@code osm:(node|way|relation)/[1-9][0-9]{0,18}}. */
    static boolean isOsmId(String s) {
        int slash;
        if (s.startsWith("osm:node/")) {
            slash = 8;
        } else if (s.startsWith("osm:way/")) {
            slash = 7;
        } else if (s.startsWith("osm:relation/")) {
            slash = 12;
        } else {
            return false;
        }
        int digits = s.length() - slash - 1;
        if (digits < 1 || digits > 19 || s.charAt(slash + 1) == '0') {
            return false;
        }
        for (int i = slash + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** {@code [0-9a-z][0-9a-z:/._-]{0,99}}. */
    static boolean isReportId(String s) {
        int n = s.length();
        if (n < 1 || n > 100) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean alnum = c >= '0' && c <= '9' || c >= 'a' && c <= 'z';
            if (!alnum && (i == 0 || !(c == ':' || c == '/' || c == '.' || c == '_' || c == '-'))) {
                return false;
            }
        }
        return true;
    }

    /** {@code [a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}}. */
    static boolean isLanguageTag(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && s.charAt(i) >= 'a' && s.charAt(i) <= 'z') {
            i++;
        }
        if (i < 2 || i > 3) {
            return false;
        }
        for (int subtags = 0; i < n; subtags++) {
            if (subtags == 2 || s.charAt(i) != '-') {
                return false;
            }
            int start = ++i;
            while (i < n && isAsciiLetterOrDigit(s.charAt(i))) {
                i++;
            }
            if (i - start < 2 || i - start > 8) {
                return false;
            }
        }
        return true;
    }

    /** {@code [\p{L}\p{N}._@ -]{1,100}}. */
    static boolean isAuthor(String s) {
        int n = s.length();
        if (n < 1) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 128) {
                return AUTHOR.matcher(s).matches();
            }
            if (!(isAsciiLetterOrDigit(c) || c == '.' || c == '_' || c == '@' || c == ' ' || c == '-')) {
                return false;
            }
        }
        return n <= 100;
    }

    /** {@code [a-z_:]{1,40}=[^=\s]{1,100}}. */
    static boolean isCategory(String s) {
        int n = s.length();
        int i = 0;
        while (i < n && (s.charAt(i) >= 'a' && s.charAt(i) <= 'z' || s.charAt(i) == '_' || s.charAt(i) == ':')) {
            i++;
        }
        if (i < 1 || i > 40 || i == n || s.charAt(i) != '=') {
            return false;
        }
        int value = n - i - 1;
        for (int j = i + 1; j < n; j++) {
            char c = s.charAt(j);
            if (c >= 128) {
                return CATEGORY.matcher(s).matches();
            }
            if (c == '=' || c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
                return false;
            }
        }
        return value >= 1 && value <= 100;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
