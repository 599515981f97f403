package org.seuil.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.Entrance;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Quantity;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.store.CampaignStore;
import org.seuil.store.StoreException;
import org.seuil.store.sqlite.SqlitePlaceStore;

class CampaignStoreTest {
    private static final Instant CREATED = Instant.parse("2026-11-20T09:00:00Z");

    @TempDir
    Path dir;

    private static Campaign campaign(String name) {
        District district = DistrictFile.read(AuditFixtures.monacoVille()).district();
        return new Campaign(CampaignId.random(), name, district, DefaultChecklist.get(), RuleSetName.OSM, CREATED,
                Campaign.DEFAULT_REVISIT_YEARS, List.of());
    }

    @Test
    void aCampaignOverMonacoVilleGetsExactlyThePlacesInsideThePolygon() {
        try (SqlitePlaceStore store = AuditFixtures.monacoStore(dir)) {
            CampaignStore campaigns = store.campaigns();
            Campaign venues = campaign("Le Rocher, venues");
            Campaign everything = campaign("Le Rocher, everything");
            int selected = campaigns.create(venues, VenueSelection.VENUES);
            int all = campaigns.create(everything, VenueSelection.ALL);
            assertEquals(AuditFixtures.independentCount(VenueSelection.VENUES), selected);
            assertEquals(AuditFixtures.independentCount(VenueSelection.ALL), all);
            assertEquals(62, selected, "shops, restaurants, museums... of the rock, counted once by hand with a script");
            assertEquals(212, all);
            assertEquals(selected, campaigns.venues(venues.id()).size());
            assertTrue(campaigns.venues(venues.id()).stream().anyMatch(v -> "Musée Océanographique".equals(v.name())));
            assertTrue(campaigns.venues(venues.id()).stream().noneMatch(v -> "amenity=bench".equals(v.category())));
        }
    }

    @Test
    void aCampaignSurvivesClosingTheStoreWithItsChecklistVolunteersAndStatuses() {
        Campaign c = campaign("Le Rocher");
        PlaceId museum = new PlaceId("osm:way/23715051");
        try (SqlitePlaceStore store = AuditFixtures.monacoStore(dir)) {
            store.campaigns().create(c, VenueSelection.VENUES);
            store.campaigns().assign(c.id(), List.of(new Assignment(museum, "Alice", null)));
            store.campaigns().setStatus(c.id(), museum, VenueStatus.VISITED, "Alice", CREATED.plusSeconds(3600));
        }
        try (SqlitePlaceStore store = SqlitePlaceStore.open(dir.resolve("seuil.db"))) {
            Campaign back = store.campaigns().find("Le Rocher");
            assertEquals(c.id(), back.id());
            assertEquals(c.checklist(), back.checklist());
            assertEquals(c.district(), back.district());
            assertEquals(List.of("Alice"), back.volunteers());
            CampaignVenue venue = store.campaigns().venues(c.id()).stream().filter(v -> v.placeId().equals(museum)).findFirst().orElseThrow();
            assertEquals(VenueStatus.VISITED, venue.status());
            assertEquals("Alice", venue.volunteer());
            assertEquals(CREATED.plusSeconds(3600), venue.statusAt());
            assertEquals(c.id(), store.campaigns().find(c.id().value().substring(0, 8)).id());
        }
    }

    @Test
    void splittingBetweenTwoVolunteersThenVisitingGivesCoverageByZoneVolunteerAndCategory() {
        try (SqlitePlaceStore store = AuditFixtures.monacoStore(dir)) {
            CampaignStore campaigns = store.campaigns();
            Campaign c = campaign("Le Rocher");
            campaigns.create(c, VenueSelection.VENUES);
            List<CampaignVenue> venues = campaigns.venues(c.id());
            campaigns.assign(c.id(), Zones.assign(venues, 2, List.of("Alice", "Bob"), LocalProjection.around(c.district())));
            List<CampaignVenue> alices = campaigns.venues(c.id()).stream().filter(v -> "Alice".equals(v.volunteer())).toList();
            assertEquals(31, alices.size());
            // Alice visits her three first restaurants; Bob finds one closed, but long ago.
            List<CampaignVenue> restaurants = alices.stream().filter(v -> "amenity=restaurant".equals(v.category())).limit(3).toList();
            for (CampaignVenue v : restaurants) {
                campaigns.setStatus(c.id(), v.placeId(), VenueStatus.VISITED, "Alice", CREATED.plusSeconds(60));
            }
            CampaignVenue bobs = campaigns.venues(c.id()).stream().filter(v -> "Bob".equals(v.volunteer())).findFirst().orElseThrow();
            campaigns.setStatus(c.id(), bobs.placeId(), VenueStatus.CLOSED, "Bob", Instant.parse("2019-01-01T00:00:00Z"));

            Coverage coverage = campaigns.coverage(c.id(), CREATED.plusSeconds(7200));
            assertEquals(new Coverage.Tally(3, 62), coverage.total());
            assertEquals(4.8, coverage.total().percent());
            assertEquals(Map.of(0, new Coverage.Tally(3, 31), 1, new Coverage.Tally(0, 31)), coverage.byZone());
            assertEquals(new Coverage.Tally(3, 31), coverage.byVolunteer().get("Alice"));
            assertEquals(new Coverage.Tally(0, 31), coverage.byVolunteer().get("Bob"), "a closure seen in 2019 is pending again after 5 years");
            long restaurantsInAll = venues.stream().filter(v -> "amenity=restaurant".equals(v.category())).count();
            assertEquals(new Coverage.Tally(3, restaurantsInAll), coverage.byCategory().get("amenity=restaurant"));
            assertEquals(3, coverage.count(VenueStatus.VISITED));
            assertEquals(59, coverage.count(VenueStatus.TO_VISIT));

            Coverage in2020 = campaigns.coverage(c.id(), Instant.parse("2020-01-01T00:00:00Z"));
            assertEquals(1, in2020.byVolunteer().get("Bob").audited(), "in 2020 the closure was fresh");
        }
    }

