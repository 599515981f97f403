package org.seuil.formats.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;

/**
 * RFC 4180 output: comma-separated, CRLF line ends, a field quoted (quotes doubled) only when it
 * holds a comma, a quote or a line break. Null is written as an empty field.
 */
public final class CsvWriter implements Closeable {
    private final Writer out;
    private boolean rowStarted;

    public CsvWriter(Writer out) {
        this.out = out;
    }

    public void field(String value) throws IOException {
        if (rowStarted) {
            out.write(',');
        }
        rowStarted = true;
        if (value == null || value.isEmpty()) {
            return;
        }
        if (needsQuotes(value)) {
            out.write('"');
            out.write(value.replace("\"", "\"\""));
            out.write('"');
        } else {
            out.write(value);
        }
    }

    public void endRow() throws IOException {
        out.write("\r\n");
        rowStarted = false;
    }

    private static boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
