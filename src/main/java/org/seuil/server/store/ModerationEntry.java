package org.seuil.server.store;

import java.time.Instant;

/**
 * One line of the moderation log.
 *
 * @param action    {@code hide} or {@code unhide}
 * @param moderator the pseudonym of the moderator (anonymous once their user is deleted)
 * @param sequence  the change feed sequence number the moderation took
 */
public record ModerationEntry(String action, String moderator, String reason, Instant at, long sequence) {
}