    @Test
    void aVenueFoundOnTheGroundBecomesAPlaceQueuedForSyncAndAVisitedVenue() {
        try (SqlitePlaceStore store = AuditFixtures.monacoStore(dir)) {
            CampaignStore campaigns = store.campaigns();
            Campaign c = campaign("Le Rocher");
            int before = campaigns.create(c, VenueSelection.VENUES);
            Place found = new Place(PlaceId.generate(), new GeoPoint(43.7306, 7.4232), "Boulangerie du Rocher", "shop=bakery", "Rue Basse");
            campaigns.addVenue(c.id(), found, "Alice", CREATED.plusSeconds(60));
            assertEquals(before + 1, campaigns.venues(c.id()).size());
            assertTrue(store.place(found.id()).isPresent());
            assertTrue(store.outbox(100).stream().anyMatch(e -> e.kind().equals("place") && e.entityId().equals(found.id().value())));
            CampaignVenue venue = campaigns.venues(c.id()).stream().filter(v -> v.placeId().equals(found.id())).findFirst().orElseThrow();
            assertTrue(venue.foundOnGround());
            assertEquals(VenueStatus.VISITED, venue.status());
            assertEquals(List.of("campaign", "venue"), campaigns.pendingChanges(10).stream().map(ch -> ch.kind()).toList());

            Place outside = new Place(PlaceId.generate(), new GeoPoint(43.7400, 7.4280), "Casino café", "amenity=cafe", null);
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> campaigns.addVenue(c.id(), outside, "Alice", CREATED));
            assertTrue(refused.getMessage().contains("outside the district"), refused.getMessage());
            assertTrue(store.place(outside.id()).isEmpty(), "the refused change left nothing behind");
        }
    }

    @Test
    void aVisitWritesItsReportAndItsStatusTogetherOrNotAtAll() {
        try (SqlitePlaceStore store = AuditFixtures.monacoStore(dir)) {
            CampaignStore campaigns = store.campaigns();
            Campaign c = campaign("Le Rocher");
            campaigns.create(c, VenueSelection.VENUES);
            PlaceId museum = new PlaceId("osm:way/23715051");
            Report visit = new Report(ReportId.generate(), museum, "Alice", CREATED.plusSeconds(600), 1, null, null,
                    new Entrance(1, Quantity.centimetres(5), null, Quantity.centimetres(85), null, null), null, null, null,
                    Map.of(), List.of(), List.of(), false);
            campaigns.recordVisit(c.id(), visit);
            assertEquals(visit, store.report(visit.id()).orElseThrow());
            assertTrue(store.outbox(100).stream().anyMatch(e -> e.kind().equals("report") && e.entityId().equals(visit.id().value())));
            CampaignVenue venue = campaigns.venues(c.id()).stream().filter(v -> v.placeId().equals(museum)).findFirst().orElseThrow();
            assertEquals(VenueStatus.VISITED, venue.status());
            assertEquals(CREATED.plusSeconds(600), venue.statusAt());

            // The Café de Paris is in the store but across the harbour, not in the campaign.
            Report outside = Report.blank(ReportId.generate(), new PlaceId("osm:node/4316767531"), "Alice", CREATED);
            StoreException refused = assertThrows(StoreException.class, () -> campaigns.recordVisit(c.id(), outside));
            assertTrue(refused.getMessage().contains("is not in campaign"), refused.getMessage());
            assertTrue(store.report(outside.id()).isEmpty(), "the report of a refused visit is not stored");
        }
    }

    @Test
    void assigningAVenueOutsideTheCampaignChangesNothing() throws Exception {
        try (SqlitePlaceStore store = AuditFixtures.monacoStore(dir)) {
            CampaignStore campaigns = store.campaigns();
            Campaign c = campaign("Le Rocher");
            campaigns.create(c, VenueSelection.VENUES);
            PlaceId inside = campaigns.venues(c.id()).get(0).placeId();
            PlaceId casino = new PlaceId("osm:node/1");
            StoreException refused = assertThrows(StoreException.class, () -> campaigns.assign(c.id(),
                    List.of(new Assignment(inside, "Alice", null), new Assignment(casino, "Alice", null))));
            assertTrue(refused.getMessage().contains("osm:node/1 is not in campaign"), refused.getMessage());
            assertTrue(campaigns.venues(c.id()).stream().allMatch(v -> v.volunteer() == null), "one transaction: nothing assigned");
            assertEquals(List.of(), campaigns.get(c.id()).orElseThrow().volunteers());
        }
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("seuil.db"));
             ResultSet rows = sql.createStatement().executeQuery("SELECT count(*) FROM campaign_outbox")) {
            rows.next();
            assertEquals(1, rows.getInt(1), "only the creation is logged");
        }
    }
}
