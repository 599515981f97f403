package org.seuil.formats.osm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
