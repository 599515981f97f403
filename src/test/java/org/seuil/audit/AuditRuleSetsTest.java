package org.seuil.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Entrance;
import org.seuil.domain.Kerb;
import org.seuil.domain.LengthUnit;
import org.seuil.domain.Parking;
import org.seuil.domain.PathCondition;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Quantity;
import org.seuil.domain.Ramp;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.domain.Toilet;

class AuditRuleSetsTest {
    private static final PlaceId PLACE = new PlaceId("osm:node/42");
    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    /** A visit that measured the entrance (blank cells are "not surveyed") and a door width in cm. */
    private static Measurements entrance(Integer steps, Double stepCm, String ramp, Double doorCm) {
        Entrance e = new Entrance(steps, stepCm == null ? null : Quantity.centimetres(stepCm),
                ramp == null ? null : Ramp.fromOsm("ramp", ramp), doorCm == null ? null : Quantity.centimetres(doorCm), null, null);
        return Measurements.of(new Report(ReportId.generate(), PLACE, "Alice", AT, 1, null, null, e, null, null, null,
                Map.of(), List.of(), List.of(), false));
    }

    @ParameterizedTest(name = "OSM: {0} steps of {1} cm, ramp {2}, door {3} cm -> {4}")
    @CsvSource({
            // steps, step cm, ramp, door cm, overall
            "0, ,     ,      , YES",
            "0, ,     , 95   , YES",
            "0, ,     , 90   , YES",
            "0, ,     , 80   , LIMITED",
            "0, ,     , 65   , NO",
            "1, 5,    ,      , LIMITED",
            "1, 7,    ,      , LIMITED",
            "1, 7.04, ,      , LIMITED",
            "1, 8,    ,      , NO",
            "1, ,     ,      , UNKNOWN",
            "2, 5,    ,      , NO",
            "3, 16,   fixed, , YES",
            "3, 16,   removable, , LIMITED",
            "1, 5,    , 80   , LIMITED",
            "1, 5,    , 60   , NO",
            " , ,     , 95   , YES",
            " , 12,   ,      , NO",
    })
    void osmWheelchairRulesGradeTheEntrance(Integer steps, Double stepCm, String ramp, Double doorCm, Accessibility expected) {
        assertEquals(expected, RuleSets.osm().grade(entrance(steps, stepCm, ramp, doorCm)).overall());
    }

    @ParameterizedTest(name = "ERP: {0} steps of {1} cm, ramp {2}, door {3} cm -> {4}")
    @CsvSource({
            "0, ,     ,      , YES",
            "1, 2,    ,      , YES",
            "1, 3,    ,      , LIMITED",
            "1, 4,    ,      , LIMITED",
            "1, 5,    ,      , NO",
            "2, 2,    ,      , NO",
            "2, 15,   fixed, , YES",
            "2, 15,   removable, , LIMITED",
            "0, ,     , 90   , YES",
            "0, ,     , 85   , LIMITED",
            "0, ,     , 80   , LIMITED",
            "0, ,     , 77   , NO",
            "1, 2,    , 83   , LIMITED",
    })
    void erpRulesGradeTheEntrance(Integer steps, Double stepCm, String ramp, Double doorCm, Accessibility expected) {
        assertEquals(expected, RuleSets.erp().grade(entrance(steps, stepCm, ramp, doorCm)).overall());
    }

    @ParameterizedTest(name = "ERP: slope {0} % -> {1}")
    @CsvSource({"0, YES", "4, YES", "5, YES", "5.5, LIMITED", "8, LIMITED", "10, LIMITED", "10.5, NO", "-12, NO"})
    void erpSlopesAreJudgedOnTheWayToAStepFreeEntrance(double percent, Accessibility expected) {
        Report r = new Report(ReportId.generate(), PLACE, "Alice", AT, 1, null, null, new Entrance(0, null, null, null, null, null),
                null, null, new PathCondition(null, null, null, Quantity.percent(percent)), Map.of(), List.of(), List.of(), false);
        assertEquals(expected, RuleSets.erp().grade(Measurements.of(r)).overall());
        assertEquals(Accessibility.YES, RuleSets.osm().grade(Measurements.of(r)).overall(), "OSM's wheelchair=* has no slope rule");
    }

