package org.seuil.formats.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Entrance;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.LengthUnit;
import org.seuil.domain.Parking;
import org.seuil.domain.PathCondition;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Quantity;
import org.seuil.domain.Ramp;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.domain.Surface;
import org.seuil.domain.Toilet;

class PlaceCsvWriterTest {
    static final PlaceId ID = new PlaceId("0b5c4c36-8f0e-4a55-9c52-6d7c1c2a9e01");

    static String csv(PlaceRecord... records) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PlaceCsvWriter writer = new PlaceCsvWriter(bytes)) {
            List.of(records).forEach(writer);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static Report report(String id, Instant at, Accessibility wheelchair, Entrance entrance, Toilet toilet, PathCondition path) {
        return new Report(new ReportId(id), ID, "marie", at, 1, wheelchair, null, entrance, toilet, new Parking(2, true), path,
                Map.of(), List.of(), List.of(), false);
    }

    @Test
    void theHeaderIsThePlaceThenOneColumnPerCriterionKey() throws Exception {
        String text = csv();
        assertEquals("\uFEFFid,name,category,address,lat,lon,wheelchair,toilets:wheelchair,entrance:step_count,entrance:step:height,"
                + "ramp:wheelchair,door:width,automatic_door,entrance:doorbell,toilets:door:width,toilets:wheelchair:turning_circle,"
                + "toilets:wheelchair:grab_bars,capacity:disabled,parking:step_free,kerb,surface,smoothness,incline,"
                + "last_surveyed,report_count\r\n", text);
    }

    @Test
    void aRowHoldsTheLatestValuePerCriterionWithLengthsInMetresAndSlopesInPercent() throws Exception {
        Instant older = Instant.parse("2023-01-01T00:00:00Z");
        Instant newer = Instant.parse("2024-05-01T10:00:00Z");
        Report first = report("r1", older, Accessibility.NO, new Entrance(2, Quantity.centimetres(16), Ramp.NONE, null, null, null),
                new Toilet(new Quantity(31.5, LengthUnit.INCH, true), null, true), null);
        Report second = report("r2", newer, Accessibility.LIMITED, new Entrance(1, new Quantity(65, LengthUnit.MILLIMETRE, false),
                Ramp.REMOVABLE, Quantity.centimetres(90), false, null), null,
                new PathCondition(null, Surface.PAVING_STONES, null, new Quantity(4, LengthUnit.DEGREE, true)));
        Place place = new Place(ID, new GeoPoint(43.7384176, 7.4246158), "Café \"Le Seuil\", Monaco", "amenity=cafe", "1 rue\nGrimaldi");

        String[] lines = csv(new PlaceRecord(place, List.of(first, second))).split("\r\n", -1);

        assertEquals(3, lines.length, "header, one row (its embedded LF is not a record end), nothing after the last CRLF");
        String row = lines[1];
        assertEquals(ID + ",\"Café \"\"Le Seuil\"\", Monaco\",amenity=cafe,\"1 rue\nGrimaldi\",43.7384176,7.4246158,"
                + "limited,,1,0.065,separate,0.9,no,,0.8001,,yes,2,yes,,paving_stones,,6.992681,"
                + "2024-05-01T10:00:00Z,2", row);
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsMadeInert() throws Exception {
        Place place = new Place(ID, new GeoPoint(1e-7, -0.5), "=HYPERLINK(\"http://evil\")", null, "@home");
        String row = csv(new PlaceRecord(place, List.of())).split("\r\n")[1];
        assertTrue(row.startsWith(ID + ",\"'=HYPERLINK(\"\"http://evil\"\")\",,'@home,0.0000001,-0.5,"), row);
        assertTrue(row.endsWith(",,0"), row);
    }
}
