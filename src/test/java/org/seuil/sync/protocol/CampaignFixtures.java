package org.seuil.sync.protocol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.seuil.audit.Campaign;
import org.seuil.audit.CampaignId;
import org.seuil.audit.DefaultChecklist;
import org.seuil.audit.District;
import org.seuil.audit.RuleSetName;
import org.seuil.audit.VenueStatus;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.audit.SharedCampaign;
import org.seuil.audit.SharedVenue;

/** A small campaign over a square of Monaco, for campaign sync tests. */
public final class CampaignFixtures {
    /** Monte-Carlo, roughly: 7.420-7.430 E, 43.735-43.745 N. */
    public static final String DISTRICT_WKT = "POLYGON ((7.42 43.735, 7.43 43.735, 7.43 43.745, 7.42 43.745, 7.42 43.735))";

    private CampaignFixtures() {
    }

    public static District district() {
        return District.fromWkt(DISTRICT_WKT);
    }

    public static Campaign campaign(CampaignId id, String name, List<String> members) {
        return new Campaign(id, name, district(), DefaultChecklist.get(), RuleSetName.OSM, Instant.parse("2026-01-10T09:00:00Z"),
                Campaign.DEFAULT_REVISIT_YEARS, members);
    }

    /** The n-th venue (n below 10,000): an OSM node inside the district, on a grid of 100 by 100. */
    public static Place venuePlace(int n) {
        return new Place(new PlaceId("osm:node/" + (1000 + n)), new GeoPoint(43.7355 + (n / 100) * 0.00009, 7.4205 + (n % 100) * 0.00009),
                "Shop " + n, "shop=bakery", n + " boulevard des Moulins");
    }

    /** A campaign of {@code venues} unassigned venues, as an auditor pushes it. */
    public static SharedCampaign shared(CampaignId id, String name, List<String> members, int venues) {
        List<SharedVenue> list = new ArrayList<>();
        for (int i = 0; i < venues; i++) {
            list.add(new SharedVenue(venuePlace(i), VenueStatus.TO_VISIT, null, null, null, null, false));
        }
        return new SharedCampaign(campaign(id, name, members), null, 0, list);
    }
}
