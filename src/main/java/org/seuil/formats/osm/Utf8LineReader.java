package org.seuil.formats.osm;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8 decoding (OSM XML is UTF-8) that knows the line and column of a bad byte. The JDK's
 * XML parser decodes well but prints "[Fatal Error]" to the terminal on a bad byte, with no way to
 * stop it; a {@link java.io.InputStreamReader} reads ahead, so it cannot say where the byte was.
 */
final class Utf8LineReader extends Reader {
    /** A byte sequence that is not UTF-8, at a line and column of the text. */
    static final class MalformedUtf8Exception extends IOException {
        final long line;
        final long column;

        MalformedUtf8Exception(long line, long column) {
            super("not UTF-8: a byte sequence that is no UTF-8 character (OSM XML is always UTF-8)");
            this.line = line;
            this.column = column;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 15);
    private final CharBuffer chars = CharBuffer.allocate(1 << 15);
    private CoderResult error;
    private boolean endOfBytes;
    private boolean done;
    private boolean first = true;
    private long line = 1;
    private long column = 1;

    Utf8LineReader(InputStream in) {
        this.in = in;
        bytes.flip();
        chars.flip();
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (error != null) {
                throw new MalformedUtf8Exception(line, column);
            }
            if (!fill()) {
                return -1;
            }
        }
        if (first) {
            first = false;
            if (chars.get(chars.position()) == '\uFEFF') {
                chars.get(); // a byte order mark is not part of the document
                if (!chars.hasRemaining()) {
                    return read(buffer, offset, length);
                }
            }
        }
        int n = Math.min(length, chars.remaining());
        chars.get(buffer, offset, n);
        for (int i = offset; i < offset + n; i++) {
            if (buffer[i] == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return n;
    }

    /** Decodes more characters; false at the end of the input. */
    private boolean fill() throws IOException {
        if (done) {
            return false;
        }
        chars.clear();
        while (true) {
            CoderResult result = decoder.decode(bytes, chars, endOfBytes);
            if (result.isError()) {
                error = result;
                break;
            }
            if (result.isOverflow() || chars.position() > 0) {
                break;
            }
            if (endOfBytes) {
                decoder.flush(chars);
                done = true;
                break;
            }
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                endOfBytes = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }
        chars.flip();
        return chars.hasRemaining() || error != null;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
