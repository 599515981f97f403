package org.seuil.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {
    private static final long MAY_2025 = 1_746_093_600_000L;

    @Test
    void idsAreVersionSevenUuidsCarryingTheClockInTheirFirstFortyEightBits() {
        String id = new TimeOrderedIds(() -> MAY_2025).nextId();
        UUID uuid = UUID.fromString(id);
        assertEquals(7, uuid.version());
        assertEquals(2, uuid.variant());
        assertEquals(MAY_2025, uuid.getMostSignificantBits() >>> 16);
        assertEquals(id.toLowerCase(Locale.ROOT), id);
        assertEquals(id, new PlaceId(id).value());
        assertEquals(id, new ReportId(id).value());
    }

    @Test
    void idsMadeLaterSortAfterAsTextEvenWithinOneMillisecondAndPastTheCountersEnd() {
        TimeOrderedIds ids = new TimeOrderedIds(() -> MAY_2025);
        String previous = ids.nextId();
        // 4,096 ids fill the 12-bit counter of one millisecond; the next ones borrow the next millisecond.
        for (int i = 0; i < 5000; i++) {
            String id = ids.nextId();
            assertTrue(id.compareTo(previous) > 0, id + " after " + previous);
            previous = id;
        }
        assertEquals(MAY_2025 + 1, UUID.fromString(previous).getMostSignificantBits() >>> 16);
    }

    @Test
    void aClockSetBackDoesNotMakeIdsGoBackwards() {
        AtomicLong clock = new AtomicLong(MAY_2025);
        TimeOrderedIds ids = new TimeOrderedIds(clock::get);
        String before = ids.nextId();
        clock.addAndGet(-3_600_000);
        String after = ids.nextId();
        assertTrue(after.compareTo(before) > 0, after + " after " + before);
        clock.set(MAY_2025 + 10);
        assertEquals(MAY_2025 + 10, UUID.fromString(ids.nextId()).getMostSignificantBits() >>> 16);
    }

    @Test
    void threadsMakingIdsAtOnceNeverGetTheSameOneAndEachSeesItsOwnInOrder() throws Exception {
        TimeOrderedIds ids = new TimeOrderedIds(System::currentTimeMillis);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> made = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                made.add(pool.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int i = 0; i < 20_000; i++) {
                        mine.add(ids.nextId());
                    }
                    return mine;
                }));
            }
            Set<String> all = new HashSet<>();
            for (Future<List<String>> f : made) {
                List<String> mine = f.get();
                for (int i = 1; i < mine.size(); i++) {
                    assertTrue(mine.get(i).compareTo(mine.get(i - 1)) > 0);
                }
                all.addAll(mine);
            }
            assertEquals(80_000, all.size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theRandomTailDiffersBetweenIdsOfOneMillisecond() {
        TimeOrderedIds ids = new TimeOrderedIds(() -> MAY_2025);
        Set<Long> tails = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            tails.add(UUID.fromString(ids.nextId()).getLeastSignificantBits());
        }
        assertEquals(1000, tails.size());
    }
}
