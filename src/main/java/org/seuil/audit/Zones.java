package org.seuil.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;

/**
 * Splits a campaign's venues into zones of (nearly) equal size by recursive median cuts on
 * projected coordinates: the set is cut across its longer side, each half gets a share of the
 * zones in proportion to its venues, and so on. Zones come out compact and, unlike k-means
 * clusters, with equal workloads, which is what sharing a district between volunteers needs.
 * The result is deterministic: the same venues give the same zones on every device.
 */
public final class Zones {
    private Zones() {
    }

    /** The zone (0 to n-1) of each venue, in the venues' order. */
    public static int[] split(List<CampaignVenue> venues, int zones, LocalProjection projection) {
        if (zones < 1) {
            throw new IllegalArgumentException("the number of zones must be at least 1, got " + zones);
        }
        if (zones > Math.max(1, venues.size())) {
            throw new IllegalArgumentException("cannot split " + venues.size() + " venues into " + zones + " zones");
        }
        List<Point> points = new ArrayList<>(venues.size());
        for (int i = 0; i < venues.size(); i++) {
            CampaignVenue v = venues.get(i);
            // Ties broken by place id so that the order of the input does not change the zones.
            points.add(new Point(i, projection.project(v.location()), v.placeId().value()));
        }
        int[] zoneOf = new int[venues.size()];
        cut(points, zones, 0, zoneOf);
        return zoneOf;
    }

    /** Gives venues to volunteers zone by zone: zone i goes to volunteer i modulo the team size. */
    public static List<Assignment> assign(List<CampaignVenue> venues, int zones, List<String> volunteers, LocalProjection projection) {
        if (volunteers.isEmpty()) {
            throw new IllegalArgumentException("give at least one volunteer");
        }
        int[] zoneOf = split(venues, zones, projection);
        List<Assignment> assignments = new ArrayList<>(venues.size());
        for (int zone = 0; zone < zones; zone++) {
            // Zone by zone, so the team joins the campaign in the order it was given.
            for (int i = 0; i < venues.size(); i++) {
                if (zoneOf[i] == zone) {
                    assignments.add(new Assignment(venues.get(i).placeId(), volunteers.get(zone % volunteers.size()), zone));
                }
            }
        }
        return assignments;
    }

    private record Point(int index, Coordinate at, String id) {
    }

    private static void cut(List<Point> points, int zones, int firstZone, int[] zoneOf) {
        if (zones == 1) {
            for (Point p : points) {
                zoneOf[p.index] = firstZone;
            }
            return;
        }
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            minX = Math.min(minX, p.at.x);
            maxX = Math.max(maxX, p.at.x);
            minY = Math.min(minY, p.at.y);
            maxY = Math.max(maxY, p.at.y);
        }
        Comparator<Point> along = maxX - minX >= maxY - minY
                ? Comparator.comparingDouble((Point p) -> p.at.x).thenComparingDouble(p -> p.at.y)
                : Comparator.comparingDouble((Point p) -> p.at.y).thenComparingDouble(p -> p.at.x);
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(along.thenComparing(Point::id));
        int left = zones / 2;
        int cutAt = (int) Math.round((double) sorted.size() * left / zones);
        cut(sorted.subList(0, cutAt), left, firstZone, zoneOf);
        cut(sorted.subList(cutAt, sorted.size()), zones - left, firstZone + left, zoneOf);
    }
}
