package org.seuil.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.seuil.audit.Campaign;
import org.seuil.audit.CampaignId;
import org.seuil.audit.CampaignVenue;
import org.seuil.audit.ChecklistFile;
import org.seuil.audit.District;
import org.seuil.audit.RuleSetName;
import org.seuil.audit.VenueStatus;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.PlaceId;
import org.seuil.store.CampaignChange;

/** The campaign tables of schema 3 ({@code campaigns}, {@code campaign_volunteers}, {@code campaign_venues}, {@code campaign_outbox}). */
final class CampaignTables {
    private static final String CAMPAIGN_COLUMNS = "id, name, district, checklist, rules, revisit_years, created_at";
    private static final String VENUE_COLUMNS = "v.place_id, p.lat, p.lon, p.name, p.category, v.status, v.volunteer, v.zone,"
            + " v.status_at, v.status_by, v.found_on_ground";

    private final Session session;

    CampaignTables(Session session) {
        this.session = session;
    }

    void insert(Campaign c) throws SQLException {
        PreparedStatement insert = session.prepare("INSERT INTO campaigns (" + CAMPAIGN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)");
        insert.setString(1, c.id().value());
        insert.setString(2, c.name());
        insert.setString(3, c.district().wkt());
        insert.setString(4, ChecklistFile.write(c.checklist()));
        insert.setString(5, c.rules().code());
        insert.setInt(6, c.revisitYears());
        insert.setLong(7, c.created().toEpochMilli());
        insert.executeUpdate();
        for (String volunteer : c.volunteers()) {
            addVolunteer(c.id(), volunteer);
        }
    }

    /** Adds the volunteer at the end of the team unless already in it; returns whether it did. */
    boolean addVolunteer(CampaignId id, String name) throws SQLException {
        PreparedStatement insert = session.prepare("INSERT INTO campaign_volunteers (campaign_id, position, name)"
                + " SELECT ?1, coalesce(max(position), -1) + 1, ?2 FROM campaign_volunteers WHERE campaign_id = ?1"
                + " ON CONFLICT (campaign_id, name) DO NOTHING");
        insert.setString(1, id.value());
        insert.setString(2, name);
        return insert.executeUpdate() == 1;
    }

