package org.seuil.formats.osm;

import java.util.Arrays;

/**
 * Every node's position, kept in primitive arrays (16 bytes a node: the id and two coordinates in
 * 1e-7 degrees, OSM's own precision) so that a country extract fits in memory where a map of node
 * objects would not. Ids are looked up by binary search once {@link #seal()} has sorted them.
 */
final class NodeLocations {
    private static final double SCALE = 1e7;
    private long[] ids = new long[1024];
    private int[] lats = new int[1024];
    private int[] lons = new int[1024];
    private int size;
    private boolean sorted = true;
    private boolean sealed;

    void add(long id, double lat, double lon) {
        if (sealed) {
            throw new IllegalStateException("node " + id + " after the locations were sealed");
        }
        if (size == ids.length) {
            int capacity = Math.max(size + (size >> 1), 1024);
            ids = Arrays.copyOf(ids, capacity);
            lats = Arrays.copyOf(lats, capacity);
            lons = Arrays.copyOf(lons, capacity);
        }
        if (size > 0 && id <= ids[size - 1]) {
            sorted = false;
        }
        ids[size] = id;
        lats[size] = (int) Math.round(lat * SCALE);
        lons[size] = (int) Math.round(lon * SCALE);
        size++;
    }

    /** Makes the locations searchable; nothing can be added afterwards. */
    void seal() {
        if (!sorted) {
            IdSort.sort(ids, size, (i, j) -> {
                long id = ids[i];
                ids[i] = ids[j];
                ids[j] = id;
                int lat = lats[i];
                lats[i] = lats[j];
                lats[j] = lat;
                int lon = lons[i];
                lons[i] = lons[j];
                lons[j] = lon;
                return 0;
            });
            sorted = true;
        }
        sealed = true;
    }

    /** The index of a node, or -1 when the extract does not hold it. */
    int indexOf(long id) {
        if (!sealed) {
            throw new IllegalStateException("seal() first");
        }
        return IdSort.find(ids, size, id);
    }

    double lat(int index) {
        return lats[index] / SCALE;
    }

    double lon(int index) {
        return lons[index] / SCALE;
    }

    int size() {
        return size;
    }
}
