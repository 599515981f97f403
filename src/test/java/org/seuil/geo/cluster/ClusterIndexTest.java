package org.seuil.geo.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterIndexTest {
    private static final ClusterIndex.Options OPTIONS = ClusterIndex.Options.DEFAULT;

    /** Points bunched around a few towns, as venues are, plus a scatter; seeded so failures repeat. */
    static double[][] towns(int n, long seed) {
        Random random = new Random(seed);
        double[][] centres = {{7.42, 43.73}, {2.35, 48.85}, {-0.57, 44.84}, {139.7, 35.7}, {-179.9, -16.5}};
        double[] lon = new double[n];
        double[] lat = new double[n];
        for (int i = 0; i < n; i++) {
            if (i % 10 == 0) {
                lon[i] = -180 + random.nextDouble() * 360;
                lat[i] = -80 + random.nextDouble() * 160;
            } else {
                double[] c = centres[i % centres.length];
                double spread = i % 3 == 0 ? 0.0005 : 0.05;
                lon[i] = Math.max(-180, Math.min(180, c[0] + random.nextGaussian() * spread));
                lat[i] = c[1] + random.nextGaussian() * spread;
            }
        }
        return new double[][] {lon, lat};
    }

    record Item(boolean cluster, long id, double x, double y, int count) {
    }

    static List<Item> all(ClusterIndex index, double zoom) {
        List<Item> items = new ArrayList<>();
        index.queryMercator(0, 0, 1, 1, zoom, collector(items));
        return items;
    }

    static ClusterSink collector(List<Item> items) {
        return new ClusterSink() {
            @Override
            public void point(int pointIndex, double x, double y) {
                items.add(new Item(false, pointIndex, x, y, 1));
            }

            @Override
            public void cluster(long clusterId, double x, double y, int count) {
                items.add(new Item(true, clusterId, x, y, count));
            }
        };
    }

    @Test
    void kdTreeRangeAndRadiusSearchesFindExactlyWhatABruteForceScanFinds() {
        Random random = new Random(7);
        int n = 5000;
        float[] coords = new float[2 * n];
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            coords[2 * i] = random.nextFloat();
            coords[2 * i + 1] = (float) Math.pow(random.nextFloat(), 3); // skewed on purpose
            ids[i] = i;
        }
        float[] original = coords.clone();
        KdTree.sort(coords, ids, n);
        KdTree.IntStack stack = new KdTree.IntStack();
        for (int q = 0; q < 200; q++) {
            double x0 = random.nextDouble();
            double y0 = random.nextDouble() * 0.3;
            double w = random.nextDouble() * 0.2;
            KdTree.IntBuffer hits = new KdTree.IntBuffer();
            KdTree.range(coords, n, x0, y0, x0 + w, y0 + w, stack, hits);
            Set<Integer> found = new HashSet<>();
            for (int h = 0; h < hits.size; h++) {
                found.add(ids[hits.items[h]]);
            }
            Set<Integer> expected = new HashSet<>();
            Set<Integer> expectedNear = new HashSet<>();
            for (int i = 0; i < n; i++) {
                double x = original[2 * i];
                double y = original[2 * i + 1];
                if (x >= x0 && x <= x0 + w && y >= y0 && y <= y0 + w) {
                    expected.add(i);
                }
                if ((x - x0) * (x - x0) + (y - y0) * (y - y0) <= w * w) {
                    expectedNear.add(i);
                }
            }
            assertEquals(expected, found, "range query " + q);
            hits.clear();
            KdTree.within(coords, n, x0, y0, w, stack, hits);
            Set<Integer> near = new HashSet<>();
            for (int h = 0; h < hits.size; h++) {
                near.add(ids[hits.items[h]]);
            }
            assertEquals(expectedNear, near, "radius query " + q);
        }
    }

    @Test
    void everyZoomAccountsForEveryPointExactlyOnce() {
        double[][] p = towns(3000, 1);
        ClusterIndex index = ClusterIndex.build(p[0], p[1], 3000, OPTIONS);
        for (int z = 0; z <= 20; z++) {
            BitSet seen = new BitSet();
            int total = 0;
            for (Item item : all(index, z)) {
                total += item.count();
                if (item.cluster()) {
                    List<Integer> leaves = new ArrayList<>();
                    index.leaves(item.id(), leaves::add);
                    assertEquals(item.count(), leaves.size(), "leaves of a cluster at zoom " + z);
                    for (int leaf : leaves) {
                        assertTrue(!seen.get(leaf), "point " + leaf + " twice at zoom " + z);
                        seen.set(leaf);
                    }
                } else {
                    assertTrue(!seen.get((int) item.id()), "point " + item.id() + " twice at zoom " + z);
                    seen.set((int) item.id());
                }
            }
            assertEquals(3000, total, "counts at zoom " + z);
            assertEquals(3000, seen.cardinality(), "distinct points at zoom " + z);
        }
        assertEquals(3000, index.itemCount(19), "above maxZoom every point shows alone");
    }

    @Test
    void lonePointsAreNeverWithinTheRadiusOfOneAnother() {
        double[][] p = towns(2000, 2);
        ClusterIndex index = ClusterIndex.build(p[0], p[1], 2000, OPTIONS);
        for (int z = 0; z <= 18; z++) {
            List<Item> lone = all(index, z).stream().filter(i -> !i.cluster()).toList();
            double r = OPTIONS.radiusAt(z) * (1 - 1e-4); // float coordinates inside the index
            for (int a = 0; a < lone.size(); a++) {
                for (int b = a + 1; b < lone.size(); b++) {
                    double dx = lone.get(a).x() - lone.get(b).x();
                    double dy = lone.get(a).y() - lone.get(b).y();
                    assertTrue(dx * dx + dy * dy > r * r, "points " + lone.get(a).id() + " and " + lone.get(b).id()
                            + " should have merged at zoom " + z);
                }
            }
        }
    }

    @Test
    void aClusterSitsAtTheCentroidOfItsPoints() {
        double[][] p = towns(2000, 3);
        ClusterIndex index = ClusterIndex.build(p[0], p[1], 2000, OPTIONS);
        int checked = 0;
        for (int z : new int[] {3, 8, 12, 16}) {
            for (Item item : all(index, z)) {
                if (!item.cluster()) {
                    continue;
                }
                double[] sum = new double[2];
                index.leaves(item.id(), i -> {
                    sum[0] += index.pointX(i);
                    sum[1] += index.pointY(i);
                });
                assertEquals(sum[0] / item.count(), item.x(), 1e-6, "x of a cluster at zoom " + z);
                assertEquals(sum[1] / item.count(), item.y(), 1e-6, "y of a cluster at zoom " + z);
                checked++;
            }
        }
        assertTrue(checked > 20, "the sample must have clusters, had " + checked);
    }

    @Test
    void aClusterSplitsExactlyAtItsExpansionZoom() {
        double[][] p = towns(2000, 4);
        ClusterIndex index = ClusterIndex.build(p[0], p[1], 2000, OPTIONS);
        int checked = 0;
        for (Item item : all(index, 5)) {
            if (!item.cluster()) {
                continue;
            }
            int expansion = index.expansionZoom(item.id());
            assertTrue(expansion > 5 && expansion <= 19, "expansion zoom " + expansion);
            Set<Integer> leaves = new HashSet<>();
            index.leaves(item.id(), leaves::add);
            assertEquals(1, itemsHolding(index, leaves, expansion - 1), "still one item the zoom before");
            assertTrue(itemsHolding(index, leaves, expansion) > 1, "split at zoom " + expansion);
            checked++;
        }
        assertTrue(checked > 3);
    }

    private static int itemsHolding(ClusterIndex index, Set<Integer> leaves, int zoom) {
        int holding = 0;
        for (Item item : all(index, zoom)) {
            if (item.cluster()) {
                int[] inside = {0};
                index.leaves(item.id(), i -> inside[0] += leaves.contains(i) ? 1 : 0);
                holding += inside[0] > 0 ? 1 : 0;
            } else if (leaves.contains((int) item.id())) {
                holding++;
            }
        }
        return holding;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, 11, 15, 19})
    void aViewportQueryReturnsWhatFallsInsideItAtThatZoom(int zoom) {
        double[][] p = towns(3000, 5);
        ClusterIndex index = ClusterIndex.build(p[0], p[1], 3000, OPTIONS);
        double west = 7.3;
        double east = 7.6;
        double south = 43.6;
        double north = 43.9;
        List<Item> found = new ArrayList<>();
        index.query(west, south, east, north, zoom, collector(found));
        List<Item> expected = all(index, zoom).stream().filter(i -> i.x() >= ClusterIndex.mercatorX(west) - 1e-7
                && i.x() <= ClusterIndex.mercatorX(east) + 1e-7 && i.y() >= ClusterIndex.mercatorY(north) - 1e-7
                && i.y() <= ClusterIndex.mercatorY(south) + 1e-7).toList();
        assertEquals(Set.copyOf(expected), Set.copyOf(found));
        assertTrue(zoom < 6 || !found.isEmpty(), "Monaco has points"); // at zoom 0 its cluster may sit in France
    }

    @Test
    void aBoxAcrossTheAntimeridianFindsPointsOnBothSides() {
        double[] lon = {179.99, -179.99, 0};
        double[] lat = {-16.5, -16.5, 0};
        ClusterIndex index = ClusterIndex.build(lon, lat, 3, OPTIONS);
        List<Item> found = new ArrayList<>();
        index.query(179.9, -17, -179.9, -16, 19, collector(found));
        assertEquals(Set.of(0L, 1L), Set.copyOf(found.stream().map(Item::id).toList()));
    }

    @Test
    void badCoordinatesAreRejectedWithTheirIndex() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClusterIndex.build(new double[] {1, 200}, new double[] {1, 1}, 2, OPTIONS));
        assertTrue(e.getMessage().contains("point 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ClusterIndex.Options(0, 256, 0, 18));
    }

    @Test
    void anEmptyIndexAnswersWithNothing() {
        ClusterIndex index = ClusterIndex.build(new double[0], new double[0], 0, OPTIONS);
        assertEquals(0, all(index, 10).size());
    }
}
