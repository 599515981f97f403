package org.seuil.server;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one byte range of an HTTP {@code Range} header this server honours (RFC 9110 §14): {@code
 * bytes=N-}, {@code bytes=N-M} or {@code bytes=-S}. Several ranges or another unit are ignored
 * (the whole body is sent), as the RFC allows; a range starting past the end is unsatisfiable.
 */
final class ByteRange {
    private static final Pattern SINGLE = Pattern.compile("bytes\\s*=\\s*(\\d{0,18})\\s*-\\s*(\\d{0,18})\\s*");

    /** {@code whole}: send everything (200); else bytes {@code first..last} inclusive (206) or 416. */
    record Parsed(boolean whole, boolean unsatisfiable, long first, long last) {
    }

    static final Parsed WHOLE = new Parsed(true, false, 0, -1);
    private static final Parsed UNSATISFIABLE = new Parsed(false, true, 0, -1);

    private ByteRange() {
    }

    static Parsed parse(String header, long size) {
        if (header == null) {
            return WHOLE;
        }
        Matcher m = SINGLE.matcher(header);
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return WHOLE;
        }
        if (m.group(1).isEmpty()) { // suffix: the last S bytes
            long suffix = Long.parseLong(m.group(2));
            if (suffix == 0 || size == 0) {
                return UNSATISFIABLE;
            }
            return new Parsed(false, false, Math.max(0, size - suffix), size - 1);
        }
        long first = Long.parseLong(m.group(1));
        long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
        if (first >= size) {
            return UNSATISFIABLE;
        }
        if (last < first) {
            return WHOLE; // syntactically invalid (M < N): ignore the header
        }
        return new Parsed(false, false, first, last);
    }
}
