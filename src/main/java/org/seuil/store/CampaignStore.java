package org.seuil.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.seuil.audit.Assignment;
import org.seuil.audit.Campaign;
import org.seuil.audit.CampaignId;
import org.seuil.audit.CampaignVenue;
import org.seuil.audit.Coverage;
import org.seuil.audit.VenueSelection;
import org.seuil.audit.VenueStatus;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Report;

/**
 * District audit campaigns kept in the local store, beside the places they audit. Every method
 * that changes something runs in one transaction and records the change in the campaign change
 * log ({@link #pendingChanges}), which campaign sync reads (see docs/decisions/0004-audit-campaigns.md).
 */
public interface CampaignStore {
    /**
     * Stores a new campaign and selects its venues: the places of the store inside the district
     * (R*Tree on the bounding box, then JTS point-in-polygon) that the selection accepts.
     * Returns how many venues it got.
     */
    int create(Campaign campaign, VenueSelection selection);

    /** Every campaign, newest first. */
    List<Campaign> list();

    Optional<Campaign> get(CampaignId id);

    /**
     * The campaign a person means by {@code reference}: its full id, a unique id prefix of at
     * least 4 characters, or its exact name when no other campaign has it.
     */
    Campaign find(String reference);

    /** The campaign's venues, in the store's order (by place id). */
    List<CampaignVenue> venues(CampaignId id);

    /**
     * Gives venues to volunteers (each volunteer joins the campaign if new). Venues not in the
     * campaign are refused with the whole change.
     */
    void assign(CampaignId id, List<Assignment> assignments);

    /** Records the outcome of a visit (or sets a venue back to visit). */
    void setStatus(CampaignId id, PlaceId venue, VenueStatus status, String by, Instant at);

    /**
     * Records a visit with its answers in one transaction: the new report (queued for sync as any
     * report) and the venue's status, visited by the report's author at its survey time.
     */
    void recordVisit(CampaignId id, Report visit);

    /**
     * Adds a venue found on the ground: the place is created in the store (and queued for sync as
     * any place a person makes) and joins the campaign, visited by {@code by} at {@code at}.
     */
    void addVenue(CampaignId id, Place place, String by, Instant at);

    /** The campaign's coverage at {@code now} (visits older than the campaign's revisit years are pending). */
    Coverage coverage(CampaignId id, Instant now);

    /** Campaign changes not yet synced, oldest first. */
    List<CampaignChange> pendingChanges(int limit);
}
