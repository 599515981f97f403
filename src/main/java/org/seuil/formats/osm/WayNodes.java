package org.seuil.formats.osm;

import java.util.Arrays;

/**
 * The node list of every way (relations need the ways they are made of, and they come after the
 * ways in the file). Kept flat: all node refs in one long array, each way an id, a start and a
 * length, so a way costs 8 bytes a node plus 20 bytes, and no objects.
 */
final class WayNodes {
    private long[] ids = new long[256];
    private long[] starts = new long[256];
    private int[] lengths = new int[256];
    private int size;
    private long[] refs = new long[4096];
    private long refCount;
    private boolean sorted = true;
    private boolean sealed;

    void add(long id, long[] nodeRefs) {
        if (sealed) {
            throw new IllegalStateException("way " + id + " after the ways were sealed");
        }
        if (size == ids.length) {
            int capacity = size + (size >> 1);
            ids = Arrays.copyOf(ids, capacity);
            starts = Arrays.copyOf(starts, capacity);
            lengths = Arrays.copyOf(lengths, capacity);
        }
        if (refCount + nodeRefs.length > refs.length) {
            long capacity = Math.max(refCount + nodeRefs.length, refs.length + (long) (refs.length >> 1));
            if (capacity > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("more than 2^31 way node refs: extract too large to read in memory");
            }
            refs = Arrays.copyOf(refs, (int) capacity);
        }
        if (size > 0 && id <= ids[size - 1]) {
            sorted = false;
        }
        ids[size] = id;
        starts[size] = refCount;
        lengths[size] = nodeRefs.length;
        System.arraycopy(nodeRefs, 0, refs, (int) refCount, nodeRefs.length);
        refCount += nodeRefs.length;
        size++;
    }

    void seal() {
        if (!sorted) {
            IdSort.sort(ids, size, (i, j) -> {
                long id = ids[i];
                ids[i] = ids[j];
                ids[j] = id;
                long start = starts[i];
                starts[i] = starts[j];
                starts[j] = start;
                int length = lengths[i];
                lengths[i] = lengths[j];
                lengths[j] = length;
                return 0;
            });
            sorted = true;
        }
        sealed = true;
    }

    /** The node refs of a way, or null when the extract does not hold it. */
    long[] nodes(long wayId) {
        if (!sealed) {
            throw new IllegalStateException("seal() first");
        }
        int index = IdSort.find(ids, size, wayId);
        if (index < 0) {
            return null;
        }
        int start = (int) starts[index];
        return Arrays.copyOfRange(refs, start, start + lengths[index]);
    }

    int size() {
        return size;
    }
}
