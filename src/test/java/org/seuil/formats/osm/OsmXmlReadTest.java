package org.seuil.formats.osm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.Accessibility;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Kerb;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Quantity;
import org.seuil.domain.Report;
import org.seuil.domain.Surface;
import org.seuil.formats.InputException;

/** OSM XML: the hand-made extract in places.osm, and files broken in every way we could think of. */
class OsmXmlReadTest {
    private static final double DEGREE_EPSILON = 1e-9;

    @TempDir
    Path temp;

    private static Map<String, PlaceRecord> places() {
        return Fixtures.byId(OsmReader.places(Fixtures.path("places.osm")));
    }

    private static void assertAt(double lat, double lon, PlaceRecord record) {
        GeoPoint location = record.place().location();
        assertEquals(lat, location.lat(), DEGREE_EPSILON, record.place().id() + " lat");
        assertEquals(lon, location.lon(), DEGREE_EPSILON, record.place().id() + " lon");
    }

    @Test
    void venuesAndWheelchairTaggedElementsBecomePlacesAndRoutesDoNot() {
        assertEquals(Set.of("osm:node/3", "osm:node/4", "osm:node/1",
                "osm:way/114", "osm:way/100", "osm:way/101", "osm:way/102", "osm:way/103",
                "osm:relation/200", "osm:relation/201"), places().keySet());
    }

    @Test
    void aNodeIsAPlaceWithEveryTagItCarries() {
        PlaceRecord cafe = places().get("osm:node/1");
        Place place = cafe.place();
        assertEquals("Café du Seuil", place.name());
        assertEquals("amenity=cafe", place.category());
        assertEquals("3 Rue du Seuil, 98000 Monaco", place.address());
        assertAt(10, 20, cafe);

        Report report = cafe.reports().get(0);
        assertEquals(Accessibility.LIMITED, report.wheelchair());
        assertEquals(Accessibility.NO, report.toiletsWheelchair());
        assertEquals(Instant.parse("2022-05-01T00:00:00Z"), report.surveyedAt(), "check_date:wheelchair is later than the edit");
        assertEquals(1, report.entrance().stepCount());
        assertEquals(Quantity.centimetres(7), report.entrance().stepHeight());
        assertEquals(Quantity.metres(0.8), report.entrance().doorWidth());
        assertEquals(Boolean.TRUE, report.entrance().automaticDoor());
        assertEquals(Map.of("und", "One step at the door", "fr", "Une marche à l'entrée"), report.descriptions());
        assertEquals(Accessibility.LIMITED, cafe.accessibility().wheelchair());
    }

    @Test
    void aClosedWayIsPlacedAtTheCentroidOfItsArea() {
        Map<String, PlaceRecord> places = places();
        assertAt(1, 1, places.get("osm:way/100"));
        // an L of 4 x 1 and 1 x 3: the area's centroid (30 + 9.5/7), not the mean of its corners
        assertAt(30 + 9.5 / 7, 30 + 9.5 / 7, places.get("osm:way/102"));
    }

    @Test
    void anOpenWayOrASelfCrossingOneIsPlacedAtTheCentroidOfItsLine() {
        Map<String, PlaceRecord> places = places();
        PlaceRecord footway = places.get("osm:way/101");
        assertAt(5, 2, footway);
        assertEquals(Surface.ASPHALT, footway.reports().get(0).path().surface());
        assertEquals(Quantity.percent(6), footway.reports().get(0).path().incline());
        assertAt(41, 41, places.get("osm:way/103"));
    }

    @Test
    void aMultipolygonIsPlacedAtTheCentroidOfTheRingsItsOuterWaysClose() {
        PlaceRecord garden = places().get("osm:relation/200");
        assertAt(52, 52, garden);
        assertEquals("leisure=garden", garden.place().category());
        assertEquals(Accessibility.NO, garden.reports().get(0).wheelchair());
    }

    @Test
    void aSiteIsPlacedAtTheCentroidOfItsLargestMembers() {
        // a node and a building: the centroid of a mixed collection is the one of its areas
        PlaceRecord school = places().get("osm:relation/201");
        assertAt(61, 63, school);
        assertEquals("École", school.place().name());
    }

