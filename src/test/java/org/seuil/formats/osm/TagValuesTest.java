package org.seuil.formats.osm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.seuil.domain.LengthUnit;
import org.seuil.domain.Quantity;

class TagValuesTest {

    @ParameterizedTest(name = "{0} is {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "0.9        | 0.9  | METRE",
        "1          | 1    | METRE",
        "90 cm      | 90   | CENTIMETRE",
        "90cm       | 90   | CENTIMETRE",
        "0.9 m      | 0.9  | METRE",
        "0.9m       | 0.9  | METRE",
        "900 mm     | 900  | MILLIMETRE",
        "0,9        | 0.9  | METRE",
        "3'         | 36   | INCH",
        "3'6\"      | 42   | INCH",
        "36\"       | 36   | INCH",
        "36 in      | 36   | INCH",
        "2 meters   | 2    | METRE",
        ".85        | 0.85 | METRE",
    })
    void lengthsAreMetresUnlessAUnitFollows(String text, double value, LengthUnit unit) {
        Quantity length = TagValues.length(text);
        assertEquals(value, length.value(), 1e-9);
        assertEquals(unit, length.unit());
        assertTrue(length.measured());
    }

    @ParameterizedTest
    @ValueSource(strings = {"wide", "two doors", "-1", "", "1.2.3", "90 cm wide", "5000", "1 km"})
    void unreadableOrImpossibleLengthsAreRefusedWithTheValue(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TagValues.length(text));
        assertTrue(e.getMessage().contains("'" + text + "'"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"~0.8 | 0.8", "~ 80 cm | 80"})
    void aTildeMarksAnEstimate(String text, double value) {
        Quantity length = TagValues.length(text);
        assertEquals(value, length.value(), 1e-9);
        assertFalse(length.measured());
    }

    @ParameterizedTest(name = "incline {0} is {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "6%      | 6    | PERCENT",
        "6 %     | 6    | PERCENT",
        "-6%     | -6   | PERCENT",
        "+4.5%   | 4.5  | PERCENT",
        "10      | 10   | PERCENT",
        "3°      | 3    | DEGREE",
        "-3 °    | -3   | DEGREE",
        "5 deg   | 5    | DEGREE",
    })
    void inclinesArePercentOrDegrees(String text, double value, LengthUnit unit) {
        Quantity incline = TagValues.incline(text);
        assertEquals(value, incline.value(), 1e-9);
        assertEquals(unit, incline.unit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"up", "down", "Up", "yes", "no"})
    void directionsWithoutASlopeAreIgnored(String text) {
        assertNull(TagValues.incline(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"steep", "200%", "80°", "5%%", "6 % up"})
    void unreadableOrImpossibleInclinesAreRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> TagValues.incline(text));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "12, 12", "' 3 ', 3"})
    void countsAreWholeNumbers(String text, int expected) {
        assertEquals(expected, TagValues.count(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "two", "1.5", "3-4", "", "99999999999"})
    void anythingElseIsNotACount(String text) {
        assertThrows(IllegalArgumentException.class, () -> TagValues.count(text));
    }
}
