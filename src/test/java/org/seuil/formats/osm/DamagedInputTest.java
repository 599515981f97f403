package org.seuil.formats.osm;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.PlaceRecord;
import org.seuil.formats.InputException;

/**
 * Files with random bytes overwritten (seeded, so a failure replays) either read or fail with an
 * {@link InputException}: never a NullPointerException, an AssertionError or a half-read extract
 * whose places then fail in the store.
 */
class DamagedInputTest {
    private static final int ROUNDS = 150;

    @TempDir
    Path temp;

    @Test
    void damagedXmlFailsOnlyWithAnInputException() throws IOException {
        int failed = damage(Files.readAllBytes(Fixtures.path("places.osm")), "damaged.osm", new Random(7));
        assertTrue(failed > ROUNDS / 2, "most damaged files must be refused, only " + failed + " were");
    }

    @Test
    void damagedPbfFailsOnlyWithAnInputException() throws IOException {
        byte[] real = Files.readAllBytes(SharedData.require(SharedData.PBF_2021));
        // the header blob and the start of the first data blob: small enough to read fast
        byte[] small = java.util.Arrays.copyOf(real, (int) PbfFiles.blobs(SharedData.require(SharedData.PBF_2021)).get(1).end());
        int failed = damage(small, "damaged.osm.pbf", new Random(11));
        assertTrue(failed > ROUNDS / 2, "most damaged files must be refused, only " + failed + " were");
    }

    /** @return how many damaged files were refused */
    private int damage(byte[] original, String name, Random random) throws IOException {
        int refused = 0;
        for (int round = 0; round < ROUNDS; round++) {
            byte[] bytes = original.clone();
            int changes = 1 + random.nextInt(8);
            for (int i = 0; i < changes; i++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            Path file = Files.write(temp.resolve(name), bytes);
            try {
                OsmExtract extract = OsmReader.read(file);
                Iterator<PlaceRecord> places = extract.places();
                while (places.hasNext()) {
                    places.next();
                }
                extract.summary();
            } catch (InputException expected) {
                refused++;
            } catch (RuntimeException | Error e) {
                fail("round " + round + " of " + name + ": " + e, e);
            }
        }
        return refused;
    }
}
