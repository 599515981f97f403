package org.seuil.formats.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.seuil.formats.InputException;

/**
 * RFC 4180 records: fields separated by a comma (or by the semicolon or tab a spreadsheet in
 * another locale saves, guessed from the header), double-quoted when they hold a separator, a quote
 * ({@code ""}) or a line break; lines end with CRLF, LF or CR. A leading UTF-8 byte order mark is
 * dropped. Fields are capped at {@value #MAX_FIELD_LENGTH} characters and records at
 * {@value #MAX_FIELDS} fields so a broken file cannot exhaust memory.
 */
final class CsvParser implements Closeable {
    static final int MAX_FIELD_LENGTH = 1_000_000;
    static final int MAX_FIELDS = 1000;
    private static final int END = -1;

    private final Reader in;
    private final String file;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int length;
    private int line = 1;
    private int recordLine;
    private char separator = ',';
    private boolean first = true;

    CsvParser(Reader in, String file) {
        this.in = in;
        this.file = file;
    }

    /** The line on which the last record returned by {@link #next()} starts. */
    int recordLine() {
        return recordLine;
    }

    char separator() {
        return separator;
    }

    /** The next record, or null at the end of the file. */
    List<String> next() throws IOException {
        if (first) {
            first = false;
            fill();
            if (length > 0 && buffer[0] == '\uFEFF') {
                position = 1;
            }
            separator = guessSeparator();
        }
        recordLine = line;
        int c = read();
        if (c == END) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            if (c == '"') {
                int openedOn = line;
                while (true) {
                    c = read();
                    if (c == END) {
                        throw new InputException(file, "line " + openedOn, null,
                                "field " + (fields.size() + 1) + " opens a quote that is never closed");
                    }
                    if (c == '"') {
                        c = read();
                        if (c != '"') {
                            break;
                        }
                    } else if (c == '\n') {
                        line++;
                    }
                    append(field, (char) c);
                }
                if (c != separator && c != '\r' && c != '\n' && c != END) {
                    throw new InputException(file, "line " + line, null, "field " + (fields.size() + 1)
                            + " has '" + (char) c + "' after its closing quote; a quote inside a field is written \"\"");
                }
            } else {
                while (c != separator && c != '\r' && c != '\n' && c != END) {
                    append(field, (char) c);
                    c = read();
                }
            }
            fields.add(field.toString());
            if (fields.size() > MAX_FIELDS) {
                throw new InputException(file, "line " + recordLine, null, "has more than " + MAX_FIELDS + " fields");
            }
            field.setLength(0);
            if (c == separator) {
                c = read();
                continue;
            }
            if (c == '\r' && peek() == '\n') {
                read();
            }
            if (c != END) {
                line++;
            }
            return fields;
        }
    }

    private void append(StringBuilder field, char c) {
        if (field.length() >= MAX_FIELD_LENGTH) {
            throw new InputException(file, "line " + recordLine, null,
                    "a field is longer than " + MAX_FIELD_LENGTH + " characters; this is not a place's data");
        }
        field.append(c);
    }

    /** The separator that splits the first line into the most fields, outside quotes; a comma by default. */
    private char guessSeparator() {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = position; i < length && (quoted || (buffer[i] != '\n' && buffer[i] != '\r')); i++) {
            char c = buffer[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    private int read() throws IOException {
        if (position == length && !fill()) {
            return END;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == length && !fill()) {
            return END;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        position = 0;
        length = Math.max(n, 0);
        return n > 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
