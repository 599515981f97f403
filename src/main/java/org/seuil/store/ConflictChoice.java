package org.seuil.store;

/** How a person settles a kept {@link SyncConflict}. */
public enum ConflictChoice {
    /**
     * My version wins: it is stored again with the server's revision + 1 and queued for sync, so
     * the next push updates the server's copy instead of conflicting with it again. For a refusal
     * (no server copy) my version is queued again as it is, to be sent once more.
     */
    KEEP_MINE,
    /** The server's copy wins: it replaces mine locally, and my pending changes of that report are dropped. */
    KEEP_THEIRS
}
