package org.seuil.store;

import java.time.Instant;

/**
 * One local change waiting to be synced, in the order it was made.
 *
 * @param kind     {@code report} or {@code place}
 * @param entityId the id of the report or place
 */
public record OutboxEntry(long sequence, String kind, String entityId, Instant createdAt) {
}
