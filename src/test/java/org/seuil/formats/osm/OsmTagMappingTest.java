package org.seuil.formats.osm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Criterion;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Kerb;
import org.seuil.domain.LengthUnit;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Quantity;
import org.seuil.domain.Ramp;
import org.seuil.domain.Report;
import org.seuil.domain.Smoothness;
import org.seuil.domain.Surface;

class OsmTagMappingTest {
    private static final PlaceId ID = PlaceId.osm("node", 42);
    private static final Instant EDITED = Instant.parse("2020-06-01T12:00:00Z");

    /** "k=v|k=v" as tags. */
    private static OsmTags tags(String text) {
        List<String> pairs = new ArrayList<>();
        for (String pair : text.split("\\|")) {
            int eq = pair.indexOf('=');
            pairs.add(pair.substring(0, eq).strip());
            pairs.add(pair.substring(eq + 1).strip());
        }
        return new OsmTags(pairs.toArray(String[]::new));
    }

    private static Report report(String text, Warnings warnings) {
        return OsmTagMapping.report(ID, EDITED, tags(text), warnings);
    }

    @ParameterizedTest(name = "{0} -> {1} = {2}, {3} warning(s)")
    @CsvSource(delimiter = ';', value = {
        "wheelchair=yes;                         WHEELCHAIR;         YES;        0",
        "wheelchair=Designated;                  WHEELCHAIR;         DESIGNATED; 0",
        "wheelchair=limited;                     WHEELCHAIR;         LIMITED;    0",
        "wheelchair=no;                          WHEELCHAIR;         NO;         0",
        "wheelchair=unknown;                     WHEELCHAIR;         ;           1",
        "wheelchair=bof;                         WHEELCHAIR;         ;           1",
        "toilets:wheelchair=yes;                 TOILETS_WHEELCHAIR; YES;        0",
        "entrance:step_count=2;                  STEP_COUNT;         2;          0",
        "step_count=3;                           STEP_COUNT;         3;          0",
        "step_count=two;                         STEP_COUNT;         ;           1",
        "ramp:wheelchair=separate;               RAMP;               REMOVABLE;  0",
        "ramp:wheelchair=no|ramp=yes;            RAMP;               NONE;       0",
        "ramp=yes;                               RAMP;               FIXED;      0",
        "ramp:wheelchair=sometimes;              RAMP;               ;           1",
        "automatic_door=motion;                  AUTOMATIC_DOOR;     true;       0",
        "automatic_door=no;                      AUTOMATIC_DOOR;     false;      0",
        "automatic_door=maybe;                   AUTOMATIC_DOOR;     ;           1",
        "entrance:doorbell=yes;                  DOORBELL;           true;       0",
        "kerb=lowered;                           KERB;               LOWERED;    0",
        "kerb=yes;                               KERB;               ;           0",
        "kerb=bumpy;                             KERB;               ;           1",
        "kerb:height=0.02;                       KERB;               LOWERED;    0",
        "kerb:height=0;                          KERB;               FLUSH;      0",
        "kerb:height=10 cm;                      KERB;               RAISED;     0",
        "kerb=flush|kerb:height=10 cm;           KERB;               FLUSH;      0",
        "surface=paving_stones;                  SURFACE;            PAVING_STONES; 0",
        "surface=concrete:plates;                SURFACE;            CONCRETE;   0",
        "surface=lava;                           SURFACE;            ;           1",
        "smoothness=very_bad;                    SMOOTHNESS;         VERY_BAD;   0",
        "smoothness=bumpy road;                  SMOOTHNESS;         ;           1",
        "incline=up;                             INCLINE;            ;           0",
        "capacity:disabled=3;                    PARKING_SPACES;     3;          0",
        "capacity:disabled=no;                   PARKING_SPACES;     0;          0",
        "capacity:disabled=yes;                  PARKING_SPACES;     ;           0",
        "capacity:disabled=some;                 PARKING_SPACES;     ;           1",
        "toilets:wheelchair:grab_bars=both;      TOILET_GRAB_BARS;   true;       0",
        "toilets:grab_rails=no;                  TOILET_GRAB_BARS;   false;      0",
        "width=1.0|amenity=cafe;                 DOOR_WIDTH;         ;           0",
    })
    void tagsBecomeCriteria(String tags, Criterion criterion, String expected, int warnings) {
        Warnings found = new Warnings();
        Object value = criterion.valueIn(report(tags, found));
        assertEquals(expected, value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString());
        assertEquals(warnings, found.count(), () -> found.first().toString());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "door:width=90 cm;              90;  CENTIMETRE",
        "door:width=0.85;               0.85; METRE",
        "entrance=main|width=1.2;       1.2;  METRE",
        "door=hinged|width=3';          36;   INCH",
    })
    void doorWidthsKeepTheirUnit(String tags, double value, LengthUnit unit) {
        Warnings warnings = new Warnings();
        Quantity width = (Quantity) Criterion.DOOR_WIDTH.valueIn(report(tags, warnings));
        assertEquals(new Quantity(value, unit, true), width);
        assertEquals(0, warnings.count());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"door:width=9", "door:width=5 cm", "door:width=wide"})
    void doorWidthsNoDoorHasAreWarnings(String tags) {
        Warnings warnings = new Warnings();
        assertNull(report(tags, warnings).entrance().doorWidth());
        assertEquals(1, warnings.count());
        assertTrue(warnings.first().get(0).startsWith("node/42: door:width: "), warnings.first().toString());
    }

    @Test
    void inclinesKeepTheirSignAndUnit() {
        assertEquals(Quantity.percent(-8), report("incline=-8%", new Warnings()).path().incline());
        assertEquals(new Quantity(4, LengthUnit.DEGREE, true), report("incline=4°", new Warnings()).path().incline());
    }

    @Test
    void aStepHeightWithNoStepIsDroppedWithAWarning() {
        Warnings warnings = new Warnings();
        Report report = report("step_count=0|step:height=0.05", warnings);
        assertEquals(0, report.entrance().stepCount());
        assertNull(report.entrance().stepHeight());
        assertEquals(1, warnings.count());
    }

    @Test
    void theReportIsTheOsmAuthorsOnlyReportOfThePlace() {
        Report report = report("wheelchair=yes", new Warnings());
        assertEquals(Report.OSM_AUTHOR, report.author());
        assertEquals("osm:node/42", report.id().value());
        assertEquals(ID, report.placeId());
        assertEquals(1, report.revision());
        assertEquals(EDITED, report.surveyedAt());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "wheelchair=yes|check_date:wheelchair=2023-03-04;                  2023-03-04T00:00:00Z",
        "wheelchair=yes|check_date=2022-01;                                2022-01-01T00:00:00Z",
        "wheelchair=yes|check_date=2019-01-01;                             2020-06-01T12:00:00Z",
        "wheelchair=yes|check_date=2021-02-03|check_date:wheelchair=2022-02-03; 2022-02-03T00:00:00Z",
        "wheelchair=yes|check_date:wheelchair=2022-02-03|check_date=2024-01-01; 2024-01-01T00:00:00Z",
    })
    void aLaterCheckDateDatesTheSurvey(String tags, Instant expected) {
        Warnings warnings = new Warnings();
        assertEquals(expected, report(tags, warnings).surveyedAt());
        assertEquals(0, warnings.count());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"check_date=last summer", "check_date=2024-13-01", "check_date=2150-01-01"})
    void anUnreadableCheckDateIsAWarning(String tags) {
        Warnings warnings = new Warnings();
        assertEquals(EDITED, report("wheelchair=yes|" + tags, warnings).surveyedAt());
        assertEquals(1, warnings.count());
    }

    @Test
    void descriptionsAreKeptPerLanguageAndAnUnsuffixedOneIsUndetermined() {
        Warnings warnings = new Warnings();
        Report report = report("wheelchair:description=Ring the bell|wheelchair:description:fr=Sonnez"
                + "|wheelchair:description:zh_Hant=請按鈴|wheelchair:description:Français=Non", warnings);
        assertEquals(Map.of("und", "Ring the bell", "fr", "Sonnez", "zh-Hant", "請按鈴"), report.descriptions());
        assertEquals(1, warnings.count());
        assertTrue(warnings.first().get(0).contains("wheelchair:description:Français"));
    }

    @Test
    void blankOrOverlongDescriptionsAreLeftOut() {
        Warnings warnings = new Warnings();
        Report report = report("wheelchair:description=  |wheelchair:description:de=" + "x".repeat(501), warnings);
        assertEquals(Map.of(), report.descriptions());
        assertEquals(1, warnings.count(), "only the overlong one is a warning");
    }

    @Test
    void anElementWithoutAccessibilityTagsStillGetsAnEmptyReportSoReimportsClearOldTags() {
        Report report = report("amenity=bench", new Warnings());
        for (Criterion criterion : Criterion.values()) {
            assertNull(criterion.valueIn(report), criterion.name());
        }
    }

    @Test
    void placesTakeNameCategoryAndAddressFromTheirTags() {
        Warnings warnings = new Warnings();
        Place place = OsmTagMapping.place(ID, new GeoPoint(43.7, 7.4), tags("building=yes|shop=clothes; shoes|name:fr=Chez Lou"
                + "|addr:housenumber=4|addr:street=Rue Grimaldi|addr:city=Monaco"), warnings);
        assertEquals("Chez Lou", place.name());
        assertEquals("shop=clothes;_shoes", place.category());
        assertEquals("4 Rue Grimaldi, Monaco", place.address());
        assertEquals(0, warnings.count());
    }

    @Test
    void aPlaceWithoutAddressNameOrKnownKeyHasNone() {
        Place place = OsmTagMapping.place(ID, new GeoPoint(43.7, 7.4), tags("wheelchair=yes|addr:postcode=98000"), new Warnings());
        assertNull(place.name());
        assertNull(place.category());
        assertEquals("98000", place.address());
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource(delimiter = ';', value = {
        "NODE;     amenity=cafe;                                true",
        "NODE;     shop=no;                                     false",
        "NODE;     shop=vacant;                                 true",
        "NODE;     craft=carpenter;                             true",
        "NODE;     healthcare=pharmacy;                         true",
        "NODE;     highway=bus_stop;                            true",
        "NODE;     highway=crossing;                            false",
        "NODE;     highway=crossing|kerb=lowered;               false",
        "NODE;     highway=crossing|wheelchair=yes;             true",
        "WAY;      highway=footway|ramp:wheelchair=yes;         true",
        "NODE;     entrance=main|wheelchair:description=Door;   true",
        "NODE;     toilets:wheelchair=yes;                      true",
        "WAY;      public_transport=platform;                   true",
        "RELATION; public_transport=stop_area;                  false",
        "NODE;     railway=tram_stop;                           true",
        "NODE;     railway=level_crossing;                      false",
        "RELATION; type=multipolygon|leisure=park;              true",
        "RELATION; type=route|route=bus|wheelchair=yes;         false",
        "RELATION; type=route_master|amenity=bus|wheelchair=no; false",
        "WAY;      type=route|amenity=cafe;                     true",
    })
    void venuesAndWheelchairTaggedElementsArePlacesButRoutesAreNot(ElementType type, String tags, boolean place) {
        assertEquals(place, OsmTagMapping.isPlace(type, tags(tags)));
    }

    @Test
    void untaggedElementsAreNotPlaces() {
        assertEquals(false, OsmTagMapping.isPlace(ElementType.NODE, OsmTags.NONE));
    }

    @Test
    void theEnumsOfTheTableAreTheDomainOnes() {
        // guards the string comparison of tagsBecomeCriteria against a renamed constant
        assertEquals(Ramp.REMOVABLE, Ramp.valueOf("REMOVABLE"));
        assertEquals(Kerb.LOWERED, Kerb.valueOf("LOWERED"));
        assertEquals(Surface.CONCRETE, Surface.valueOf("CONCRETE"));
        assertEquals(Smoothness.VERY_BAD, Smoothness.valueOf("VERY_BAD"));
        assertEquals(Accessibility.DESIGNATED, Accessibility.valueOf("DESIGNATED"));
    }
}
