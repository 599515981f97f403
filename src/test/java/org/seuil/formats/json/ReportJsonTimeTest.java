package org.seuil.formats.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The quick reading of report times agrees with {@link Instant#parse} and leaves it every other form. */
class ReportJsonTimeTest {
    @Test
    void theQuickFormReadsExactlyWhatInstantParseReads() {
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(-2_000_000_000L, 5_000_000_000L));
            String text = t.toString();
            assertEquals(Instant.parse(text), ReportJson.secondsInUtc(text), text);
        }
        assertEquals(Instant.parse("2024-02-29T23:59:59Z"), ReportJson.secondsInUtc("2024-02-29T23:59:59Z"));
    }

    @Test
    void otherFormsAndImpossibleDatesAreLeftToInstantParse() {
        for (String text : new String[] {"2025-03-01T10:00:00.5Z", "2025-03-01T10:00:00+01:00", "2025-02-29T10:00:00Z",
                "2025-13-01T10:00:00Z", "2025-03-01T24:00:00Z", "2025-03-01T10:60:00Z", "2025-03-01T10:00:60Z",
                "2025-03-01 10:00:00Z", "2025-03-01T10:00:0xZ", "+2025-03-01T10:00:00Z", "2025-03-01T10:00:00z"}) {
            assertNull(ReportJson.secondsInUtc(text), text);
        }
    }
}
