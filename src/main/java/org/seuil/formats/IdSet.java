package org.seuil.formats;

/**
 * The ids already seen in one file, to refuse duplicates. A {@code HashSet<String>} of a million
 * UUIDs costs over 100 MB; this keeps a 128-bit hash of each id in two open-addressed
 * {@code long} arrays (about 32 bytes an id). Two different ids are taken for the same one only if
 * both 64-bit halves collide: about one chance in 10^25 for a million ids, far below the odds of a
 * disk error, and the worst case is a spurious "duplicate id" error, never silent data loss.
 */
public final class IdSet {
    private long[] high;
    private long[] low;
    private int size;

    public IdSet() {
        high = new long[1024];
        low = new long[1024];
    }

    public boolean contains(String id) {
        long h = hash(id, 0x9E3779B97F4A7C15L);
        long l = hash(id, 0xC2B2AE3D27D4EB4FL);
        return slot(high, low, h, l) < 0;
    }

    /** Adds the id; false when it was already there. */
    public boolean add(String id) {
        long h = hash(id, 0x9E3779B97F4A7C15L);
        long l = hash(id, 0xC2B2AE3D27D4EB4FL);
        int slot = slot(high, low, h, l);
        if (slot < 0) {
            return false;
        }
        high[slot] = h;
        low[slot] = l;
        if (++size * 4L > high.length * 3L) {
            grow();
        }
        return true;
    }

    public int size() {
        return size;
    }

    /** The free slot for (h, l), or -1 when it is already present. (0, 0) marks a free slot. */
    private static int slot(long[] high, long[] low, long h, long l) {
        int mask = high.length - 1;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (high[i] != 0 || low[i] != 0) {
            if (high[i] == h && low[i] == l) {
                return -1;
            }
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        high = new long[oldHigh.length * 2];
        low = new long[oldLow.length * 2];
        for (int i = 0; i < oldHigh.length; i++) {
            if (oldHigh[i] != 0 || oldLow[i] != 0) {
                int slot = slot(high, low, oldHigh[i], oldLow[i]);
                high[slot] = oldHigh[i];
                low[slot] = oldLow[i];
            }
        }
    }

    /** A seeded 64-bit hash of the characters, each step finished with the MurmurHash3 mixer. */
    private static long hash(String id, long seed) {
        long h = seed ^ id.length();
        for (int i = 0; i < id.length(); i++) {
            h = mix(h ^ id.charAt(i)) + seed;
        }
        h = mix(h);
        // (0, 0) marks a free slot; no real id may hash to it.
        return h == 0 ? 1 : h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
