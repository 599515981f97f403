package org.seuil.sync.client;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential backoff with "equal jitter": the n-th retry waits between half and all of
 * min(cap, base * 2^n), so that many devices coming back online at once spread out. A server's
 * Retry-After is a floor.
 */
public record Backoff(Duration base, Duration cap, int maxAttempts) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofMinutes(5), 8);

    public Backoff {
        if (base.isNegative() || cap.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("backoff needs 0 <= base <= cap and at least one attempt");
        }
    }

    /** The wait before retry number {@code attempt} (0 for the first retry). */
    public Duration delay(int attempt, long retryAfterSeconds, Random random) {
        long ceiling = base.toMillis() << Math.min(attempt, 30);
        if (ceiling <= 0 || ceiling > cap.toMillis()) {
            ceiling = cap.toMillis();
        }
        long half = ceiling / 2;
        long millis = half + (long) (random.nextDouble() * (ceiling - half));
        return Duration.ofMillis(Math.max(millis, retryAfterSeconds * 1000));
    }
}
