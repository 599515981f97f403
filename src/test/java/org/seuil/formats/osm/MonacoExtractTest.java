package org.seuil.formats.osm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.seuil.domain.Accessibility;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Report;

/** The importer against the ground truth of ../shared/data/README.md, counted there with osmium. */
class MonacoExtractTest {

    @Test
    void monaco2021PbfGivesTheWheelchairPlacesOfTheGroundTruth() {
        OsmExtract extract = OsmReader.read(SharedData.require(SharedData.PBF_2021));
        List<PlaceRecord> records = all(extract.places());
        Counts counts = Counts.of(records);

        assertEquals(134, counts.tagged, "wheelchair-tagged places");
        assertEquals(Map.of("node", 73L, "way", 59L, "relation", 2L), counts.perType);
        assertEquals(122, counts.grades.get(Accessibility.YES));
        assertEquals(5, counts.grades.get(Accessibility.LIMITED));
        assertEquals(6, counts.grades.get(Accessibility.NO));
        assertEquals(1, counts.grades.get(Accessibility.DESIGNATED));

        OsmReadSummary summary = extract.summary();
        assertEquals(25_423, summary.nodesRead());
        assertEquals(4_106, summary.waysRead());
        assertEquals(243, summary.relationsRead());
        assertEquals(134, summary.wheelchairTagged());
        assertEquals(records.size(), summary.placeCount());
        System.out.println(summary.describe());
    }

    @Test
    void monaco2014GzipGivesTheWheelchairPlacesOfTheGroundTruth() {
        OsmExtract extract = OsmReader.read(SharedData.require(SharedData.GZ_2014));
        List<PlaceRecord> records = all(extract.places());
        Counts counts = Counts.of(records);

        assertEquals(4, counts.tagged, "wheelchair-tagged places");
        assertEquals(Map.of("node", 1L, "way", 2L, "relation", 1L), counts.perType);
        assertEquals(1, counts.grades.get(Accessibility.YES));
        assertEquals(3, counts.grades.get(Accessibility.LIMITED));
        assertEquals(4, extract.summary().wheelchairTagged());
        System.out.println(extract.summary().describe());
    }

    @Test
    void aKnownMonacoRestaurantKeepsItsNameCategoryAddressAndGrade() {
        Map<String, PlaceRecord> places = Fixtures.byId(OsmReader.places(SharedData.require(SharedData.PBF_2021)));
        PlaceRecord bar = places.get("osm:node/267901435");
        assertEquals("Stars ’n’ Bars", bar.place().name());
        assertEquals("amenity=restaurant", bar.place().category());
        assertEquals("6 Quai Antoine 1er, 98000 Monaco", bar.place().address());
        assertEquals(43.7327806, bar.place().location().lat(), 1e-9);
        assertEquals(7.4252031, bar.place().location().lon(), 1e-9);
        Report report = bar.reports().get(0);
        assertEquals(Accessibility.LIMITED, report.wheelchair());
        assertEquals(Instant.parse("2020-08-02T21:13:52Z"), report.surveyedAt());

        // the Prince's Palace is a multipolygon: placed inside Monaco-Ville, on the Rock
        PlaceRecord palace = places.get("osm:relation/393226");
        assertEquals("Palais Princier de Monaco", palace.place().name());
        assertEquals(Accessibility.LIMITED, palace.reports().get(0).wheelchair());
        assertEquals(43.7313, palace.place().location().lat(), 0.0005);
        assertEquals(7.4201, palace.place().location().lon(), 0.0005);
    }

    @Test
    void aWheelchairTaggedTrainRouteOf2014IsNotAPlaceButTheBeachMultipolygonIs() {
        Map<String, PlaceRecord> places = Fixtures.byId(OsmReader.places(SharedData.require(SharedData.GZ_2014)));
        assertFalse(places.containsKey("osm:relation/1057560"), "TER 4 is type=route, wheelchair=yes: a line, not a place");
        PlaceRecord beach = places.get("osm:relation/2254506");
        assertEquals("Plage Larvotto", beach.place().name());
        assertEquals("natural=beach", beach.place().category());
        assertEquals(Map.of("und", "There you have assistants which help you to go into the water"),
                beach.reports().get(0).descriptions());
        assertEquals(43.7462, beach.place().location().lat(), 0.001);
        assertEquals(7.4339, beach.place().location().lon(), 0.001);
        // the same venue in 2014: a pub then, dated by its 2011 edit
        PlaceRecord bar = places.get("osm:node/267901435");
        assertEquals("amenity=pub", bar.place().category());
        assertEquals(Instant.parse("2011-10-11T18:40:53Z"), bar.reports().get(0).surveyedAt());
    }

    @Test
    void everyPlaceOfTheRealExtractIsInsideMonaco() {
        OsmExtract extract = OsmReader.read(SharedData.require(SharedData.PBF_2021));
        Iterator<PlaceRecord> places = extract.places();
        while (places.hasNext()) {
            PlaceRecord record = places.next();
            double lat = record.place().location().lat();
            double lon = record.place().location().lon();
            // the extract's bounding box with a margin for ways that cross its border
            assertTrue(lat > 43.70 && lat < 43.77 && lon > 7.39 && lon < 7.46, record.place().toString());
        }
        assertEquals(0, extract.summary().skippedCount());
    }

    private static List<PlaceRecord> all(Iterator<PlaceRecord> places) {
        List<PlaceRecord> records = new ArrayList<>();
        places.forEachRemaining(records::add);
        return records;
    }

    /** Counted from the records themselves, not from the summary, so the two check each other. */
    private record Counts(long tagged, Map<String, Long> perType, Map<Accessibility, Long> grades) {
        static Counts of(List<PlaceRecord> records) {
            long tagged = 0;
            Map<String, Long> perType = new java.util.TreeMap<>();
            Map<Accessibility, Long> grades = new EnumMap<>(Accessibility.class);
            for (PlaceRecord record : records) {
                assertEquals(1, record.reports().size());
                Report report = record.reports().get(0);
                assertTrue(report.fromOsm());
                assertEquals(record.place().id().value(), report.id().value());
                if (report.wheelchair() != Accessibility.UNKNOWN) {
                    tagged++;
                    String type = record.place().id().value().substring(4, record.place().id().value().indexOf('/'));
                    perType.merge(type, 1L, Long::sum);
                    grades.merge(report.wheelchair(), 1L, Long::sum);
                }
            }
            assertFalse(records.isEmpty());
            return new Counts(tagged, perType, grades);
        }
    }
}
