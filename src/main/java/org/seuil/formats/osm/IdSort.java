package org.seuil.formats.osm;

import java.util.function.IntBinaryOperator;

/**
 * An in-place heap sort of the first {@code n} ids that also swaps the parallel arrays that go
 * with them. Only needed for files whose elements are not in id order (hand-written ones);
 * extracts from Geofabrik or osmium are sorted already and never get here.
 */
final class IdSort {
    private IdSort() {
    }

    /** @param swap called with (i, j) to swap the parallel entries; it must swap {@code ids} too */
    static void sort(long[] ids, int n, IntBinaryOperator swap) {
        for (int start = n / 2 - 1; start >= 0; start--) {
            siftDown(ids, start, n, swap);
        }
        for (int end = n - 1; end > 0; end--) {
            swap.applyAsInt(0, end);
            siftDown(ids, 0, end, swap);
        }
    }

    private static void siftDown(long[] ids, int root, int n, IntBinaryOperator swap) {
        while (true) {
            int child = 2 * root + 1;
            if (child >= n) {
                return;
            }
            if (child + 1 < n && ids[child + 1] > ids[child]) {
                child++;
            }
            if (ids[root] >= ids[child]) {
                return;
            }
            swap.applyAsInt(root, child);
            root = child;
        }
    }

    /** The index of {@code id} in the sorted first {@code n} ids, or -1. */
    static int find(long[] ids, int n, long id) {
        int low = 0;
        int high = n - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long value = ids[mid];
            if (value < id) {
                low = mid + 1;
            } else if (value > id) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }
}
