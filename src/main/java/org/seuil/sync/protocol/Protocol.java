package org.seuil.sync.protocol;

/** Names and numbers of the sync protocol that client and server must agree on (docs/sync-protocol.md). */
public final class Protocol {
    /** Raised when a change would make an older client misread the server; sent by {@code GET /api/v1/version}. */
    public static final int VERSION = 1;
    public static final String BASE = "/api/v1";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String GEOJSON = "application/geo+json";
    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    private Protocol() {
    }
}
