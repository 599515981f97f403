package org.seuil.store;

import java.time.Instant;
import org.seuil.domain.InvalidValueException;
import org.seuil.domain.Report;

/**
 * A local change the server did not take, kept until the user decides: either the same report
 * was edited on another device ({@code theirs} is the server's copy, shown as mine / theirs), or
 * the server refused it ({@code theirs} null, {@code reason} says why). Nothing is dropped silently.
 */
public record SyncConflict(Report mine, Report theirs, String reason, Instant detectedAt) {
    public SyncConflict {
        if (mine == null || detectedAt == null) {
            throw new InvalidValueException("conflict", "needs my report and a time");
        }
        if (theirs != null && !theirs.id().equals(mine.id())) {
            throw new InvalidValueException("conflict.theirs", "is report " + theirs.id() + ", not " + mine.id());
        }
        if (theirs == null && (reason == null || reason.isBlank())) {
            throw new InvalidValueException("conflict.reason", "is required when the server refused the report");
        }
    }
}
