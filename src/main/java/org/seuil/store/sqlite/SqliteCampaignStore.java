package org.seuil.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.seuil.audit.Assignment;
import org.seuil.audit.Campaign;
import org.seuil.audit.CampaignId;
import org.seuil.audit.CampaignVenue;
import org.seuil.audit.Coverage;
import org.seuil.audit.VenueSelection;
import org.seuil.audit.VenueStatus;
import org.seuil.audit.Volunteers;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Report;
import org.seuil.store.CampaignChange;
import org.seuil.store.CampaignStore;
import org.seuil.store.PlaceFilter;
import org.seuil.store.StoreException;

/** Campaigns in the same SQLite file as the places they audit, sharing its connections and write lock. */
final class SqliteCampaignStore implements CampaignStore {
    static final String CREATED = "campaign";
    static final String ASSIGNMENT = "assignment";
    static final String STATUS = "status";
    static final String VENUE = "venue";

    private final Database database;

    SqliteCampaignStore(Database database) {
        this.database = database;
    }

    @Override
    public int create(Campaign campaign, VenueSelection selection) {
        return database.write(s -> {
            CampaignTables tables = new CampaignTables(s);
            if (tables.find(campaign.id()).isPresent()) {
                throw new StoreException("campaign " + campaign.id() + " already exists");
            }
            tables.insert(campaign);
            List<PlaceId> inside = placesInside(s, campaign, selection);
            for (PlaceId place : inside) {
                tables.addVenue(campaign.id(), place, VenueStatus.TO_VISIT, null, null, null, false);
            }
            tables.logChange(campaign.id(), CREATED, campaign.id().value());
            return inside.size();
        });
    }

    /** The R*Tree narrows to the district's box, then JTS keeps the points inside the polygon. */
    private static List<PlaceId> placesInside(Session s, Campaign campaign, VenueSelection selection) throws java.sql.SQLException {
        FilterSql sql = FilterSql.of(PlaceFilter.ALL.withBbox(campaign.district().boundingBox()));
        PreparedStatement select = s.prepare("SELECT p.id, p.lat, p.lon, p.category FROM " + sql.from() + " WHERE " + sql.where());
        sql.bind(select);
        List<PlaceId> inside = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                if (selection.accepts(rows.getString(4)) && campaign.district().contains(new GeoPoint(rows.getDouble(2), rows.getDouble(3)))) {
                    inside.add(new PlaceId(rows.getString(1)));
                }
            }
        }
        return inside;
    }

    @Override
    public List<Campaign> list() {
        return database.read(s -> new CampaignTables(s).all());
    }

    @Override
    public Optional<Campaign> get(CampaignId id) {
        return database.read(s -> new CampaignTables(s).find(id));
    }

    @Override
    public Campaign find(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("no campaign given");
        }
        String ref = reference.strip();
        List<Campaign> all = list();
        List<Campaign> byId = all.stream().filter(c -> c.id().value().equals(ref)
                || (ref.length() >= 4 && c.id().value().startsWith(ref))).toList();
        if (byId.size() == 1) {
            return byId.get(0);
        }
        List<Campaign> byName = all.stream().filter(c -> c.name().equals(ref)).toList();
        if (byName.size() == 1) {
            return byName.get(0);
        }
        if (byId.size() + byName.size() > 1) {
            throw new IllegalArgumentException("'" + ref + "' matches " + (byId.size() + byName.size())
                    + " campaigns; give more of the id (see seuil audit list)");
        }
        throw new IllegalArgumentException("there is no campaign '" + ref + "' in " + database.file() + " (see seuil audit list)");
    }

    @Override
    public List<CampaignVenue> venues(CampaignId id) {
        return database.read(s -> {
            CampaignTables tables = new CampaignTables(s);
            existing(tables, id);
            return tables.venues(id);
        });
    }

    @Override
    public void assign(CampaignId id, List<Assignment> assignments) {
        List<Assignment> copy = List.copyOf(assignments);
        database.write(s -> {
            CampaignTables tables = new CampaignTables(s);
            existing(tables, id);
            for (Assignment a : copy) {
                tables.addVolunteer(id, a.volunteer());
                if (!tables.assign(id, a.placeId(), a.volunteer(), a.zone())) {
                    throw new StoreException("venue " + a.placeId() + " is not in campaign " + id);
                }
                tables.logChange(id, ASSIGNMENT, a.placeId().value());
            }
            return null;
        });
    }

    @Override
    public void setStatus(CampaignId id, PlaceId venue, VenueStatus status, String by, Instant at) {
        String who = Volunteers.check("by", by);
        database.write(s -> {
            CampaignTables tables = new CampaignTables(s);
            existing(tables, id);
            if (!tables.setStatus(id, venue, status, who, at)) {
                throw new StoreException("venue " + venue + " is not in campaign " + id);
            }
            tables.logChange(id, STATUS, venue.value());
            return null;
        });
    }

    @Override
    public void recordVisit(CampaignId id, Report visit) {
        String who = Volunteers.check("author", visit.author());
        database.write(s -> {
            CampaignTables tables = new CampaignTables(s);
            existing(tables, id);
            if (new ReportTable(s).find(visit.id()).isPresent()) {
                throw new StoreException("report " + visit.id() + " is already stored; a visit adds a new report");
            }
            if (!tables.setStatus(id, visit.placeId(), VenueStatus.VISITED, who, visit.surveyedAt())) {
                throw new StoreException("venue " + visit.placeId() + " is not in campaign " + id);
            }
            SqlitePlaceStore.write(s, visit, false);
            tables.logChange(id, STATUS, visit.placeId().value());
            return null;
        });
    }

    @Override
    public void addVenue(CampaignId id, Place place, String by, Instant at) {
        String who = Volunteers.check("by", by);
        database.write(s -> {
            CampaignTables tables = new CampaignTables(s);
            Campaign campaign = existing(tables, id);
            if (!campaign.district().contains(place.location())) {
                throw new IllegalArgumentException("place " + place.id() + " at " + place.location().lat() + ", "
                        + place.location().lon() + " is outside the district of campaign " + campaign.name());
            }
            if (tables.hasVenue(id, place.id())) {
                throw new StoreException("place " + place.id() + " is already a venue of campaign " + campaign.name());
            }
            PlaceTable places = new PlaceTable(s);
            if (!places.insertIfAbsent(place, PlaceTable.Derived.NONE)) {
                PlaceTable.Stored stored = places.find(place.id()).orElseThrow();
                if (!stored.place().equals(place)) {
                    places.update(stored, place);
                    new OutboxTable(s).add(OutboxTable.PLACE, place.id().value());
                }
            } else {
                new OutboxTable(s).add(OutboxTable.PLACE, place.id().value());
            }
            tables.addVolunteer(id, who);
            tables.addVenue(id, place.id(), VenueStatus.VISITED, who, at, who, true);
            tables.logChange(id, VENUE, place.id().value());
            return null;
        });
    }

    @Override
    public Coverage coverage(CampaignId id, Instant now) {
        return database.read(s -> {
            CampaignTables tables = new CampaignTables(s);
            Campaign campaign = existing(tables, id);
            return Coverage.of(tables.venues(id), now, campaign.revisitYears());
        });
    }

    @Override
    public List<CampaignChange> pendingChanges(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + limit);
        }
        return database.read(s -> new CampaignTables(s).pendingChanges(limit));
    }

    private static Campaign existing(CampaignTables tables, CampaignId id) throws java.sql.SQLException {
        return tables.find(id).orElseThrow(() -> new StoreException("there is no campaign " + id));
    }
}
