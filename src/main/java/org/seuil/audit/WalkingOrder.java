package org.seuil.audit;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.seuil.domain.GeoPoint;

/**
 * The order a volunteer walks their venues in: nearest neighbour from the start point, then
 * 2-opt until no reversal shortens the walk. Distances are straight lines in metres on a local
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
        twoOpt(origin, at, order);
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
    private static void twoOpt(Coordinate origin, Coordinate[] at, int[] order) {
        int n = order.length;
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
                    }
                }
            }
            if (!improved) {
                return;
            }
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
