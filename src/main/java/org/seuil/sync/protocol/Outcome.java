package org.seuil.sync.protocol;

import java.util.List;
import org.seuil.domain.InvalidValueException;
import org.seuil.domain.ReportId;

/**
 * The server's answer for the feature at {@code index} of a batch.
 *
 * @param revision      the revision the server holds after the batch (null when rejected and unknown)
 * @param serverCopy    the server's copy, given with {@link OutcomeStatus#CONFLICT}
 * @param reason        why, given with {@link OutcomeStatus#REJECTED}
 * @param missingPhotos photos (SHA-256) to upload before sending the feature again
 */
public record Outcome(int index, ReportId reportId, OutcomeStatus status, Integer revision,
                      ReportFeature serverCopy, String reason, List<String> missingPhotos) {
    public Outcome {
        if (reportId == null || status == null) {
            throw new InvalidValueException("results[" + index + "]", "needs a report id and a status");
        }
        if (status == OutcomeStatus.CONFLICT && serverCopy == null) {
            throw new InvalidValueException("results[" + index + "].server_copy", "is required with a conflict");
        }
        if (status == OutcomeStatus.REJECTED && reason == null) {
            throw new InvalidValueException("results[" + index + "].reason", "is required with a rejection");
        }
        missingPhotos = missingPhotos == null ? List.of() : List.copyOf(missingPhotos);
    }

    public static Outcome of(int index, ReportId id, OutcomeStatus status, int revision) {
        return new Outcome(index, id, status, revision, null, null, List.of());
    }

    public static Outcome conflict(int index, ReportFeature serverCopy) {
        return new Outcome(index, serverCopy.report().id(), OutcomeStatus.CONFLICT, serverCopy.report().revision(), serverCopy, null, List.of());
    }

    public static Outcome rejected(int index, ReportId id, String reason, List<String> missingPhotos) {
        return new Outcome(index, id, OutcomeStatus.REJECTED, null, null, reason, missingPhotos);
    }
}
