package org.seuil.formats.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.InvalidValueException;

/**
 * The checks shared by the readers that build records straight from the parser (reports,
 * GeoJSON places, sync bodies): anything outside the plain form they read stops them with
 * {@link ReportJson.NotPlain}, and the caller reads the same text again as a tree, whose errors
 * name the field.
 */
public final class PlainJson {
    private PlainJson() {
    }

    /** Reads one value from the parser, or stops with {@link ReportJson.NotPlain}. */
    public interface Reader<T> {
        T read(JsonParser p) throws IOException;
    }

    /**
     * Runs {@code reader}; a value the records refuse is not plain either, so that the tree reader
     * reads it again and names the field in its message.
     */
    public static <T> T read(JsonParser p, Reader<T> reader) throws IOException {
        try {
            return reader.read(p);
        } catch (InvalidValueException e) {
            throw ReportJson.NotPlain.INSTANCE;
        }
    }

    public static void require(boolean plain) {
        if (!plain) {
            throw ReportJson.NotPlain.INSTANCE;
        }
    }

    /** {@code seen} with {@code bit} added; a member already seen is not plain. */
    public static int once(int seen, int bit) {
        require((seen & bit) == 0);
        return seen | bit;
    }

    /** A string member's text, or null for JSON null. */
    public static String text(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        require(t == JsonToken.VALUE_NULL);
        return null;
    }

    /**
     * A Point geometry's location, at {@code start}; other members of the geometry are ignored,
     * as by the tree reader. Two or three finite numbers, not beyond a long.
     */
    public static GeoPoint point(JsonParser p, JsonToken start) throws IOException {
        require(start == JsonToken.START_OBJECT);
        boolean typeSeen = false;
        double[] c = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (name.equals("type")) {
                require(!typeSeen && t == JsonToken.VALUE_STRING && "Point".equals(p.getText()));
                typeSeen = true;
            } else if (name.equals("coordinates")) {
                require(c == null && t == JsonToken.START_ARRAY);
                c = new double[3];
                int n = 0;
                JsonToken v;
                while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
                    require(n < 3 && (v == JsonToken.VALUE_NUMBER_FLOAT
                            || v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER));
                    c[n] = p.getDoubleValue();
                    require(Double.isFinite(c[n]));
                    n++;
                }
                require(n >= 2);
            } else {
                p.skipChildren();
            }
        }
        require(typeSeen && c != null);
        return new GeoPoint(c[1], c[0]);
    }
}
