package org.seuil.sync.protocol;

import java.util.List;

/**
 * One page of the change feed: the reports changed after the requested cursor (tombstones
 * included), oldest change first, and the cursor to ask with next.
 *
 * @param more whether the server has further changes after {@code nextCursor}
 */
public record ChangePage(List<ReportFeature> features, long nextCursor, boolean more) {
    public ChangePage {
        features = List.copyOf(features);
        if (nextCursor < 0) {
            throw new IllegalArgumentException("next_cursor must not be negative, got " + nextCursor);
        }
    }
}