    @Test
    void aSlopeInDegreesIsConvertedBeforeJudging() {
        // 5° is 8.7 %: limited under ERP.
        Report r = new Report(ReportId.generate(), PLACE, "Alice", AT, 1, null, null, new Entrance(0, null, null, null, null, null),
                null, null, new PathCondition(null, null, null, new Quantity(5, LengthUnit.DEGREE, true)), Map.of(), List.of(), List.of(), false);
        assertEquals(Accessibility.LIMITED, RuleSets.erp().grade(Measurements.of(r)).overall());
    }

    @ParameterizedTest(name = "{0}: toilet door {1} cm, turning {2} cm, grab bars {3} -> {4}")
    @CsvSource({
            "OSM, 90, 150, true,  YES",
            "OSM, 80, 150, true,  LIMITED",
            "OSM, 90, 130, true,  LIMITED",
            "OSM, 90, 110, true,  NO",
            "OSM, 90, 150, false, LIMITED",
            "ERP, 90, 150, true,  YES",
            "ERP, 85, 150, true,  LIMITED",
            "ERP, 75, 150, true,  NO",
            "ERP, 90, 135, true,  LIMITED",
            "ERP, 90, 125, true,  NO",
    })
    void toiletsAreGradedApart(RuleSetName rules, double doorCm, double turningCm, boolean grabBars, Accessibility expected) {
        Report r = new Report(ReportId.generate(), PLACE, "Alice", AT, 1, null, null, new Entrance(0, null, null, null, null, null),
                new Toilet(Quantity.centimetres(doorCm), Quantity.centimetres(turningCm), grabBars), null, null,
                Map.of(), List.of(), List.of(), false);
        Grading g = RuleSets.of(rules).grade(Measurements.of(r));
        assertEquals(expected, g.toilets());
        Accessibility overallExpected = rules == RuleSetName.OSM ? Accessibility.YES : expected;
        assertEquals(overallExpected, g.overall(), "OSM keeps toilets out of wheelchair=*, ERP counts them");
    }

    @Test
    void withoutAJudgedEntranceOnlyANoCanBeConcluded() {
        Report smoothPath = new Report(ReportId.generate(), PLACE, "Alice", AT, 1, null, null, null, null, null,
                new PathCondition(Kerb.FLUSH, null, null, Quantity.percent(2)), Map.of(), List.of(), List.of(), false);
        assertEquals(Accessibility.UNKNOWN, RuleSets.erp().grade(Measurements.of(smoothPath)).overall());
        Report raisedKerb = new Report(ReportId.generate(), PLACE, "Alice", AT, 1, null, null, null, null, null,
                new PathCondition(Kerb.RAISED, null, null, null), Map.of(), List.of(), List.of(), false);
        assertEquals(Accessibility.NO, RuleSets.erp().grade(Measurements.of(raisedKerb)).overall());
    }

    @Test
    void findingsNameTheirRuleAndWhatWasMeasured() {
        Grading g = RuleSets.osm().grade(entrance(1, 9.0, null, 84.0));
        assertEquals(List.of("osm.entrance-steps", "osm.entrance-door"), g.barriers().stream().map(Finding::ruleId).toList());
        assertEquals("1 step of 9 cm", g.barriers().get(0).observed());
        assertEquals("entrance door 84 cm", g.barriers().get(1).observed());
        assertEquals(Accessibility.NO, g.bySection().get(Section.ENTRANCE));
    }

    @Test
    void aCarParkWithoutDisabledSpacesIsABarrierButNotTheVenuesGrade() {
        Report r = new Report(ReportId.generate(), PLACE, "Alice", AT, 1, null, null, new Entrance(0, null, null, null, null, null),
                null, new Parking(0, null), null, Map.of(), List.of(), List.of(), false);
        Grading g = RuleSets.erp().grade(Measurements.of(r));
        assertEquals(Accessibility.YES, g.overall());
        assertEquals(List.of("erp.parking-spaces"), g.barriers().stream().map(Finding::ruleId).toList());
    }

    @Test
    void everyRuleNamesItsSourceAndNoRuleIdRepeats() {
        for (RuleSet set : List.of(RuleSets.osm(), RuleSets.erp())) {
            assertEquals(set.rules().size(), set.rules().stream().map(Rule::id).distinct().count());
            for (Rule rule : set.rules()) {
                assertFalse(rule.source().isBlank(), rule.id());
                assertTrue(rule.id().startsWith(set.name().code() + "."), rule.id());
            }
        }
    }
}
