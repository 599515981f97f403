package org.seuil.server.store;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Tokens recently checked, by hash: every request would otherwise cost a database query before
 * any work, and under 200 clients those queries queued for connections with the real work.
 * Only valid tokens are kept, each for a short time: a token revoked on this instance is dropped
 * at once (the store clears the cache), one revoked through another instance or the command line
 * keeps working here for at most {@link #TIME_TO_LIVE}.
 */
final class TokenCache {
    static final Duration TIME_TO_LIVE = Duration.ofSeconds(10);
    /** Enough for every active device of a large deployment; past it the cache starts over. */
    static final int MAX_ENTRIES = 100_000;

    private record Entry(Principal principal, long expiresAt) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long timeToLiveNanos;
    private final LongSupplier nanoTime;

    TokenCache(Duration timeToLive, LongSupplier nanoTime) {
        this.timeToLiveNanos = timeToLive.toNanos();
        this.nanoTime = nanoTime;
    }

    Optional<Principal> get(String tokenHash) {
        Entry e = entries.get(tokenHash);
        if (e == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - e.expiresAt() >= 0) {
            entries.remove(tokenHash, e);
            return Optional.empty();
        }
        return Optional.of(e.principal());
    }

    /** Taken before reading a token from the database, handed back to {@link #put}. */
    long generation() {
        return generation.get();
    }

    /**
     * Keeps what the database said, unless the cache was cleared since {@code readAt}: a
     * revocation committed while the token was being read must not be undone by this answer.
     */
    synchronized void put(String tokenHash, Principal principal, long readAt) {
        if (generation.get() != readAt) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(tokenHash, new Entry(principal, nanoTime.getAsLong() + timeToLiveNanos));
    }

    synchronized void clear() {
        generation.incrementAndGet();
        entries.clear();
    }
}
