package org.seuil.geo.cluster;

/**
 * A static 2-d tree laid out in place, as kdbush does: the items of a level are reordered so that
 * the array itself is the tree (median of each range at its middle, axes alternating). No node
 * objects, no pointers: a tree over n items costs nothing beyond the coordinates it sorts.
 */
final class KdTree {
    /** Ranges this small are scanned linearly; 64 is kdbush's default and measured best here too. */
    static final int NODE_SIZE = 64;

    private KdTree() {
    }

    /**
     * Sorts {@code coords} (x0, y0, x1, y1, ...) into tree order, applying the same swaps to
     * {@code ids}, so that {@code ids[i]} tells where item i came from.
     */
    static void sort(float[] coords, int[] ids, int n) {
        sort(coords, ids, 0, n - 1, 0);
    }

    private static void sort(float[] coords, int[] ids, int left, int right, int axis) {
        while (right - left > NODE_SIZE) {
            int m = (left + right) >>> 1;
            select(coords, ids, m, left, right, axis);
            sort(coords, ids, left, m - 1, 1 - axis);
            left = m + 1;
            axis = 1 - axis;
        }
    }

    /** Floyd-Rivest selection: puts the k-th smallest on {@code axis} at k, smaller left, larger right. */
    private static void select(float[] coords, int[] ids, int k, int left, int right, int axis) {
        while (right > left) {
            if (right - left > 600) {
                int n = right - left + 1;
                int m = k - left + 1;
                double z = Math.log(n);
                double s = 0.5 * Math.exp(2 * z / 3);
                double sd = 0.5 * Math.sqrt(z * s * (n - s) / n) * (m - n / 2.0 < 0 ? -1 : 1);
                int newLeft = (int) Math.max(left, Math.floor(k - m * s / n + sd));
                int newRight = (int) Math.min(right, Math.floor(k + (n - m) * s / n + sd));
                select(coords, ids, k, newLeft, newRight, axis);
            }
            float t = coords[2 * k + axis];
            int i = left;
            int j = right;
            swap(coords, ids, left, k);
            if (coords[2 * right + axis] > t) {
                swap(coords, ids, left, right);
            }
            while (i < j) {
                swap(coords, ids, i, j);
                i++;
                j--;
                while (coords[2 * i + axis] < t) {
                    i++;
                }
                while (coords[2 * j + axis] > t) {
                    j--;
                }
            }
            if (coords[2 * left + axis] == t) {
                swap(coords, ids, left, j);
            } else {
                j++;
                swap(coords, ids, j, right);
            }
            if (j <= k) {
                left = j + 1;
            }
            if (k <= j) {
                right = j - 1;
            }
        }
    }

    private static void swap(float[] coords, int[] ids, int i, int j) {
        int id = ids[i];
        ids[i] = ids[j];
        ids[j] = id;
        float x = coords[2 * i];
        float y = coords[2 * i + 1];
        coords[2 * i] = coords[2 * j];
        coords[2 * i + 1] = coords[2 * j + 1];
        coords[2 * j] = x;
        coords[2 * j + 1] = y;
    }

    /** Adds to {@code out} the index of every item inside the box (bounds included). */
    static void range(float[] coords, int n, double minX, double minY, double maxX, double maxY, IntStack stack, IntBuffer out) {
        if (n == 0) {
            return;
        }
        stack.clear();
        stack.push(0, n - 1, 0);
        while (!stack.isEmpty()) {
            int axis = stack.pop();
            int right = stack.pop();
            int left = stack.pop();
            if (right - left <= NODE_SIZE) {
                for (int i = left; i <= right; i++) {
                    float x = coords[2 * i];
                    float y = coords[2 * i + 1];
                    if (x >= minX && x <= maxX && y >= minY && y <= maxY) {
                        out.add(i);
                    }
                }
                continue;
            }
            int m = (left + right) >>> 1;
            float x = coords[2 * m];
            float y = coords[2 * m + 1];
            if (x >= minX && x <= maxX && y >= minY && y <= maxY) {
                out.add(m);
            }
            if (axis == 0 ? minX <= x : minY <= y) {
                stack.push(left, m - 1, 1 - axis);
            }
            if (axis == 0 ? maxX >= x : maxY >= y) {
                stack.push(m + 1, right, 1 - axis);
            }
        }
    }

    /** Adds to {@code out} the index of every item at most {@code r} from (qx, qy). */
    static void within(float[] coords, int n, double qx, double qy, double r, IntStack stack, IntBuffer out) {
        if (n == 0) {
            return;
        }
        double r2 = r * r;
        stack.clear();
        stack.push(0, n - 1, 0);
        while (!stack.isEmpty()) {
            int axis = stack.pop();
            int right = stack.pop();
            int left = stack.pop();
            if (right - left <= NODE_SIZE) {
                for (int i = left; i <= right; i++) {
                    double dx = coords[2 * i] - qx;
                    double dy = coords[2 * i + 1] - qy;
                    if (dx * dx + dy * dy <= r2) {
                        out.add(i);
                    }
                }
                continue;
            }
            int m = (left + right) >>> 1;
            double x = coords[2 * m];
            double y = coords[2 * m + 1];
            double dx = x - qx;
            double dy = y - qy;
            if (dx * dx + dy * dy <= r2) {
                out.add(m);
            }
            if (axis == 0 ? qx - r <= x : qy - r <= y) {
                stack.push(left, m - 1, 1 - axis);
            }
            if (axis == 0 ? qx + r >= x : qy + r >= y) {
                stack.push(m + 1, right, 1 - axis);
            }
        }
    }

    /** A growable list of ints, cleared and refilled by each query instead of allocating. */
    static final class IntBuffer {
        int[] items = new int[64];
        int size;

        void clear() {
            size = 0;
        }

        void add(int value) {
            if (size == items.length) {
                items = java.util.Arrays.copyOf(items, items.length * 2);
            }
            items[size++] = value;
        }
    }

    /** A growable int stack reused across queries so that a query allocates nothing. */
    static final class IntStack {
        private int[] items = new int[96];
        private int size;

        void clear() {
            size = 0;
        }

        boolean isEmpty() {
            return size == 0;
        }

        void push(int a, int b, int c) {
            if (size + 3 > items.length) {
                items = java.util.Arrays.copyOf(items, items.length * 2);
            }
            items[size++] = a;
            items[size++] = b;
            items[size++] = c;
        }

        int pop() {
            return items[--size];
        }
    }
}
