package org.seuil.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceAccessibilityTest {
    private static final PlaceId PLACE = PlaceId.osm("node", 1);

    private static Report report(String id, String at, Accessibility grade, Entrance entrance) {
        return new Report(new ReportId(id), PLACE, "ana", Instant.parse(at), 1, grade, null, entrance,
                null, null, null, Map.of(), List.of(), List.of(), false);
    }

    @Test
    void theLatestSurveyOfEachCriterionWinsIndependently() {
        Report old = report("a", "2020-01-01T00:00:00Z", Accessibility.NO, new Entrance(2, null, Ramp.NONE, null, null, null));
        Report recent = report("b", "2023-01-01T00:00:00Z", Accessibility.LIMITED, new Entrance(1, null, null, null, null, null));
        PlaceAccessibility derived = PlaceAccessibility.derive(List.of(recent, old));
        assertEquals(Accessibility.LIMITED, derived.wheelchair());
        assertEquals(1, derived.value(Criterion.STEP_COUNT));
        assertEquals(Ramp.NONE, derived.value(Criterion.RAMP), "the ramp was only surveyed in the older report");
        assertEquals(new ReportId("a"), derived.current().get(Criterion.RAMP).reportId());
        assertEquals(Instant.parse("2023-01-01T00:00:00Z"), derived.lastSurveyed());
    }

    @Test
    void anUnknownGradeDoesNotHideAnEarlierKnownOne() {
        Report known = report("a", "2020-01-01T00:00:00Z", Accessibility.YES, null);
        Report silent = report("b", "2024-01-01T00:00:00Z", Accessibility.UNKNOWN, new Entrance(0, null, null, null, null, null));
        assertEquals(Accessibility.YES, PlaceAccessibility.derive(List.of(known, silent)).wheelchair());
    }

    @Test
    void tombstonesNoLongerCount() {
        Report a = report("a", "2020-01-01T00:00:00Z", Accessibility.NO, null);
        Report b = report("b", "2021-01-01T00:00:00Z", Accessibility.YES, null);
        PlaceAccessibility derived = PlaceAccessibility.derive(List.of(a, b.tombstone(Instant.parse("2022-01-01T00:00:00Z"))));
        assertEquals(Accessibility.NO, derived.wheelchair());
    }

    @Test
    void equalSurveyTimesAreBrokenByReportIdSoEveryDeviceAgrees() {
        Report x = report("x", "2020-01-01T00:00:00Z", Accessibility.NO, null);
        Report y = report("y", "2020-01-01T00:00:00Z", Accessibility.YES, null);
        assertEquals(Accessibility.YES, PlaceAccessibility.derive(List.of(y, x)).wheelchair());
        assertEquals(Accessibility.YES, PlaceAccessibility.derive(List.of(x, y)).wheelchair());
    }

    @Test
    void aPlaceWithoutReportsIsUnknown() {
        PlaceAccessibility none = PlaceAccessibility.derive(List.of());
        assertEquals(Accessibility.UNKNOWN, none.wheelchair());
        assertNull(none.lastSurveyed());
    }
}
