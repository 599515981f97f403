package org.seuil.formats;

import java.util.SplittableRandom;

/**
 * The ids already seen in one file, to refuse duplicates. A {@code HashSet<String>} of a million
 * UUIDs costs over 100 MB; this keeps each id as 128 bits in one open-addressed {@code long} array
 * at most half full (32 to 64 bytes an id). A UUID is kept exactly, as its 128 bits. Any other id is kept as a 128-bit
 * hash: two different ids are taken for the same one only if both 64-bit halves collide, about one
 * chance in 10^25 for a million ids, and the worst case is a spurious "duplicate id" error, never
 * silent data loss.
 */
public final class IdSet {
    private long[] slots;
    private int size;
    /** (0, 0) marks a free pair, so the one id with those bits, the nil UUID, is kept apart. */
    private boolean hasZero;
    /**
     * Varies the slot of each id from one set to the next. Without it, ids that are crafted (or
     * merely sequential, as some tools make UUIDs) can all land on one slot and make each lookup
     * scan the whole table.
     */
    private final long seed = new SplittableRandom().nextLong();

    public IdSet() {
        slots = new long[2 * 1024];
    }

    public boolean contains(String id) {
        long[] key = key(id);
        if (key[0] == 0 && key[1] == 0) {
            return hasZero;
        }
        return find(slots, key[0], key[1]) < 0;
    }

    /** Adds the id; false when it was already there. */
    public boolean add(String id) {
        long[] key = key(id);
        if (key[0] == 0 && key[1] == 0) {
            boolean added = !hasZero;
            hasZero = true;
            size += added ? 1 : 0;
            return added;
        }
        int slot = find(slots, key[0], key[1]);
        if (slot < 0) {
            return false;
        }
        slots[slot] = key[0];
        slots[slot + 1] = key[1];
        // Linear probing stays short only while at most half the pairs are taken.
        if (++size * 2L > slots.length / 2) {
            grow();
        }
        return true;
    }

    public int size() {
        return size;
    }

    /**
     * The index of the free pair for (high, low), or -1 when it is already present. Both halves of
     * an id sit side by side so that a lookup touches one cache line. (0, 0) marks a free pair.
     */
    private int find(long[] slots, long high, long low) {
        int mask = slots.length / 2 - 1;
        int i = (int) mix(high ^ mix(low ^ seed)) & mask;
        while (slots[2 * i] != 0 || slots[2 * i + 1] != 0) {
            if (slots[2 * i] == high && slots[2 * i + 1] == low) {
                return -1;
            }
            i = (i + 1) & mask;
        }
        return 2 * i;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0 || old[i + 1] != 0) {
                int slot = find(slots, old[i], old[i + 1]);
                slots[slot] = old[i];
                slots[slot + 1] = old[i + 1];
            }
        }
    }

    /** The 128 bits of an id: exact for a lower-case UUID, else two independent 64-bit hashes. */
    private static long[] key(String id) {
        long[] key = uuid(id);
        if (key == null) {
            long h1 = 0x9E3779B97F4A7C15L ^ id.length();
            long h2 = 0xC2B2AE3D27D4EB4FL ^ id.length();
            for (int i = 0; i < id.length(); i++) {
                char c = id.charAt(i);
                h1 = (h1 ^ c) * 0x100000001B3L;
                h2 = (h2 + c) * 0xFF51AFD7ED558CCDL;
            }
            key = new long[] {mix(h1), mix(h2 ^ 0x5851F42D4C957F2DL)};
        }
        return key;
    }

    private static long[] uuid(String id) {
        if (id.length() != 36 || id.charAt(8) != '-' || id.charAt(13) != '-' || id.charAt(18) != '-' || id.charAt(23) != '-') {
            return null;
        }
        long high = 0;
        long low = 0;
        int digits = 0;
        for (int i = 0; i < 36; i++) {
            char c = id.charAt(i);
            if (c == '-' && (i == 8 || i == 13 || i == 18 || i == 23)) {
                continue;
            }
            int value = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
            if (value < 0) {
                return null;
            }
            if (digits++ < 16) {
                high = high << 4 | value;
            } else {
                low = low << 4 | value;
            }
        }
        // A UUID and a hashed id could share 128 bits only by a 1 in 2^128 chance.
        return new long[] {high, low};
    }

    /** The MurmurHash3 finalizer: every input bit flips about half the output bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
