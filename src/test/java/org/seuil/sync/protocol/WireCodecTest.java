package org.seuil.sync.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.seuil.sync.protocol.Fixtures.feature;
import static org.seuil.sync.protocol.Fixtures.uuid;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seuil.domain.Accessibility;
import org.seuil.formats.json.Json;

class WireCodecTest {
    private static final WireCodec CODEC = new WireCodec(new WireLimits(64 * 1024, 10, 1000));

    private static InputStream in(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBatchReadsBackAsItWasWrittenAndIsValidGeoJson() throws Exception {
        List<ReportFeature> batch = List.of(feature(uuid(1), uuid(101), "alice", 3, Accessibility.LIMITED, 1),
                feature(uuid(2), uuid(102), "bob", 1, Accessibility.NO, 4));
        byte[] bytes = CODEC.writeBatch(batch);
        assertEquals(batch, CODEC.readBatch(new ByteArrayInputStream(bytes)));
        var tree = new ObjectMapper(Json.FACTORY).readTree(bytes);
        assertEquals("FeatureCollection", tree.get("type").asText());
        var first = tree.get("features").get(0);
        assertEquals("Point", first.get("geometry").get("type").asText());
        assertEquals(batch.get(0).place().location().lon(), first.get("geometry").get("coordinates").get(0).asDouble(), "longitude first");
        assertEquals(uuid(101), first.get("id").asText());
    }

    @Test
    void resultsAndChangePagesRoundTrip() {
        ReportFeature copy = feature(uuid(1), uuid(101), "alice", 2, Accessibility.YES, 0);
        BatchResult result = new BatchResult("key-1", List.of(
                Outcome.of(0, copy.report().id(), OutcomeStatus.CREATED, 1),
                Outcome.conflict(1, copy),
                Outcome.rejected(2, copy.report().id(), "photos missing", List.of("ab".repeat(32)))));
        assertEquals(result, CODEC.readResult(new ByteArrayInputStream(CODEC.writeResult(result))));
        ChangePage page = new ChangePage(List.of(copy), 42, true);
        assertEquals(page, CODEC.readChanges(new ByteArrayInputStream(CODEC.writeChanges(page))));
    }

    @Test
    void foreignMembersAreIgnoredButUnknownPropertiesAreRefused() {
        String f = new String(CODEC.writeBatch(List.of(feature(uuid(1), uuid(101), "a", 1, Accessibility.YES, 0))), StandardCharsets.UTF_8);
        assertEquals(1, CODEC.readBatch(in(f.replace("{\"type\":\"FeatureCollection\"", "{\"bbox\":[1,2,3,4],\"type\":\"FeatureCollection\""))).size());
        ProtocolException e = assertThrows(ProtocolException.class, () -> CODEC.readBatch(in(f.replace("\"place\":{", "\"colour\":1,\"place\":{"))));
        assertEquals("features[0].properties.colour", e.problem().errors().get(0).field());
    }

    @Test
    void eachLimitStopsTheBodyWithTheRightStatus() {
        assertEquals(413, assertThrows(ProtocolException.class,
                () -> CODEC.readBatch(in("{\"type\":\"FeatureCollection\",\"pad\":\"" + "x".repeat(900) + "\",\"x\":[" + "1,".repeat(40_000) + "1]}")))
                .problem().status());
        assertEquals(400, assertThrows(ProtocolException.class,
                () -> CODEC.readBatch(in("{\"type\":\"FeatureCollection\",\"pad\":\"" + "x".repeat(1001) + "\"}"))).problem().status());
        assertEquals(400, assertThrows(ProtocolException.class,
                () -> CODEC.readBatch(in("{\"features\":" + "[".repeat(40) + "]".repeat(40) + "}"))).problem().status());
        assertEquals(400, assertThrows(ProtocolException.class, () -> CODEC.readBatch(in("{\"type\":\"FeatureCollection\"}"))).problem().status());
        assertEquals(400, assertThrows(ProtocolException.class, () -> CODEC.readBatch(in("{\"type\":\"FeatureCollection\",\"features\":[]} []")))
                .problem().status());
        assertEquals(400, assertThrows(ProtocolException.class, () -> CODEC.readBatch(in(""))).problem().status());
    }

    @Test
    void aReportOfAnotherPlaceThanItsFeatureIsRefused() {
        String f = new String(CODEC.writeBatch(List.of(feature(uuid(1), uuid(101), "a", 1, Accessibility.YES, 0))), StandardCharsets.UTF_8);
        String moved = f.replace("\"placeId\":\"" + uuid(1) + "\"", "\"placeId\":\"" + uuid(2) + "\"");
        ProtocolException e = assertThrows(ProtocolException.class, () -> CODEC.readBatch(in(moved)));
        assertTrue(e.problem().detail().contains("differs from properties.place.id"), e.problem().detail());
    }

    @Test
    void cursorsAreDecimalSequenceNumbers() {
        assertEquals(0, WireCodec.cursor(null));
        assertEquals(123, WireCodec.cursor("123"));
        assertThrows(ProtocolException.class, () -> WireCodec.cursor("12a"));
        assertThrows(ProtocolException.class, () -> WireCodec.cursor("99999999999999999999"));
    }
}
