package org.seuil.sync.client;

import org.seuil.sync.protocol.Problem;

/**
 * A sync call that failed. {@link #retryable()} tells a transient failure (network, 429, 503,
 * other 5xx) from an answer that retrying will not change (400, 401, 403, 413, 422).
 */
public final class SyncException extends Exception {
    private final int status;
    private final Problem problem;
    private final long retryAfterSeconds;

    public SyncException(int status, Problem problem, long retryAfterSeconds, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }

    /** The server's problem body, or null. */
    public Problem problem() {
        return problem;
    }

    /** What the server asked with Retry-After, or 0. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public boolean retryable() {
        return status == 0 || status == 429 || status >= 500;
    }
}
