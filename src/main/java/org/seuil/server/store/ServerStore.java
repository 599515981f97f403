package org.seuil.server.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.PlaceId;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.ReportId;
import org.seuil.sync.protocol.ChangePage;
import org.seuil.sync.protocol.ReportFeature;

/**
 * What the shared server keeps: users and hashed tokens, places and reports with the sequence
 * number of their last change, the stored answer of every batch, photos. Several server
 * instances may share one store (PostgreSQL); every method is safe to call concurrently.
 */
public interface ServerStore extends AutoCloseable {
    /** Creates the user if needed (or gives it this role) and a new token for it; returns the token, shown once. */
    String createToken(String userName, Role role, Instant now);

    Optional<Principal> authenticate(String token);

    /**
     * Deletes a user: their tokens stop working and their reports stay, under an anonymous
     * pseudonym that devices learn through the change feed. Returns the pseudonym, or empty when
     * there is no such user.
     */
    Optional<String> deleteUser(String userName, Instant now);

    /**
     * Applies a batch in one transaction, or returns the stored answer when this user already sent
     * this idempotency key with the same body.
     *
     * @throws BatchRefusedException 403 when a feature edits another user's report, 422 when the key
     *                               was used for a different body; nothing is applied then
     */
    ApplyResult applyBatch(Principal who, String idempotencyKey, String bodySha256, List<ReportFeature> features, Instant now);

    /** Changes after {@code since}, oldest first, at most {@code limit}; tombstones included. */
    ChangePage changes(long since, BoundingBox bbox, int limit);

    /** The same page with each report as its stored JSON, for serving without re-encoding. */
    StoredChanges storedChanges(long since, BoundingBox bbox, int limit);

    /** Places in the box with their live, visible reports, at most {@code limit} places. */
    List<PlaceRecord> places(BoundingBox bbox, int limit);

    /**
     * Keyset paging: places in the box whose id sorts after {@code after} (from the start when
     * null), in id order, with their live, visible reports, at most {@code limit}. Stable while
     * places are added, unlike an offset.
     */
    List<PlaceRecord> places(BoundingBox bbox, PlaceId after, int limit);

    /** How many places lie in the box. */
    long countPlaces(BoundingBox bbox);

    /** One place with its live, visible reports. */
    Optional<PlaceRecord> place(PlaceId id);

    /** The smallest box holding every place; empty when there is none. */
    Optional<BoundingBox> extent();

    /** Stores a photo unless it is already there; true when it was new. */
    boolean putPhoto(StoredPhoto photo, Principal who, Instant now);

    Optional<StoredPhoto> photo(String sha256);

    /** Hides a report from everyone (kept, with who and why); false when there is no such report. */
    boolean hide(ReportId id, Principal moderator, String reason, Instant now);

    /** District audit campaigns shared through this store. */
    ServerCampaigns campaigns();

    /** What an un-hide found. */
    enum Unhide { UNHIDDEN, NOT_HIDDEN, NO_SUCH_REPORT }

    /**
     * Shows a hidden report to everyone again: it gets a new sequence number, so devices receive
     * it whole in the change feed; the un-hide joins the moderation log.
     */
    Unhide unhide(ReportId id, Principal moderator, String reason, Instant now);

    /** Every hide and un-hide of a report, oldest first; empty for an unknown or never moderated report. */
    List<ModerationEntry> moderationLog(ReportId id);

    /** Fails when the database cannot be reached. */
    void ping();

    @Override
    void close();
}
