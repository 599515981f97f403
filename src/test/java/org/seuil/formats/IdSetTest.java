package org.seuil.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdSetTest {
    @Test
    void everyDistinctIdIsAddedOnceAndFoundAgain() {
        IdSet set = new IdSet();
        Random random = new Random(5);
        int count = 100_000;
        for (int i = 0; i < count; i++) {
            assertTrue(set.add(new UUID(random.nextLong(), random.nextLong()).toString()));
            assertTrue(set.add("osm:node/" + i));
            assertTrue(set.add("r-" + Integer.toHexString(i) + ".x"));
        }
        assertEquals(3 * count, set.size());
        random = new Random(5);
        for (int i = 0; i < count; i++) {
            assertFalse(set.add(new UUID(random.nextLong(), random.nextLong()).toString()));
            assertTrue(set.contains("osm:node/" + i));
            assertFalse(set.add("r-" + Integer.toHexString(i) + ".x"));
        }
        assertFalse(set.contains("osm:node/" + count));
        assertFalse(set.contains("osm:way/1"));
        assertEquals(3 * count, set.size());
    }

    @Test
    void sequentialUuidsWhoseHalvesCancelOutStillSpreadOverTheTable() {
        // high ^ low is the same for all of these; a set that hashed that would scan a chain of a
        // hundred thousand entries on every add and not finish this test in reasonable time.
        IdSet set = new IdSet();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(set.add(new UUID(0x5e011L << 32 | i, ~(long) i).toString()));
        }
        assertFalse(set.add(new UUID(0x5e011L << 32 | 7, ~7L).toString()));
        assertEquals(100_000, set.size());
    }

    @Test
    void theNilUuidAndUpperCaseLookAlikesAreIdsLikeAnyOther() {
        IdSet set = new IdSet();
        assertTrue(set.add("00000000-0000-0000-0000-000000000000"));
        assertFalse(set.add("00000000-0000-0000-0000-000000000000"));
        assertTrue(set.add("00000000-0000-0000-0000-000000000001"));
        assertTrue(set.add("0000000G-0000-0000-0000-000000000000"));
        assertTrue(set.add("AAAAAAAA-0000-0000-0000-000000000000"));
        assertTrue(set.add("aaaaaaaa-0000-0000-0000-000000000000"));
        assertEquals(5, set.size());
    }
}
