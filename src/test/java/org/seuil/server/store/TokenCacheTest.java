package org.seuil.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenCacheTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final TokenCache cache = new TokenCache(Duration.ofSeconds(10), now::get);
    private final Principal alice = new Principal("u1", "alice", Role.REPORTER);

    @Test
    void aCheckedTokenIsRememberedForItsTimeToLiveOnly() {
        cache.put("h1", alice, cache.generation());
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertEquals(Optional.of(alice), cache.get("h1"));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertTrue(cache.get("h1").isEmpty(), "after ten seconds the database is asked again");
    }

    @Test
    void clearingForgetsEveryTokenAndRefusesAnAnswerReadBeforeTheClear() {
        cache.put("h1", alice, cache.generation());
        long readBeforeRevocation = cache.generation();
        cache.clear();
        assertTrue(cache.get("h1").isEmpty());
        cache.put("h2", alice, readBeforeRevocation);
        assertTrue(cache.get("h2").isEmpty(), "an answer read before a revocation must not be cached after it");
    }
}
