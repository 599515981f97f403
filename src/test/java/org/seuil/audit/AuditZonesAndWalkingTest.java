package org.seuil.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineSegment;
import org.seuil.domain.GeoPoint;
import org.seuil.store.sqlite.SqlitePlaceStore;

/** Zones and walking order on the 62 real venues of Monaco-Ville. */
class AuditZonesAndWalkingTest {
    /** The Place du Palais bus stop, where volunteers arrive on the rock. */
    private static final GeoPoint BUS_STOP = new GeoPoint(43.7311303, 7.4213799);

    @TempDir
    static Path dir;
    static List<CampaignVenue> venues;
    static District district;

    @BeforeAll
    static void importMonaco() {
        try (SqlitePlaceStore store = AuditFixtures.monacoStore(dir)) {
            district = DistrictFile.read(AuditFixtures.monacoVille()).district();
            Campaign c = new Campaign(CampaignId.random(), "Le Rocher", district, DefaultChecklist.get(), RuleSetName.OSM,
                    Instant.parse("2026-11-20T09:00:00Z"), 5, List.of());
            store.campaigns().create(c, VenueSelection.VENUES);
            venues = store.campaigns().venues(c.id());
        }
    }

    @Test
    void zonesAreBalancedCompactAndDisjoint() {
        LocalProjection projection = LocalProjection.around(district);
        for (int n = 1; n <= 6; n++) {
            int[] zones = Zones.split(venues, n, projection);
            int[] sizes = new int[n];
            List<List<Coordinate>> points = new ArrayList<>();
            for (int z = 0; z < n; z++) {
                points.add(new ArrayList<>());
            }
            for (int i = 0; i < zones.length; i++) {
                sizes[zones[i]]++;
                points.get(zones[i]).add(projection.project(venues.get(i).location()));
            }
            int min = java.util.Arrays.stream(sizes).min().orElseThrow();
            int max = java.util.Arrays.stream(sizes).max().orElseThrow();
            assertTrue(max - min <= 1, n + " zones of sizes " + java.util.Arrays.toString(sizes));
            // Median cuts give zones whose hulls do not overlap (they may touch along a cut).
            GeometryFactory f = new GeometryFactory();
            List<Geometry> hulls = points.stream().map(p -> f.createMultiPointFromCoords(p.toArray(Coordinate[]::new)).convexHull()).toList();
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n; b++) {
                    double overlap = hulls.get(a).intersection(hulls.get(b)).getArea();
                    assertTrue(overlap < 1, n + " zones: zones " + a + " and " + b + " overlap by " + overlap + " m²");
                }
            }
        }
    }

    @Test
    void zonesDoNotDependOnTheOrderOfTheVenues() {
        LocalProjection projection = LocalProjection.around(district);
        List<CampaignVenue> reversed = new ArrayList<>(venues);
        java.util.Collections.reverse(reversed);
        int[] forward = Zones.split(venues, 3, projection);
        int[] backward = Zones.split(reversed, 3, projection);
        for (int i = 0; i < venues.size(); i++) {
            assertEquals(forward[i], backward[venues.size() - 1 - i]);
        }
    }

    @Test
    void theWalkVisitsEveryVenueOnceWithoutCrossingItselfAndBeatsNearestNeighbourAlone() {
        List<CampaignVenue> walk = WalkingOrder.from(BUS_STOP, venues);
        assertEquals(venues.size(), walk.size());
        assertEquals(new HashSet<>(venues), new HashSet<>(walk));
        double metres = WalkingOrder.metres(BUS_STOP, walk);
        double greedy = WalkingOrder.metres(BUS_STOP, nearestNeighbour(BUS_STOP, venues));
        assertTrue(metres <= greedy, metres + " m walked against " + greedy + " m for the greedy order");
        assertTrue(metres > 1000 && metres < 4000, "the rock is 800 m long; the walk is " + metres + " m");
        // A 2-opt optimum has no two crossing legs.
        LocalProjection p = LocalProjection.around(BUS_STOP);
        List<Coordinate> path = new ArrayList<>();
        path.add(p.project(BUS_STOP));
        walk.forEach(v -> path.add(p.project(v.location())));
        for (int i = 0; i + 1 < path.size(); i++) {
            for (int j = i + 2; j + 1 < path.size(); j++) {
                LineSegment a = new LineSegment(path.get(i), path.get(i + 1));
                LineSegment b = new LineSegment(path.get(j), path.get(j + 1));
                Coordinate x = a.intersection(b);
                boolean proper = x != null && !x.equals2D(a.p0, 1e-6) && !x.equals2D(a.p1, 1e-6)
                        && !x.equals2D(b.p0, 1e-6) && !x.equals2D(b.p1, 1e-6);
                assertTrue(!proper, "legs " + i + " and " + j + " cross");
            }
        }
    }

    @Test
    void onSmallListsTheWalkIsWithinTenPercentOfTheBestOrder() {
        for (int start = 0; start + 7 <= venues.size(); start += 7) {
            List<CampaignVenue> seven = venues.subList(start, start + 7);
            double walk = WalkingOrder.metres(BUS_STOP, WalkingOrder.from(BUS_STOP, seven));
            double best = best(BUS_STOP, new ArrayList<>(seven), new ArrayList<>(), Double.POSITIVE_INFINITY);
            assertTrue(walk <= best * 1.10 + 1e-6, "venues " + start + "+7: " + walk + " m against the best " + best + " m");
        }
    }

    private static double best(GeoPoint start, List<CampaignVenue> left, List<CampaignVenue> done, double bound) {
        if (left.isEmpty()) {
            return WalkingOrder.metres(start, done);
        }
        double best = bound;
        for (int i = 0; i < left.size(); i++) {
            CampaignVenue v = left.remove(i);
            done.add(v);
            best = Math.min(best, best(start, left, done, best));
            done.remove(done.size() - 1);
            left.add(i, v);
        }
        return best;
    }

    private static List<CampaignVenue> nearestNeighbour(GeoPoint start, List<CampaignVenue> venues) {
        List<CampaignVenue> left = new ArrayList<>(venues);
        List<CampaignVenue> order = new ArrayList<>();
        GeoPoint at = start;
        while (!left.isEmpty()) {
            GeoPoint from = at;
            CampaignVenue next = left.stream().min(java.util.Comparator.comparingDouble(
                    v -> WalkingOrder.metres(from, List.of(v)))).orElseThrow();
            left.remove(next);
            order.add(next);
            at = next.location();
        }
        return order;
    }
}
