package org.seuil.audit;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.seuil.domain.GeoPoint;

/**
 * The order a volunteer walks their venues in: nearest neighbour from the start point, then
 * 2-opt and single-venue moves (or-opt) until neither shortens the walk. Distances are straight lines in metres on a local
 * projection; streets are not followed (the store has no street graph), which on district scale
 * still gives a sensible round without crossings.
 */
public final class WalkingOrder {
    private static final int MAX_PASSES = 1000;

    private WalkingOrder() {
    }

    /** The venues in walking order from {@code start}; the walk ends wherever is best. */
    public static List<CampaignVenue> from(GeoPoint start, List<CampaignVenue> venues) {
        if (venues.size() < 2) {
            return List.copyOf(venues);
        }
        LocalProjection projection = LocalProjection.around(start);
        Coordinate origin = projection.project(start);
        Coordinate[] at = new Coordinate[venues.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = projection.project(venues.get(i).location());
        }
        int[] order = nearestNeighbour(origin, at);
        // 2-opt untangles crossings; moving single venues fixes what 2-opt leaves (a venue picked
        // up too late on the way back). Alternate until neither helps.
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            boolean untangled = twoOpt(origin, at, order);
            boolean moved = relocate(origin, at, order);
            if (!untangled && !moved) {
                break;
            }
        }
        List<CampaignVenue> result = new ArrayList<>(order.length);
        for (int i : order) {
            result.add(venues.get(i));
        }
        return result;
    }

    /** The length in metres of walking the venues in the given order from {@code start}. */
    public static double metres(GeoPoint start, List<CampaignVenue> ordered) {
        LocalProjection projection = LocalProjection.around(start);
        Coordinate previous = projection.project(start);
        double total = 0;
        for (CampaignVenue v : ordered) {
            Coordinate next = projection.project(v.location());
            total += previous.distance(next);
            previous = next;
        }
        return total;
    }

    private static int[] nearestNeighbour(Coordinate origin, Coordinate[] at) {
        int n = at.length;
        boolean[] visited = new boolean[n];
        int[] order = new int[n];
        Coordinate current = origin;
        for (int step = 0; step < n; step++) {
            int best = -1;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (!visited[i]) {
                    double d = current.distance(at[i]);
                    if (d < bestDistance) {
                        bestDistance = d;
                        best = i;
                    }
                }
            }
            visited[best] = true;
            order[step] = best;
            current = at[best];
        }
        return order;
    }

    /**
     * Reverses order[i..j] whenever that shortens the open path that starts at {@code origin}:
     * the edges (before i, i) and (j, after j) become (before i, j) and (i, after j).
     */
    private static boolean twoOpt(Coordinate origin, Coordinate[] at, int[] order) {
        int n = order.length;
        boolean changed = false;
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            boolean improved = false;
            for (int i = 0; i < n - 1; i++) {
                Coordinate before = i == 0 ? origin : at[order[i - 1]];
                for (int j = i + 1; j < n; j++) {
                    Coordinate first = at[order[i]];
                    Coordinate last = at[order[j]];
                    double removed = before.distance(first);
                    double added = before.distance(last);
                    if (j + 1 < n) {
                        Coordinate after = at[order[j + 1]];
                        removed += last.distance(after);
                        added += first.distance(after);
                    }
                    if (added < removed - 1e-9) {
                        reverse(order, i, j);
                        improved = true;
                        changed = true;
                    }
                }
            }
            if (!improved) {
                break;
            }
        }
        return changed;
    }

    /** Moves single venues to the place in the walk where they cost least; returns whether any moved. */
    private static boolean relocate(Coordinate origin, Coordinate[] at, int[] order) {
        int n = order.length;
        boolean changed = false;
        for (int i = 0; i < n; i++) {
            Coordinate before = i == 0 ? origin : at[order[i - 1]];
            Coordinate self = at[order[i]];
            Coordinate after = i + 1 < n ? at[order[i + 1]] : null;
            double saved = before.distance(self) + (after == null ? 0 : self.distance(after) - before.distance(after));
            int bestGap = -1;
            double bestCost = saved - 1e-9;
            // Gap g puts the venue between walk[g - 1] (or the origin) and walk[g] (or the end).
            for (int g = 0; g <= n; g++) {
                if (g == i || g == i + 1) {
                    continue;
                }
                Coordinate p = g == 0 ? origin : at[order[g - 1]];
                Coordinate q = g < n ? at[order[g]] : null;
                double cost = p.distance(self) + (q == null ? 0 : self.distance(q) - p.distance(q));
                if (cost < bestCost) {
                    bestCost = cost;
                    bestGap = g;
                }
            }
            if (bestGap >= 0) {
                move(order, i, bestGap);
                changed = true;
            }
        }
        return changed;
    }

    private static void move(int[] order, int from, int gap) {
        int venue = order[from];
        if (gap > from) {
            System.arraycopy(order, from + 1, order, from, gap - 1 - from);
            order[gap - 1] = venue;
        } else {
            System.arraycopy(order, gap, order, gap + 1, from - gap);
            order[gap] = venue;
        }
    }

    private static void reverse(int[] order, int i, int j) {
        while (i < j) {
            int t = order[i];
            order[i++] = order[j];
            order[j--] = t;
        }
    }
}
