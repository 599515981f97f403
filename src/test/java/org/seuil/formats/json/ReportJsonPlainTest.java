package org.seuil.formats.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.seuil.domain.InvalidValueException;
import org.seuil.domain.Report;

/** {@link ReportJson#parse} (tree-free when it can) against {@link ReportJson#read} (the tree), and the fast time writer. */
class ReportJsonPlainTest {
    private static final ObjectMapper MAPPER = new ObjectMapper(Json.FACTORY);

    private static String write(Report r) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            ReportJson.write(g, r);
        }
        return out.toString();
    }

    @Test
    void aStoredReportParsesToTheSameRecordAsThroughTheTree() throws Exception {
        Report r = ReportJsonTest.everyField(); // a time with milliseconds: read through the tree
        String json = write(r);
        assertEquals(r, ReportJson.parse(json, ""));
        Report whole = r.tombstone(Instant.parse("2025-01-01T00:00:00Z"));
        assertEquals(whole, ReportJson.parse(write(whole), ""));
        String plain = json.replace("2024-05-01T10:15:30.123Z", "2024-05-01T10:15:30Z");
        assertEquals(ReportJson.read(MAPPER.readTree(plain), ""), ReportJson.parse(plain, ""));
    }

    @Test
    void faultsAreNamedAsByTheTreeReader() throws Exception {
        String json = write(ReportJsonTest.everyField());
        for (String bad : List.of(json.replace("\"stepCount\":1", "\"stepCount\":\"one\""),
                json.replace("\"unit\":\"cm\"", "\"unit\":\"furlong\""), json.replace("\"placeId\":", "\"colour\":1,\"placeId\":"),
                json.replace("\"author\":\"Léa M.\"", "\"author\":\"<script>\""), json.replace("\"revision\":3", "\"revision\":0"))) {
            org.junit.jupiter.api.Assertions.assertNotEquals(json, bad);
            InvalidValueException tree = assertThrows(InvalidValueException.class, () -> ReportJson.read(MAPPER.readTree(bad), "reports[2]"));
            InvalidValueException parsed = assertThrows(InvalidValueException.class, () -> ReportJson.parse(bad, "reports[2]"));
            assertEquals(tree.getMessage(), parsed.getMessage());
            assertEquals(tree.field(), parsed.field());
        }
        assertThrows(java.io.UncheckedIOException.class, () -> ReportJson.parse("{\"id\":", ""));
    }

    @Test
    void timesAreWrittenExactlyAsInstantToString() {
        Random random = new Random(5);
        for (int i = 0; i < 100_000; i++) {
            long seconds = random.nextLong() % 400_000_000_000L;
            Instant t = Instant.ofEpochSecond(seconds, i % 3 == 0 ? random.nextInt(1_000_000_000) : 0);
            assertEquals(t.toString(), ReportJson.instantText(t));
        }
        for (String edge : List.of("1000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z",
                "1970-01-01T00:00:00Z", "2024-02-29T12:00:00Z")) {
            assertEquals(edge, ReportJson.instantText(Instant.parse(edge)));
        }
    }
}
