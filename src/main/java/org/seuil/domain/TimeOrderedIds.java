package org.seuil.domain;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Identifiers for what people create (places, reports): UUID version 7 (RFC 9562), whose first 48
 * bits are the creation time in milliseconds and whose last 62 bits are random. Ids made later sort
 * after ids made earlier, as text too, so a store's id indexes take new ids at their end instead
 * of at random pages: with random (version 4) ids every batch of a thousand reports rewrote pages
 * all over four indexes of the server's store, and the commit wrote them all.
 *
 * <p>Within one millisecond the 12 bits after the version count up (RFC 9562, section 6.2, method
 * 1), so the ids one process makes never go backwards, even when the clock does: a clock set back
 * keeps counting on from the last id made. The random bits come from {@link SecureRandom}, as those
 * of {@link UUID#randomUUID()}: an id cannot be guessed from another.
 */
public final class TimeOrderedIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TimeOrderedIds SYSTEM = new TimeOrderedIds(System::currentTimeMillis);
    /** The 12-bit counter's room within one millisecond. */
    private static final int COUNTER_BITS = 12;

    private final LongSupplier millis;
    /** Milliseconds of the last id made, shifted left by {@link #COUNTER_BITS}, plus its counter. */
    private final AtomicLong last = new AtomicLong();

    TimeOrderedIds(LongSupplier millis) {
        this.millis = millis;
    }

    /** A new version 7 UUID from the system clock, in lower case. */
    public static String next() {
        return SYSTEM.nextId();
    }

    String nextId() {
        long now = millis.getAsLong() << COUNTER_BITS;
        long stamp = last.updateAndGet(previous -> Math.max(now, previous + 1));
        long timeMillis = stamp >>> COUNTER_BITS;
        long counter = stamp & ((1L << COUNTER_BITS) - 1);
        long high = (timeMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | counter;
        long low = RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
