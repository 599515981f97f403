package org.seuil.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainValidationTest {
    private static final PlaceId PLACE = PlaceId.osm("node", 42);
    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

    @ParameterizedTest
    @CsvSource({"95,7,lat", "-90.5,7,lat", "43.7,181,lon", "43.7,-180.01,lon", "NaN,7,lat", "43.7,Infinity,lon"})
    void pointsOutsideTheGlobeAreRefusedNamingTheAxis(double lat, double lon, String field) {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new GeoPoint(lat, lon));
        assertEquals(field, e.field());
    }

    @Test
    void aLatitudeBeyondNinetySuggestsSwappedAxes() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new GeoPoint(120, 43));
        assertTrue(e.getMessage().contains("swapped"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"osm:node/0", "osm:area/5", "OSM:node/5", "12345", "", "3F2504E0-4F89-11D3-9A0C-0305E82C3301"})
    void placeIdsOtherThanUuidsAndOsmElementsAreRefused(String text) {
        assertThrows(InvalidValueException.class, () -> new PlaceId(text));
    }

    @Test
    void placeIdsAcceptOsmElementsAndRandomUuids() {
        assertEquals("osm:way/123", PlaceId.osm("way", 123).value());
        assertTrue(!PlaceId.generate().isOsm());
    }

    @Test
    void categoriesMustBeOsmKeyValuePairs() {
        GeoPoint p = new GeoPoint(43.73, 7.42);
        assertEquals("amenity=cafe", new Place(PLACE, p, "Chez Nous", "amenity=cafe", null).category());
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new Place(PLACE, p, "x", "cafe", null));
        assertEquals("category", e.field());
    }

    @Test
    void overlongTextsAreRefusedWithTheirLength() {
        String huge = "a".repeat(10_001);
        InvalidValueException e = assertThrows(InvalidValueException.class,
                () -> new Experience(ExperienceKind.TIP, huge, Set.of(Need.WHEELCHAIR), "fr"));
        assertEquals("text", e.field());
        assertTrue(e.getMessage().contains("10001"), e.getMessage());
    }

    @Test
    void nestedErrorsCarryTheirFullPath() {
        InvalidValueException inner = new InvalidValueException("value", "bad");
        assertEquals("entrance.doorWidth.value", inner.within("doorWidth").within("entrance").field());
    }

    @Test
    void aDoorWidthMustBeALengthAndAnInclineASlope() {
        assertThrows(InvalidValueException.class, () -> new Entrance(null, null, null, Quantity.percent(5), null, null));
        assertThrows(InvalidValueException.class, () -> new PathCondition(null, null, null, Quantity.metres(1)));
    }

    @Test
    void quantitiesConvertToMetresAndPercent() {
        assertEquals(0.9, new Quantity(90, LengthUnit.CENTIMETRE, true).metres(), 1e-9);
        assertEquals(100, new Quantity(45, LengthUnit.DEGREE, false).percent(), 1e-9);
        assertEquals("0.9", new Quantity(90, LengthUnit.CENTIMETRE, true).osm());
    }

    @Test
    void unknownEnumValuesListWhatIsAllowed() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> Accessibility.fromOsm("wheelchair", "maybe"));
        assertTrue(e.getMessage().contains("yes, limited, no, designated, unknown"), e.getMessage());
    }

    @Test
    void reportsOfAnotherPlaceOrTwiceTheSameIdAreRefusedInARecord() {
        Place place = new Place(PLACE, new GeoPoint(43.7, 7.4), "A", null, null);
        Report mine = Report.blank(ReportId.generate(), PLACE, "ana", T);
        Report other = Report.blank(ReportId.generate(), PlaceId.osm("node", 43), "ana", T);
        assertThrows(InvalidValueException.class, () -> new PlaceRecord(place, List.of(other)));
        assertThrows(InvalidValueException.class, () -> new PlaceRecord(place, List.of(mine, mine)));
    }

    @Test
    void descriptionsNeedLanguageTags() {
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> new Report(ReportId.generate(), PLACE, "ana", T, 1,
                null, null, null, null, null, null, Map.of("French", "texte"), List.of(), List.of(), false));
        assertEquals("descriptions.French", e.field());
    }

    @Test
    void photosAreSha256Digests() {
        assertThrows(InvalidValueException.class, () -> new Report(ReportId.generate(), PLACE, "ana", T, 1,
                null, null, null, null, null, null, Map.of(), List.of("photo.jpg"), List.of(), false));
    }

    @Test
    void boundingBoxesParseAndRejectInvertedCorners() {
        BoundingBox box = BoundingBox.parse("7.40,43.72,7.44,43.75");
        assertTrue(box.contains(new GeoPoint(43.73, 7.42)));
        assertThrows(InvalidValueException.class, () -> BoundingBox.parse("7.44,43.72,7.40,43.75"));
        assertThrows(InvalidValueException.class, () -> BoundingBox.parse("7.4,43.7,7.5"));
    }

    @Test
    void experiencesAcceptAnyKindOfSetOfNeeds() {
        assertEquals(Set.of(Need.WHEELCHAIR), new Experience(ExperienceKind.POSITIVE, "ça roule", Set.of(Need.WHEELCHAIR), "fr").needs());
    }
}
