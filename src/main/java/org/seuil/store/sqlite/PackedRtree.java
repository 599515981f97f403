package org.seuil.store.sqlite;

import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Fills an empty SQLite R*Tree over points in one pass, by Sort-Tile-Recursive packing written
 * straight into the tree's shadow tables ({@code _node}, {@code _parent}, {@code _rowid}, the
 * format of SQLite's {@code rtree.c}). Inserting a million points one by one through SQL costs
 * 10-15 s of CPU; packing costs about one, and gives tighter boxes, so faster queries.
 * {@code SELECT rtreecheck(...)} verifies the result (the tests do).
 *
 * <p>Node blob: 2 bytes tree depth (root only), 2 bytes cell count, then cells of an 8-byte id
 * (a row id in leaves, a node number above) and min/max per dimension as 32-bit floats, all
 * big-endian, zero-padded to the node size. Leaf boxes round outwards as SQLite does.
 */
final class PackedRtree {
    private static final int CELL_BYTES = 8 + 4 * 4;
    /** Keep one cell free per node so that the next ordinary insert does not split at once. */
    private static final int SPARE_CELLS = 1;

    /** Boxes of one level: id, minX, maxX, minY, maxY per entry. */
    private record Level(long[] ids, float[] minX, float[] maxX, float[] minY, float[] maxY) {
        int size() {
            return ids.length;
        }
    }

    private final Session session;
    private final String table;
    private final int nodeBytes;
    private final int capacity;
    private long nextNode = 2;

    private PackedRtree(Session session, String table, int nodeBytes) {
        this.session = session;
        this.table = table;
        this.nodeBytes = nodeBytes;
        this.capacity = Math.max(2, (nodeBytes - 4) / CELL_BYTES - SPARE_CELLS);
    }

    /**
     * Packs points into the empty R*Tree {@code table}.
     *
     * @param ids the row ids, {@code xs} and {@code ys} their coordinates, the first {@code n} used
     */
    static void build(Session session, String table, long[] ids, double[] xs, double[] ys, int n) throws SQLException {
        if (session.queryLong("SELECT count(*) FROM \"" + table + "_rowid\"") != 0) {
            throw new IllegalStateException(table + " is not empty");
        }
        int nodeBytes = (int) session.queryLong("SELECT length(data) FROM \"" + table + "_node\" WHERE nodeno = 1");
        float[] minX = new float[n];
        float[] maxX = new float[n];
        float[] minY = new float[n];
        float[] maxY = new float[n];
        for (int i = 0; i < n; i++) {
            minX[i] = down(xs[i]);
            maxX[i] = up(xs[i]);
            minY[i] = down(ys[i]);
            maxY[i] = up(ys[i]);
        }
        new PackedRtree(session, table, nodeBytes).pack(new Level(Arrays.copyOf(ids, n), minX, maxX, minY, maxY));
    }

    /** The largest float not above d, as rtree.c's rtreeValueDown. */
    static float down(double d) {
        float f = (float) d;
        return f > d ? Math.nextDown(f) : f;
    }

    /** The smallest float not below d, as rtree.c's rtreeValueUp. */
    static float up(double d) {
        float f = (float) d;
        return f < d ? Math.nextUp(f) : f;
    }

    private void pack(Level points) throws SQLException {
        if (points.size() == 0) {
            return;
        }
        // The leaf of each point, written to _rowid at the end in row id order: appending to a
        // B-tree is several times cheaper than inserting a million keys in packing order.
        long[] leafOf = new long[points.size()];
        Level level = points;
        int depth = 0;
        boolean leaves = true;
        while (level.size() > capacity) {
            level = packLevel(level, leaves ? leafOf : null);
            leaves = false;
            depth++;
        }
        // What is left fits in the root, node 1.
        int[] all = new int[level.size()];
        Arrays.setAll(all, i -> i);
        writeNode(1, depth, level, all, 0, all.length, leaves ? leafOf : null);
        writeRowids(points.ids(), leafOf);
    }

    private static final int ROWIDS_PER_STATEMENT = 8192;

