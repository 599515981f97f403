package org.seuil.sync.protocol;

/** Names and numbers of the sync protocol that client and server must agree on (docs/sync-protocol.md). */
public final class Protocol {
    /** Raised when a change would make an older client misread the server; sent by {@code GET /api/v1/version}. */
    public static final int VERSION = 1;
    public static final String BASE = "/api/v1";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /**
     * On a change page that is not the last: the cursor of the next page, the same as the body's
     * {@code next}, sent in a header so that a client can ask for the next page before it has
     * read this one. Absent on the last page (and from servers before it).
     */
    public static final String NEXT_CURSOR = "Seuil-Next-Cursor";
    public static final String GEOJSON = "application/geo+json";
    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    private Protocol() {
    }
}