    List<Campaign> all() throws SQLException {
        PreparedStatement select = session.prepare("SELECT " + CAMPAIGN_COLUMNS + " FROM campaigns ORDER BY created_at DESC, id");
        List<Campaign> campaigns = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                campaigns.add(campaign(rows));
            }
        }
        return campaigns;
    }

    Optional<Campaign> find(CampaignId id) throws SQLException {
        PreparedStatement select = session.prepare("SELECT " + CAMPAIGN_COLUMNS + " FROM campaigns WHERE id = ?");
        select.setString(1, id.value());
        try (ResultSet rows = select.executeQuery()) {
            return rows.next() ? Optional.of(campaign(rows)) : Optional.empty();
        }
    }

    private Campaign campaign(ResultSet rows) throws SQLException {
        CampaignId id = new CampaignId(rows.getString(1));
        String where = "campaign " + id + " in the store";
        return new Campaign(id, rows.getString(2), District.fromWkt(rows.getString(3)),
                ChecklistFile.parse(rows.getString(4), where), RuleSetName.parse("rules", rows.getString(5)),
                Instant.ofEpochMilli(rows.getLong(7)), rows.getInt(6), volunteers(id));
    }

    private List<String> volunteers(CampaignId id) throws SQLException {
        PreparedStatement select = session.prepare("SELECT name FROM campaign_volunteers WHERE campaign_id = ? ORDER BY position");
        select.setString(1, id.value());
        List<String> names = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    void addVenue(CampaignId id, PlaceId place, VenueStatus status, String volunteer, Instant at, String by, boolean onGround)
            throws SQLException {
        PreparedStatement insert = session.prepare("INSERT INTO campaign_venues (campaign_id, place_id, status, volunteer,"
                + " zone, status_at, status_by, found_on_ground) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)");
        insert.setString(1, id.value());
        insert.setString(2, place.value());
        insert.setString(3, status.code());
        insert.setString(4, volunteer);
        if (at == null) {
            insert.setNull(5, java.sql.Types.INTEGER);
        } else {
            insert.setLong(5, at.toEpochMilli());
        }
        insert.setString(6, by);
        insert.setInt(7, onGround ? 1 : 0);
        insert.executeUpdate();
    }

    List<CampaignVenue> venues(CampaignId id) throws SQLException {
        PreparedStatement select = session.prepare("SELECT " + VENUE_COLUMNS
                + " FROM campaign_venues v JOIN places p ON p.id = v.place_id WHERE v.campaign_id = ? ORDER BY v.place_id");
        select.setString(1, id.value());
        List<CampaignVenue> venues = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                long statusAt = rows.getLong(9);
                Instant at = rows.wasNull() ? null : Instant.ofEpochMilli(statusAt);
                int zone = rows.getInt(8);
                Integer z = rows.wasNull() ? null : zone;
                venues.add(new CampaignVenue(new PlaceId(rows.getString(1)), new GeoPoint(rows.getDouble(2), rows.getDouble(3)),
                        rows.getString(4), rows.getString(5), VenueStatus.parse("status", rows.getString(6)), rows.getString(7),
                        z, at, rows.getString(10), rows.getInt(11) == 1));
            }
        }
        return venues;
    }

    boolean hasVenue(CampaignId id, PlaceId place) throws SQLException {
        PreparedStatement select = session.prepare("SELECT 1 FROM campaign_venues WHERE campaign_id = ? AND place_id = ?");
        select.setString(1, id.value());
        select.setString(2, place.value());
        try (ResultSet rows = select.executeQuery()) {
            return rows.next();
        }
    }

    /** Returns whether the venue is in the campaign. */
    boolean assign(CampaignId id, PlaceId place, String volunteer, Integer zone) throws SQLException {
        PreparedStatement update = session.prepare("UPDATE campaign_venues SET volunteer = ?, zone = ? WHERE campaign_id = ? AND place_id = ?");
        update.setString(1, volunteer);
        if (zone == null) {
            update.setNull(2, java.sql.Types.INTEGER);
        } else {
            update.setInt(2, zone);
        }
        update.setString(3, id.value());
        update.setString(4, place.value());
        return update.executeUpdate() == 1;
    }

    /** Returns whether the venue is in the campaign. */
    boolean setStatus(CampaignId id, PlaceId place, VenueStatus status, String by, Instant at) throws SQLException {
        PreparedStatement update = session.prepare("UPDATE campaign_venues SET status = ?, status_by = ?, status_at = ?"
                + " WHERE campaign_id = ? AND place_id = ?");
        update.setString(1, status.code());
        update.setString(2, by);
        update.setLong(3, at.toEpochMilli());
        update.setString(4, id.value());
        update.setString(5, place.value());
        return update.executeUpdate() == 1;
    }

    void logChange(CampaignId id, String kind, String entityId) throws SQLException {
        PreparedStatement insert = session.prepare("INSERT INTO campaign_outbox (campaign_id, kind, entity_id, created_at) VALUES (?, ?, ?, ?)");
        insert.setString(1, id.value());
        insert.setString(2, kind);
        insert.setString(3, entityId);
        insert.setLong(4, System.currentTimeMillis());
        insert.executeUpdate();
    }

    List<CampaignChange> pendingChanges(int limit) throws SQLException {
        PreparedStatement select = session.prepare("SELECT seq, campaign_id, kind, entity_id, created_at FROM campaign_outbox"
                + " WHERE synced_at IS NULL ORDER BY seq LIMIT ?");
        select.setInt(1, limit);
        List<CampaignChange> changes = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                changes.add(new CampaignChange(rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        Instant.ofEpochMilli(rows.getLong(5))));
            }
        }
        return changes;
    }
}
