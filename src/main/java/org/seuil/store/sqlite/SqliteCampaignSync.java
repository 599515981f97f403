package org.seuil.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.seuil.audit.Campaign;
import org.seuil.audit.CampaignId;
import org.seuil.audit.ChecklistFile;
import org.seuil.audit.VenueStatus;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.store.CampaignChange;
import org.seuil.store.CampaignSyncStore;
import org.seuil.audit.SharedCampaign;
import org.seuil.audit.SharedVenue;

/**
 * Campaign sync's side of the SQLite store: reads the campaign change log of schema 3 and writes
 * the server's copies, in the same file and under the same write lock as everything else.
 */
final class SqliteCampaignSync implements CampaignSyncStore {
    private final Database database;

    SqliteCampaignSync(Database database) {
        this.database = database;
    }

    @Override
    public List<CampaignChange> pendingChanges(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, got " + limit);
        }
        return database.read(s -> new CampaignTables(s).pendingChanges(limit));
    }

    @Override
    public Optional<SharedCampaign> local(CampaignId id) {
        return database.read(s -> {
            Optional<Campaign> campaign = new CampaignTables(s).find(id);
            if (campaign.isEmpty()) {
                return Optional.<SharedCampaign>empty();
            }
            PreparedStatement select = s.prepare("SELECT v.place_id, p.lat, p.lon, p.name, p.category, p.address, v.status,"
                    + " v.volunteer, v.zone, v.status_at, v.status_by, v.found_on_ground"
                    + " FROM campaign_venues v JOIN places p ON p.id = v.place_id WHERE v.campaign_id = ? ORDER BY v.place_id");
            select.setString(1, id.value());
            List<SharedVenue> venues = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Place place = new Place(new PlaceId(rows.getString(1)), new GeoPoint(rows.getDouble(2), rows.getDouble(3)),
                            rows.getString(4), rows.getString(5), rows.getString(6));
                    int zone = rows.getInt(9);
                    Integer z = rows.wasNull() ? null : zone;
                    long at = rows.getLong(10);
                    Instant statusAt = rows.wasNull() ? null : Instant.ofEpochMilli(at);
                    venues.add(new SharedVenue(place, VenueStatus.parse("status", rows.getString(7)), rows.getString(8), z,
                            statusAt, rows.getString(11), rows.getInt(12) == 1));
                }
            }
            return Optional.of(new SharedCampaign(campaign.get(), null, 0, venues));
        });
    }

    @Override
    public void markPushed(List<Long> sequences) {
        List<Long> copy = List.copyOf(sequences);
        long now = System.currentTimeMillis();
        database.write(s -> {
            PreparedStatement update = s.prepare("UPDATE campaign_outbox SET synced_at = ? WHERE seq = ?");
            for (long seq : copy) {
                update.setLong(1, now);
                update.setLong(2, seq);
                update.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void applyPulled(SharedCampaign copy) {
        Campaign campaign = copy.campaign();
        database.write(s -> {
            CampaignTables tables = new CampaignTables(s);
            Set<String> pendingVenues = new HashSet<>();
            boolean campaignPending = false;
            PreparedStatement pending = s.prepare("SELECT kind, entity_id FROM campaign_outbox WHERE campaign_id = ? AND synced_at IS NULL");
            pending.setString(1, campaign.id().value());
            try (ResultSet rows = pending.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(1).equals(SqliteCampaignStore.CREATED)) {
                        campaignPending = true;
                    } else {
                        pendingVenues.add(rows.getString(2));
                    }
                }
            }
            if (tables.find(campaign.id()).isEmpty()) {
                tables.insert(campaign);
            } else if (!campaignPending) {
                PreparedStatement update = s.prepare("UPDATE campaigns SET name = ?, district = ?, checklist = ?, rules = ?,"
                        + " revisit_years = ? WHERE id = ?");
                update.setString(1, campaign.name());
                update.setString(2, campaign.district().wkt());
                update.setString(3, ChecklistFile.write(campaign.checklist()));
                update.setString(4, campaign.rules().code());
                update.setInt(5, campaign.revisitYears());
                update.setString(6, campaign.id().value());
                update.executeUpdate();
                // The server's team, in its order: members it removed leave this device's list too.
                PreparedStatement clear = s.prepare("DELETE FROM campaign_volunteers WHERE campaign_id = ?");
                clear.setString(1, campaign.id().value());
                clear.executeUpdate();
                for (String member : campaign.volunteers()) {
                    tables.addVolunteer(campaign.id(), member);
                }
            } else {
                for (String member : campaign.volunteers()) {
                    tables.addVolunteer(campaign.id(), member);
                }
            }
            PlaceTable places = new PlaceTable(s);
            PreparedStatement upsert = s.prepare("INSERT INTO campaign_venues (campaign_id, place_id, status, volunteer, zone,"
                    + " status_at, status_by, found_on_ground) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (campaign_id, place_id) DO UPDATE SET status = excluded.status, volunteer = excluded.volunteer,"
                    + " zone = excluded.zone, status_at = excluded.status_at, status_by = excluded.status_by,"
                    + " found_on_ground = excluded.found_on_ground");
            for (SharedVenue v : copy.venues()) {
                if (pendingVenues.contains(v.place().id().value())) {
                    continue; // our edit is on its way; the next pull brings the server's verdict
                }
                // A place this device lacks joins its store as any pulled place does: not queued for sync.
                places.insertIfAbsent(v.place(), PlaceTable.Derived.NONE);
                upsert.setString(1, campaign.id().value());
                upsert.setString(2, v.place().id().value());
                upsert.setString(3, v.status().code());
                upsert.setString(4, v.volunteer());
                bindInteger(upsert, 5, v.zone());
                if (v.statusAt() == null) {
                    upsert.setNull(6, Types.INTEGER);
                } else {
                    upsert.setLong(6, v.statusAt().toEpochMilli());
                }
                upsert.setString(7, v.statusBy());
                upsert.setInt(8, v.foundOnGround() ? 1 : 0);
                upsert.executeUpdate();
            }
            return null;
        });
    }

    private static void bindInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }
}
