package org.seuil.store;

import java.time.Instant;

/**
 * Where syncing with one server stands: the cursor of the last change pulled and when a sync
 * last went through, null if never.
 */
public record SyncState(String server, long cursor, Instant lastSuccess) {
    public static SyncState never(String server) {
        return new SyncState(server, 0, null);
    }
}