    @Test
    void aWayMissingSomeNodesIsPlacedOnThoseTheExtractHoldsAndOneMissingAllIsSkipped() {
        OsmExtract extract = OsmReader.read(Fixtures.path("places.osm"));
        PlaceRecord bench = Fixtures.byId(extract.places()).get("osm:way/114");
        assertAt(5, 2, bench);

        OsmReadSummary summary = extract.summary();
        assertEquals(1, summary.placedIncomplete());
        assertEquals(Map.of("ways with no node in the extract", 1L, "relations with no member in the extract", 1L), summary.skipped());
    }

    @Test
    void theSummaryCountsElementsPlacesAndGrades() {
        OsmReadSummary summary = OsmReader.read(Fixtures.path("places.osm")).summary();
        assertEquals("places.osm", summary.file());
        assertEquals(33, summary.nodesRead());
        assertEquals(10, summary.waysRead());
        assertEquals(4, summary.relationsRead());
        assertEquals(3, summary.places(ElementType.NODE));
        assertEquals(5, summary.places(ElementType.WAY));
        assertEquals(2, summary.places(ElementType.RELATION));
        assertEquals(10, summary.placeCount());
        assertEquals(7, summary.wheelchairTagged());
        assertEquals(5, summary.wheelchair(Accessibility.YES));
        assertEquals(1, summary.wheelchair(Accessibility.LIMITED));
        assertEquals(1, summary.wheelchair(Accessibility.NO));
        assertEquals(3, summary.wheelchair(Accessibility.UNKNOWN));
        assertEquals(0, summary.warnings());
        assertTrue(summary.describe().contains("places: 10 (3 nodes, 5 ways, 2 relations)"), summary.describe());
    }

    @Test
    void aVenueWithoutAccessibilityTagsIsAPlaceWithAnEmptyReport() {
        PlaceRecord bench = places().get("osm:node/3");
        assertEquals("amenity=bench", bench.place().category());
        assertEquals(1, bench.reports().size());
        assertTrue(bench.accessibility().current().isEmpty());
        assertEquals(Kerb.LOWERED, places().get("osm:node/4").reports().get(0).path().kerb());
    }

    @Test
    void placesCanBeIteratedTwiceWithTheSameResult() {
        OsmExtract extract = OsmReader.read(Fixtures.path("places.osm"));
        assertEquals(Fixtures.byId(extract.places()), Fixtures.byId(extract.places()));
    }

    @Test
    void elementsWithoutTimestampTakeTheTimeOfTheExtractAndBadTagsAreWarnings() {
        OsmExtract extract = OsmReader.read(Fixtures.path("overpass-without-timestamps.osm"));
        PlaceRecord pharmacy = Fixtures.byId(extract.places()).get("osm:node/7");
        Report report = pharmacy.reports().get(0);
        assertEquals(Instant.parse("2021-04-21T20:00:00Z"), report.surveyedAt());
        assertEquals(Accessibility.UNKNOWN, report.wheelchair());
        assertNull(report.entrance().doorWidth());

        OsmReadSummary summary = extract.summary();
        assertEquals(2, summary.warnings());
        assertEquals(List.of("node/7: wheelchair: 'maybe' is not yes, limited, no or designated",
                "node/7: door:width: 'two doors' is not a length such as 0.9, 90 cm or 3'"), summary.firstWarnings());
    }

    @Test
    void malformedXmlNamesTheFileAndLine() {
        InputException e = assertThrows(InputException.class, () -> OsmReader.read(Fixtures.path("malformed.osm")));
        assertEquals("malformed.osm", e.file());
        assertTrue(e.location().startsWith("line 5, column"), e.location());
        assertNull(e.field());
        assertTrue(e.getMessage().startsWith("malformed.osm: line 5, column "), e.getMessage());
        assertTrue(e.getMessage().contains("malformed XML"), e.getMessage());
    }

