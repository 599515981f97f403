package org.seuil.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfileFitTest {
    /** 70 cm chair, a 3 cm step is fine, 6 % slope. */
    private static final WheelchairProfile ME = new WheelchairProfile(0.70, 0.03, 6);

    private static PlaceAccessibility place(Accessibility grade, Integer steps, Double stepCm, boolean stepMeasured, Ramp ramp,
                                            Double doorCm, boolean doorMeasured, Double inclinePct) {
        Report r = new Report(ReportId.generate(), PlaceId.generate(), "tester", Instant.parse("2024-01-01T00:00:00Z"), 1, grade, null,
                new Entrance(steps, stepCm == null ? null : new Quantity(stepCm, LengthUnit.CENTIMETRE, stepMeasured), ramp,
                        doorCm == null ? null : new Quantity(doorCm, LengthUnit.CENTIMETRE, doorMeasured), null, null),
                null, null, new PathCondition(null, null, null, inclinePct == null ? null : Quantity.percent(inclinePct)),
                Map.of(), List.of(), List.of(), false);
        return PlaceAccessibility.derive(List.of(r));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
            # case,                                          grade,   steps, stepCm, measured, ramp,  doorCm, doorMeasured, incline, expected
            step-free and wide door fits,                    UNKNOWN, 0,     -,      true,     -,     90,     true,         -,       FITS
            door narrower than the chair does not fit,       YES,     0,     -,      true,     -,     65,     true,         -,       DOES_NOT_FIT
            door exactly the chair's width fits,             UNKNOWN, 0,     -,      true,     -,     70,     true,         -,       FITS
            estimated door within 5 cm may not fit,          UNKNOWN, 0,     -,      true,     -,     72,     false,        -,       MAY_NOT_FIT
            one low step I can climb fits,                   UNKNOWN, 1,     2,      true,     -,     90,     true,         -,       FITS
            one step too high does not fit,                  UNKNOWN, 1,     10,     true,     -,     90,     true,         -,       DOES_NOT_FIT
            a high step with a fixed ramp fits,              UNKNOWN, 1,     10,     true,     FIXED, 90,     true,         -,       FITS
            a high step with a removable ramp may not fit,   UNKNOWN, 1,     10,     true,     REMOVABLE, 90, true,         -,       MAY_NOT_FIT
            a flight of low steps may not fit,               UNKNOWN, 3,     2,      true,     -,     90,     true,         -,       MAY_NOT_FIT
            too steep does not fit,                          YES,     0,     -,      true,     -,     90,     true,         8,       DOES_NOT_FIT
            gentle slope fits,                               UNKNOWN, 0,     -,      true,     -,     90,     true,         5,       FITS
            no measure and grade yes may not fit,            YES,     -,     -,      true,     -,     -,      true,         -,       MAY_NOT_FIT
            no measure and grade no does not fit,            NO,      -,     -,      true,     -,     -,      true,         -,       DOES_NOT_FIT
            no measure and grade limited may not fit,        LIMITED, -,     -,      true,     -,     -,      true,         -,       MAY_NOT_FIT
            nothing known is unknown,                        UNKNOWN, -,     -,      true,     -,     -,      true,         -,       UNKNOWN
            grade yes with a measured wide door fits,        YES,     -,     -,      true,     -,     90,     true,         -,       FITS
            measurements win over a no grade,                NO,      0,     -,      true,     -,     90,     true,         -,       FITS
            """)
    void aPlaceIsJudgedAgainstTheChairNotAGeneralRule(String name, Accessibility grade, Integer steps, Double stepCm, boolean measured,
                                                       Ramp ramp, Double doorCm, boolean doorMeasured, Double incline, ProfileFit expected) {
        assertEquals(expected, ProfileFit.of(ME, place(grade, steps, stepCm, measured, ramp, doorCm, doorMeasured, incline)));
    }

    @Test
    void aProfileOutsideHumanRangesIsRejectedWithItsField() {
        assertEquals("chairWidth", assertThrows(InvalidValueException.class, () -> new WheelchairProfile(3, 0, 6)).field());
        assertEquals("highestStep", assertThrows(InvalidValueException.class, () -> new WheelchairProfile(0.7, -1, 6)).field());
        assertEquals("steepestSlope", assertThrows(InvalidValueException.class, () -> new WheelchairProfile(0.7, 0, Double.NaN)).field());
    }
}
