package org.seuil.sync.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seuil.audit.Campaign;
import org.seuil.audit.CampaignId;
import org.seuil.audit.DefaultChecklist;
import org.seuil.audit.District;
import org.seuil.audit.RuleSetName;
import org.seuil.audit.SharedCampaign;
import org.seuil.audit.SharedVenue;
import org.seuil.audit.VenueStatus;

/** The campaign bodies of the protocol: what is written is read back the same, and bad input names its field. */
class CampaignSyncCodecTest {
    private static final CampaignCodec CODEC = new CampaignCodec(WireLimits.DEFAULT);

    private static SharedCampaign read(String json) {
        return CODEC.readCampaign(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String written(SharedCampaign c) {
        return new String(CODEC.writeCampaign(c), StandardCharsets.UTF_8);
    }

    @Test
    void aMultiPolygonWithAHoleAndEveryVenueFieldSurviveTheWire() {
        District district = District.fromWkt("MULTIPOLYGON (((7.42 43.735, 7.43 43.735, 7.43 43.745, 7.42 43.745, 7.42 43.735),"
                + " (7.424 43.739, 7.426 43.739, 7.426 43.741, 7.424 43.741, 7.424 43.739)), ((7.44 43.75, 7.45 43.75, 7.45 43.76, 7.44 43.75)))");
        Campaign campaign = new Campaign(CampaignId.random(), "Deux quartiers", district, DefaultChecklist.get(), RuleSetName.ERP,
                Instant.parse("2026-01-10T09:00:00Z"), 3, List.of("alice", "bob"));
        SharedCampaign shared = new SharedCampaign(campaign, "carol", 17, List.of(
                new SharedVenue(CampaignFixtures.venuePlace(0), VenueStatus.NOT_FOUND, "alice", 2, Instant.parse("2026-01-11T08:30:00.125Z"),
                        "alice", true),
                new SharedVenue(CampaignFixtures.venuePlace(1), VenueStatus.TO_VISIT, null, null, null, null, false)));
        SharedCampaign back = read(written(shared));
        assertEquals(shared, back);
        assertEquals(written(shared), written(back));
    }

    @Test
    void changesSurviveTheWire() {
        List<CampaignEdit> edits = List.of(
                new CampaignEdit.SetStatus(CampaignFixtures.venuePlace(0).id(), VenueStatus.CLOSED, Instant.parse("2026-01-11T08:30:00Z")),
                new CampaignEdit.AddVenue(CampaignFixtures.venuePlace(5), VenueStatus.VISITED, Instant.parse("2026-01-11T09:00:00Z")),
                new CampaignEdit.Assign(CampaignFixtures.venuePlace(1).id(), "bob", null),
                new CampaignEdit.Assign(CampaignFixtures.venuePlace(2).id(), "alice", 3));
        assertEquals(edits, CODEC.readEdits(new ByteArrayInputStream(CODEC.writeEdits(edits))));
    }

    private static String fieldOf(Runnable reading) {
        ProtocolException e = assertThrows(ProtocolException.class, reading::run);
        assertEquals(400, e.problem().status(), e.getMessage());
        return e.problem().errors().get(0).field();
    }

    @Test
    void badCampaignsNameTheFieldAtFault() {
        String good = written(CampaignFixtures.shared(CampaignId.random(), "X", List.of("alice"), 1));
        assertEquals("geometry.coordinates[0]", fieldOf(() -> read(good.replace("[7.42,43.735]]]", "[7.42,43.7351]]]"))));
        assertEquals("geometry", fieldOf(() -> read(good.replace("[7.43,43.745],[7.42,43.745]", "[7.42,43.745],[7.43,43.745]"))));
        assertEquals("properties.venues[0].colour", fieldOf(() -> read(good.replace("\"foundOnGround\":false", "\"foundOnGround\":false,\"colour\":1"))));
        assertEquals("properties.venues[0].status", fieldOf(() -> read(good.replace("\"status\":\"to-visit\"", "\"status\":\"done\""))));
        assertEquals("properties.venues[0].place.id", fieldOf(() -> read(good.replace("osm:node/1000", "node 1000"))));
        assertEquals("properties.members[0]", fieldOf(() -> read(good.replace("\"members\":[\"alice\"]", "\"members\":[\"<script>\"]"))));
        assertEquals("properties.revisitYears", fieldOf(() -> read(good.replace("\"revisitYears\":5", "\"revisitYears\":500"))));
        assertEquals("id", fieldOf(() -> read(good.replaceFirst("\"id\":\"[0-9a-f-]{36}\"", "\"id\":\"campaign-1\""))));
        assertEquals("changes[1].at", fieldOf(() -> CODEC.readEdits(new ByteArrayInputStream(("{\"changes\":[{\"kind\":\"status\","
                + "\"place\":\"osm:node/1\",\"status\":\"visited\",\"at\":\"2026-01-11T08:30:00Z\"},{\"kind\":\"status\","
                + "\"place\":\"osm:node/1\",\"status\":\"visited\",\"at\":\"yesterday\"}]}").getBytes(StandardCharsets.UTF_8)))));
    }
}
