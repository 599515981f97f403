package org.seuil.sync.protocol;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Keeps a copy of what was read, so that a body read by the fast reader can be read again from
 * its start by the reader that names faults, as if it were read only once (the bytes already
 * taken from the source come from the copy, the rest still from the source). The copy grows no
 * larger than what the first reader took, which the wire's byte limit bounds.
 */
final class ReplayableInputStream extends FilterInputStream {
    /** What was read, in the pieces it came in: a growing array would be copied again at each doubling. */
    private final List<byte[]> copy = new ArrayList<>();

    ReplayableInputStream(InputStream source) {
        super(source);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            copy.add(new byte[] {(byte) b});
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            copy.add(java.util.Arrays.copyOfRange(b, off, off + n));
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] skipped = new byte[(int) Math.min(n, 8192)];
        int read = read(skipped, 0, skipped.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // the parser closes its input; the source stays open for the replay
    }

    /** The whole body again: what was read so far, then the rest of the source. */
    InputStream replay() {
        List<InputStream> parts = new ArrayList<>(copy.size() + 1);
        for (byte[] piece : copy) {
            parts.add(new ByteArrayInputStream(piece));
        }
        parts.add(in);
        return new SequenceInputStream(Collections.enumeration(parts));
    }
}