    private void writeRowids(long[] ids, long[] leafOf) throws SQLException {
        Integer[] order = null;
        for (int i = 1; i < ids.length && order == null; i++) {
            if (ids[i - 1] > ids[i]) {
                order = new Integer[ids.length];
                Arrays.setAll(order, k -> k);
                Arrays.sort(order, (a, b) -> Long.compare(ids[a], ids[b]));
            }
        }
        PreparedStatement insert = session.prepare("INSERT INTO \"" + table + "_rowid\" (rowid, nodeno)"
                + " SELECT value ->> 0, value ->> 1 FROM json_each(?) ORDER BY key");
        StringBuilder pairs = new StringBuilder(ROWIDS_PER_STATEMENT * 20);
        for (int start = 0; start < ids.length; start += ROWIDS_PER_STATEMENT) {
            pairs.setLength(0);
            pairs.append('[');
            for (int i = start; i < Math.min(ids.length, start + ROWIDS_PER_STATEMENT); i++) {
                int e = order == null ? i : order[i];
                if (i > start) {
                    pairs.append(',');
                }
                pairs.append('[').append(ids[e]).append(',').append(leafOf[e]).append(']');
            }
            pairs.append(']');
            insert.setString(1, pairs.toString());
            insert.executeUpdate();
        }
    }

    /** Groups the boxes of one level into nodes; returns the boxes of those nodes. */
    private Level packLevel(Level level, long[] leafOf) throws SQLException {
        int n = level.size();
        // Sort by x centre, cut into vertical slices, sort each slice by y centre.
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = sortKey(level.minX[i] + level.maxX[i], i);
        }
        Arrays.sort(keys);
        int nodes = (n + capacity - 1) / capacity;
        int slices = (int) Math.ceil(Math.sqrt(nodes));
        int sliceSize = slices * capacity;
        for (int start = 0; start < n; start += sliceSize) {
            int end = Math.min(n, start + sliceSize);
            for (int i = start; i < end; i++) {
                int e = (int) keys[i];
                keys[i] = sortKey(level.minY[e] + level.maxY[e], e);
            }
            Arrays.sort(keys, start, end);
        }
        int[] sorted = new int[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = (int) keys[i];
        }
        long[] nodeIds = new long[nodes];
        float[] minX = new float[nodes];
        float[] maxX = new float[nodes];
        float[] minY = new float[nodes];
        float[] maxY = new float[nodes];
        for (int k = 0; k < nodes; k++) {
            int from = k * capacity;
            int to = Math.min(n, from + capacity);
            long node = nextNode++;
            writeNode(node, 0, level, sorted, from, to, leafOf);
            nodeIds[k] = node;
            minX[k] = Float.POSITIVE_INFINITY;
            minY[k] = Float.POSITIVE_INFINITY;
            maxX[k] = Float.NEGATIVE_INFINITY;
            maxY[k] = Float.NEGATIVE_INFINITY;
            for (int i = from; i < to; i++) {
                int e = sorted[i];
                minX[k] = Math.min(minX[k], level.minX[e]);
                maxX[k] = Math.max(maxX[k], level.maxX[e]);
                minY[k] = Math.min(minY[k], level.minY[e]);
                maxY[k] = Math.max(maxY[k], level.maxY[e]);
            }
        }
        return new Level(nodeIds, minX, maxX, minY, maxY);
    }

    /** A long that sorts by the float, then carries the entry index in its low half. */
    private static long sortKey(float value, int index) {
        int bits = Float.floatToIntBits(value);
        int ordered = bits ^ ((bits >> 31) & 0x7fffffff);
        return ((long) ordered << 32) | (index & 0xffffffffL);
    }

    /**
     * Writes one node holding the entries {@code order[from..to)} of {@code level}. For a leaf,
     * {@code leafOf} records which node holds each point; above, each child learns its parent.
     */
    private void writeNode(long node, int depth, Level level, int[] order, int from, int to, long[] leafOf) throws SQLException {
        ByteBuffer data = ByteBuffer.allocate(nodeBytes);
        data.putShort((short) depth);
        data.putShort((short) (to - from));
        StringBuilder children = leafOf != null ? null : new StringBuilder(16 * (to - from) + 2).append('[');
        for (int i = from; i < to; i++) {
            int e = order[i];
            data.putLong(level.ids[e]);
            data.putFloat(level.minX[e]);
            data.putFloat(level.maxX[e]);
            data.putFloat(level.minY[e]);
            data.putFloat(level.maxY[e]);
            if (leafOf != null) {
                leafOf[e] = node;
            } else {
                if (i > from) {
                    children.append(',');
                }
                children.append(level.ids[e]);
            }
        }
        PreparedStatement write = session.prepare("INSERT OR REPLACE INTO \"" + table + "_node\" (nodeno, data) VALUES (?, ?)");
        write.setLong(1, node);
        write.setBytes(2, data.array());
        write.executeUpdate();
        if (leafOf == null) {
            children.append(']');
            PreparedStatement parents = session.prepare("INSERT INTO \"" + table + "_parent\" (nodeno, parentnode) SELECT value, ? FROM json_each(?)");
            parents.setLong(1, node);
            parents.setString(2, children.toString());
            parents.executeUpdate();
        }
    }
}
