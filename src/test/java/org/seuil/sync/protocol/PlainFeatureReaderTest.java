package org.seuil.sync.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Entrance;
import org.seuil.domain.Experience;
import org.seuil.domain.ExperienceKind;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Kerb;
import org.seuil.domain.LengthUnit;
import org.seuil.domain.Need;
import org.seuil.domain.Parking;
import org.seuil.domain.PathCondition;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Quantity;
import org.seuil.domain.Ramp;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.domain.Smoothness;
import org.seuil.domain.Surface;
import org.seuil.domain.Toilet;
import org.seuil.formats.json.Json;
import org.seuil.formats.json.ReportJson;

/**
 * The tree-free reader of features (push and pull) against the tree reader it stands in front of:
 * on real batches it reads every feature itself and gives the same records; on tens of thousands
 * of damaged features it never accepts what the tree reader refuses, never gives another record,
 * and the codec's answer to a damaged batch (the problem naming feature and field) is the tree
 * reader's, byte for byte.
 */
class PlainFeatureReaderTest {
    private static final WireCodec CODEC = new WireCodec(WireLimits.DEFAULT);
    private static final ObjectMapper MAPPER = new ObjectMapper(Json.FACTORY);

    static List<ReportFeature> realFeatures() {
        List<ReportFeature> features = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            features.add(Fixtures.feature(Fixtures.uuid(i), Fixtures.uuid(1000 + i), "alice", 1 + i % 3, Accessibility.values()[i % 4], i % 3));
        }
        Place osm = new Place(PlaceId.osm("node", 99), new GeoPoint(43.7384, 7.4246), "Café de Paris", "amenity=cafe", "Place du Casino");
        features.add(new ReportFeature(osm, everyField(osm.id(), Instant.parse("2024-05-01T10:15:30Z"))));
        Report tombstone = everyField(osm.id(), Instant.parse("2024-05-01T10:15:30Z")).tombstone(Instant.parse("2024-06-01T00:00:00Z"));
        features.add(new ReportFeature(new Place(PlaceId.osm("way", 7), new GeoPoint(-89.5, 179.9), null, null, null),
                new Report(new ReportId("osm:way/7"), PlaceId.osm("way", 7), "bob", tombstone.surveyedAt(), 4, null, null, null, null,
                        null, null, Map.of(), List.of(), List.of(), true)));
        return features;
    }

    static Report everyField(PlaceId place, Instant at) {
        return new Report(new ReportId("7a2c1f3e-0000-4000-8000-000000000001"), place, "Léa M.", at, 3,
                Accessibility.LIMITED, Accessibility.YES,
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

    @Test
    void everyFeatureOfARealBatchIsReadWithoutATreeAndEqualsTheTreeReading() throws Exception {
        List<ReportFeature> features = realFeatures();
        JsonNode batch = MAPPER.readTree(CODEC.writeBatch(features));
        for (int i = 0; i < features.size(); i++) {
            String text = MAPPER.writeValueAsString(batch.get("features").get(i));
            assertEquals(features.get(i), plain(text, i), "feature " + i);
            assertEquals(features.get(i), CODEC.readFeature(MAPPER.readTree(text), i));
        }
        assertEquals(features, CODEC.readBatch(CODEC.writeBatch(features)));
        ChangePage page = new ChangePage(features, 77, true);
        assertEquals(page, CODEC.readChanges(CODEC.writeChanges(page)));
        assertEquals(page, CODEC.readChanges(new ByteArrayInputStream(CODEC.writeChanges(page))));
    }

    @Test
    void fieldsInAnotherOrderNullsForAbsentValuesAndForeignMembersAreReadWithoutATree() throws Exception {
        ReportFeature f = realFeatures().get(40);
        ObjectNode node = (ObjectNode) MAPPER.readTree(CODEC.writeBatch(List.of(f))).get("features").get(0);
        ObjectNode reordered = JsonNodeFactory.instance.objectNode();
        reordered.set("properties", node.get("properties"));
        reordered.set("geometry", node.get("geometry"));
        reordered.put("type", "Feature");
        reordered.put("bbox", "foreign");
        ((ObjectNode) node.get("properties").get("report")).putNull("parking");
        ((ObjectNode) node.get("properties").get("place")).putNull("address");
        Report withoutParking = new Report(f.report().id(), f.report().placeId(), f.report().author(), f.report().surveyedAt(),
                f.report().revision(), f.report().wheelchair(), f.report().toiletsWheelchair(), f.report().entrance(), f.report().toilet(),
                null, f.report().path(), f.report().descriptions(), f.report().photos(), f.report().experiences(), false);
        ReportFeature expected = new ReportFeature(new Place(f.place().id(), f.place().location(), f.place().name(), f.place().category(), null),
                withoutParking);
        assertEquals(expected, plain(MAPPER.writeValueAsString(reordered), 0));
        assertEquals(expected, CODEC.readFeature(reordered, 0));
    }

    @Test
    void textsTheTreeReaderAlsoAcceptsButThePlainReaderLeavesToItStillReadTheSame() throws Exception {
        ReportFeature f = realFeatures().get(40);
        String text = new String(CODEC.writeBatch(List.of(f)), StandardCharsets.UTF_8);
        // fractions of a second and a repeated field: the plain reader steps aside, the answer is the tree reader's
        String fraction = text.replace("\"surveyedAt\":\"2024-05-01T10:15:30Z\"", "\"surveyedAt\":\"2024-05-01T10:15:30.250Z\"");
        assertEquals(Instant.parse("2024-05-01T10:15:30.250Z"), CODEC.readBatch(bytes(fraction)).get(0).report().surveyedAt());
        String repeated = text.replace("\"wheelchair\":\"limited\"", "\"wheelchair\":\"yes\",\"wheelchair\":\"limited\"");
        assertEquals(List.of(f), CODEC.readBatch(bytes(repeated)));
        JsonNode node = MAPPER.readTree(fraction).get("features").get(0);
        assertThrows(ReportJson.NotPlain.class, () -> plain(MAPPER.writeValueAsString(node), 0));
    }

    /**
     * 30,000 damaged features (a value replaced by another type, removed, nulled, an unknown
     * field added, a number out of range): whenever the plain reader accepts one, the tree reader
     * accepts it too and gives the same records; and the codec's answer for the batch is always
     * the tree reader's, problem for problem.
     */
    @Test
    void onDamagedFeaturesThePlainReaderIsNeverMoreLenientAndTheAnswersAreTheTreeReaders() throws Exception {
        List<ReportFeature> features = realFeatures();
        JsonNode batch = MAPPER.readTree(CODEC.writeBatch(features));
        Random random = new Random(20261129);
        int plainAccepted = 0;
        int refused = 0;
        for (int run = 0; run < 30_000; run++) {
            int index = random.nextInt(features.size());
            JsonNode feature = batch.get("features").get(index).deepCopy();
            for (int m = random.nextInt(3); m >= 0; m--) {
                feature = mutate(feature, random);
            }
            String text = MAPPER.writeValueAsString(feature);
            ReportFeature tree;
            ProtocolException treeProblem = null;
            try {
                tree = CODEC.readFeature(MAPPER.readTree(text), 0);
            } catch (ProtocolException e) {
                tree = null;
                treeProblem = e;
            }
            ReportFeature fast;
            try {
                fast = plain(text, 0);
            } catch (RuntimeException e) {
                fast = null;
            }
            if (fast != null) {
                plainAccepted++;
                if (tree == null) {
                    fail("the plain reader accepted what the tree reader refuses (" + treeProblem.problem().detail() + "): " + text);
                }
                assertEquals(tree, fast, text);
            }
            byte[] body = ("{\"type\":\"FeatureCollection\",\"features\":[" + text + "]}").getBytes(StandardCharsets.UTF_8);
            if (tree != null) {
                assertEquals(List.of(tree), CODEC.readBatch(body), text);
                assertEquals(List.of(tree), CODEC.readBatch(new ByteArrayInputStream(body)), text);
            } else {
                refused++;
                Problem expected = treeProblem.problem();
                assertEquals(expected, assertThrows(ProtocolException.class, () -> CODEC.readBatch(body)).problem(), text);
                assertEquals(expected, assertThrows(ProtocolException.class, () -> CODEC.readBatch(new ByteArrayInputStream(body))).problem(), text);
            }
        }
        assertTrue(plainAccepted > 1_500 && refused > 3_000, "both sides must be exercised: " + plainAccepted + " plain, " + refused + " refused");
    }

    @Test
    void batchAnswersReadWithoutATreeEqualTheTreeReading() {
        List<ReportFeature> features = realFeatures();
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            ReportFeature f = features.get(i);
            outcomes.add(switch (i % 4) {
                case 0 -> Outcome.of(i, f.report().id(), OutcomeStatus.CREATED, 1);
                case 1 -> Outcome.of(i, f.report().id(), OutcomeStatus.UNCHANGED, 2);
                case 2 -> Outcome.conflict(i, f);
                default -> Outcome.rejected(i, f.report().id(), "the server lacks 1 photo(s)", List.of("ab".repeat(32)));
            });
        }
        BatchResult result = new BatchResult("batch-key", outcomes);
        byte[] answer = CODEC.writeResult(result);
        assertEquals(result, CODEC.readResult(answer));
        assertEquals(CODEC.readResult(new ByteArrayInputStream(answer)), CODEC.readResult(answer));
        // Forms the tree reader takes leniently (an index as text, an unknown member) go to it and read the same.
        String text = new String(answer, StandardCharsets.UTF_8).replace("{\"index\":0,", "{\"index\":\"0\",\"note\":1,");
        assertEquals(CODEC.readResult(new ByteArrayInputStream(bytes(text))), CODEC.readResult(bytes(text)));
        assertEquals(result, CODEC.readResult(bytes(text)));
    }

    private static ReportFeature plain(String text, int index) throws Exception {
        try (JsonParser p = MAPPER.getFactory().createParser(text)) {
            assertEquals(JsonToken.START_OBJECT, p.nextToken());
            ReportFeature f = CODEC.readPlainFeature(p, index);
            assertEquals(JsonToken.END_OBJECT, p.currentToken());
            return f;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final JsonNode[] VALUES = {
        JsonNodeFactory.instance.nullNode(), JsonNodeFactory.instance.textNode("x"), JsonNodeFactory.instance.textNode(""),
        JsonNodeFactory.instance.textNode("yes"), JsonNodeFactory.instance.textNode("cm"), JsonNodeFactory.instance.textNode("osm:node/5"),
        JsonNodeFactory.instance.textNode("2025-03-01T10:00:00Z"), JsonNodeFactory.instance.textNode("2025-02-30T10:00:00Z"),
        JsonNodeFactory.instance.textNode("1989-12-31T23:59:59Z"), JsonNodeFactory.instance.numberNode(0), JsonNodeFactory.instance.numberNode(-1),
        JsonNodeFactory.instance.numberNode(2), JsonNodeFactory.instance.numberNode(3_000_000_000L), JsonNodeFactory.instance.numberNode(0.5),
        JsonNodeFactory.instance.numberNode(1e300), JsonNodeFactory.instance.numberNode(new java.math.BigInteger("123456789012345678901234567890")),
        JsonNodeFactory.instance.numberNode(200.0), JsonNodeFactory.instance.booleanNode(true), JsonNodeFactory.instance.booleanNode(false),
        JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.arrayNode(),
    };

    /** One change at a random node: a value replaced, a field removed or added, an array item added or removed. */
    private static JsonNode mutate(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            Iterator<String> it = object.fieldNames();
            it.forEachRemaining(names::add);
            int action = random.nextInt(10);
            if (names.isEmpty() || action == 0) {
                String name = random.nextBoolean() ? "colour" : List.of("id", "type", "value", "unit", "place", "revision").get(random.nextInt(6));
                object.set(name, VALUES[random.nextInt(VALUES.length)].deepCopy());
            } else if (action < 3) {
                object.remove(names.get(random.nextInt(names.size())));
            } else {
                object.set(names.get(random.nextInt(names.size())), VALUES[random.nextInt(VALUES.length)].deepCopy());
            }
        } else if (target instanceof ArrayNode array) {
            if (array.size() > 0 && random.nextBoolean()) {
                int at = random.nextInt(array.size());
                if (random.nextBoolean()) {
                    array.remove(at);
                } else {
                    array.set(at, VALUES[random.nextInt(VALUES.length)].deepCopy());
                }
            } else {
                array.add(VALUES[random.nextInt(VALUES.length)].deepCopy());
            }
        }
        return root;
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            node.elements().forEachRemaining(child -> collect(child, into));
        }
    }
}
