package org.seuil.formats.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Entrance;
import org.seuil.domain.Experience;
import org.seuil.domain.ExperienceKind;
import org.seuil.domain.InvalidValueException;
import org.seuil.domain.Kerb;
import org.seuil.domain.LengthUnit;
import org.seuil.domain.Need;
import org.seuil.domain.Parking;
import org.seuil.domain.PathCondition;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Quantity;
import org.seuil.domain.Ramp;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.domain.Smoothness;
import org.seuil.domain.Surface;
import org.seuil.domain.Toilet;

class ReportJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper(Json.FACTORY);

    static Report everyField() {
        return new Report(new ReportId("7a2c1f3e-0000-4000-8000-000000000001"), PlaceId.osm("node", 99), "Léa M.",
                Instant.parse("2024-05-01T10:15:30.123Z"), 3, Accessibility.LIMITED, Accessibility.YES,
                new Entrance(1, new Quantity(6.5, LengthUnit.CENTIMETRE, true), Ramp.REMOVABLE, Quantity.metres(0.92), true, false),
                new Toilet(Quantity.metres(0.85), new Quantity(150, LengthUnit.CENTIMETRE, false), true),
                new Parking(2, true),
                new PathCondition(Kerb.LOWERED, Surface.PAVING_STONES, Smoothness.INTERMEDIATE, new Quantity(4, LengthUnit.DEGREE, false)),
                Map.of("fr", "Sonnette à gauche, rampe sur demande.", "en", "Bell on the left."),
                List.of("a".repeat(64)),
                List.of(new Experience(ExperienceKind.TIP, "Entrée latérale sans marche", EnumSet.of(Need.WHEELCHAIR, Need.WALKING_AID), "fr"),
                        new Experience(ExperienceKind.NEGATIVE, "Door too heavy", EnumSet.of(Need.COGNITIVE), "en")),
                false);
    }

    private static String write(Report r) throws Exception {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.FACTORY.createGenerator(out)) {
            ReportJson.write(g, r);
        }
        return out.toString();
    }

    private static Report read(String json) throws Exception {
        return ReportJson.read(MAPPER.readTree(json), "");
    }

    @Test
    void everyFieldSurvivesARoundTrip() throws Exception {
        Report r = everyField();
        assertEquals(r, read(write(r)));
    }

    @Test
    void tombstonesRoundTripWithoutTheirContent() throws Exception {
        Report dead = everyField().tombstone(Instant.parse("2024-06-01T00:00:00Z"));
        String json = write(dead);
        assertTrue(!json.contains("entrance"), json);
        assertEquals(dead, read(json));
    }

    @Test
    void errorsNameTheFullPathOfTheField() throws Exception {
        String json = write(everyField()).replace("\"stepCount\":1", "\"stepCount\":\"two\"");
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> ReportJson.read(MAPPER.readTree(json), "reports[2]"));
        assertEquals("reports[2].entrance.stepCount", e.field());
    }

    @Test
    void constructorRulesAreReportedAtTheirPath() throws Exception {
        String json = write(everyField()).replace("\"value\":0.92", "\"value\":-1");
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> read(json));
        assertEquals("entrance.doorWidth.value", e.field());
    }

    @Test
    void unknownEnumValuesAndFieldsAreRefused() throws Exception {
        InvalidValueException grade = assertThrows(InvalidValueException.class,
                () -> read(write(everyField()).replace("\"wheelchair\":\"limited\"", "\"wheelchair\":\"maybe\"")));
        assertEquals("wheelchair", grade.field());
        InvalidValueException typo = assertThrows(InvalidValueException.class,
                () -> read(write(everyField()).replace("\"doorbell\"", "\"doorBell\"")));
        assertEquals("entrance.doorBell", typo.field());
    }

    @Test
    void badIdsAndTimesNameTheirField() throws Exception {
        InvalidValueException id = assertThrows(InvalidValueException.class,
                () -> read(write(everyField()).replace("osm:node/99", "node 99")));
        assertEquals("placeId", id.field());
        InvalidValueException time = assertThrows(InvalidValueException.class,
                () -> read(write(everyField()).replace("2024-05-01T10:15:30.123Z", "yesterday")));
        assertEquals("surveyedAt", time.field());
    }

    @Test
    void nestingDeeperThanTheLimitStopsTheParser() {
        String deep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
        assertThrows(StreamConstraintsException.class, () -> {
            try (JsonParser p = Json.FACTORY.createParser(deep)) {
                while (p.nextToken() != null) {
                    // reading is enough to hit the limit
                }
            }
        });
    }

    @Test
    void aStringLongerThanTheLimitStopsTheParser() {
        String big = "{\"author\":\"" + "x".repeat(Json.MAX_STRING_LENGTH + 1) + "\"}";
        assertThrows(StreamConstraintsException.class, () -> {
            JsonNode node = MAPPER.readTree(big);
            node.size();
        });
    }
}