    @Test
    void aLatitudeOutOfRangeNamesTheNodeAndTheField() {
        InputException e = assertThrows(InputException.class, () -> OsmReader.read(Fixtures.path("latitude-out-of-range.osm")));
        assertEquals("latitude-out-of-range.osm", e.file());
        assertTrue(e.location().startsWith("line 4"), e.location());
        assertTrue(e.location().endsWith("node/123"), e.location());
        assertEquals("lat", e.field());
        assertEquals("95.0 is outside [-90, 90]", e.reason());
    }

    @Test
    void aBadAttributeNamesItsElement() throws IOException {
        Path file = write("bad-ref.osm", "<osm version='0.6'>\n<node id='1' lat='1' lon='1'/>\n"
                + "<way id='9'><nd ref='x1'/><tag k='shop' v='bakery'/></way>\n</osm>\n");
        InputException e = assertThrows(InputException.class, () -> OsmReader.read(file));
        assertEquals("bad-ref.osm: line 3, column 13, way/9: nd.ref: 'x1' is not a whole number", e.getMessage());
    }

    @Test
    void aNegativeIdIsRefused() throws IOException {
        Path file = write("josm.osm", "<osm version='0.6'>\n<node id='-5' lat='1' lon='1'/>\n</osm>\n");
        InputException e = assertThrows(InputException.class, () -> OsmReader.read(file));
        assertEquals("id", e.field());
    }

    @Test
    void aTruncatedGzipSaysSo() throws IOException {
        byte[] gzipped = gzip(Files.readAllBytes(Fixtures.path("places.osm")));
        Path file = temp.resolve("cut.osm.gz");
        Files.write(file, Arrays.copyOf(gzipped, gzipped.length / 2));
        InputException e = assertThrows(InputException.class, () -> OsmReader.read(file));
        assertEquals("cut.osm.gz", e.file());
        assertTrue(e.reason().startsWith("truncated gzip"), e.getMessage());
    }

    @Test
    void aWholeGzipReadsLikeThePlainFile() throws IOException {
        Path file = temp.resolve("places.osm.gz");
        Files.write(file, gzip(Files.readAllBytes(Fixtures.path("places.osm"))));
        assertEquals(places(), Fixtures.byId(OsmReader.places(file)));
    }

    @Test
    void aPlainFileNamedGzSaysItIsNotGzip() throws IOException {
        Path file = temp.resolve("plain.osm.gz");
        Files.copy(Fixtures.path("places.osm"), file);
        InputException e = assertThrows(InputException.class, () -> OsmReader.read(file));
        assertTrue(e.reason().startsWith("is not gzip-compressed"), e.getMessage());
    }

    @Test
    void anExternalEntityIsNeverRead() throws IOException {
        Path secret = write("secret.txt", "TOP-SECRET-CONTENT");
        Path file = write("xxe.osm", "<?xml version='1.0'?>\n<!DOCTYPE osm [<!ENTITY xxe SYSTEM '" + secret.toUri() + "'>]>\n"
                + "<osm version='0.6'><node id='1' lat='1' lon='1'><tag k='name' v='&xxe;'/><tag k='shop' v='x'/></node></osm>\n");
        InputException e = assertThrows(InputException.class, () -> OsmReader.read(file));
        assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
        assertEquals("xxe.osm", e.file());
    }

    @Test
    void aFileThatIsNotOsmIsRefused() throws IOException {
        Path file = write("track.osm", "<?xml version='1.0'?>\n<gpx version='1.1'><trk/></gpx>\n");
        InputException e = assertThrows(InputException.class, () -> OsmReader.read(file));
        assertTrue(e.reason().contains("not an OSM XML file"), e.getMessage());
    }

    @Test
    void aNameThatIsNotAnOsmFileIsRefusedBeforeReading() {
        InputException e = assertThrows(InputException.class, () -> OsmReader.read(temp.resolve("monaco.osm.bz2")));
        assertTrue(e.reason().contains("bzip2"), e.getMessage());
        assertThrows(InputException.class, () -> OsmReader.read(temp.resolve("monaco.geojson")));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(temp.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
