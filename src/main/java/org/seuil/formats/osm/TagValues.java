package org.seuil.formats.osm;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.seuil.domain.InvalidValueException;
import org.seuil.domain.LengthUnit;
import org.seuil.domain.Quantity;

/**
 * Tolerant readers of OSM tag values. OSM writes lengths in metres unless a unit follows
 * ({@code 0.9}, {@code 90 cm}, {@code 3'6"}), slopes in percent or degrees ({@code 6%},
 * {@code 3°}), and counts as plain numbers. A value these cannot read throws
 * {@link IllegalArgumentException} with the reason, and the importer turns it into a warning.
 */
final class TagValues {
    private static final String NUMBER = "([0-9]+(?:[.,][0-9]+)?|[.,][0-9]+)";
    private static final Pattern LENGTH = Pattern.compile("~?\\s*" + NUMBER + "\\s*(m|cm|mm|in|inch|inches|\"|metres?|meters?)?");
    private static final Pattern FEET = Pattern.compile("~?\\s*([0-9]+)\\s*'\\s*(?:([0-9]+(?:\\.[0-9]+)?)\\s*\")?");
    private static final Pattern INCLINE = Pattern.compile("([+-]?)\\s*" + NUMBER + "\\s*(%|°|deg|degrees?)?");
    private static final Pattern COUNT = Pattern.compile("[0-9]{1,9}");

    private TagValues() {
    }

    /** A length; a bare number is metres. Units are kept as written (feet become inches). */
    static Quantity length(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        boolean estimated = value.startsWith("~");
        Matcher feet = FEET.matcher(value);
        if (feet.matches()) {
            double inches = Integer.parseInt(feet.group(1)) * 12.0 + (feet.group(2) == null ? 0 : Double.parseDouble(feet.group(2)));
            return quantity(text, inches, LengthUnit.INCH, estimated);
        }
        Matcher m = LENGTH.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a length such as 0.9, 90 cm or 3'");
        }
        double number = number(m.group(1));
        String unit = m.group(2);
        LengthUnit lengthUnit;
        if (unit == null || unit.startsWith("met") || unit.equals("m")) {
            lengthUnit = LengthUnit.METRE;
        } else if (unit.equals("cm")) {
            lengthUnit = LengthUnit.CENTIMETRE;
        } else if (unit.equals("mm")) {
            lengthUnit = LengthUnit.MILLIMETRE;
        } else {
            lengthUnit = LengthUnit.INCH;
        }
        return quantity(text, number, lengthUnit, estimated);
    }

    /**
     * A slope: {@code 6%}, {@code -6 %}, {@code 3°}; a bare number is percent. {@code up},
     * {@code down}, {@code yes} and {@code no} say the way slopes without saying how much: null.
     */
    static Quantity incline(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (value.equals("up") || value.equals("down") || value.equals("yes") || value.equals("no")) {
            return null;
        }
        Matcher m = INCLINE.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a slope such as 6%, -6% or 3°");
        }
        double number = number(m.group(2)) * ("-".equals(m.group(1)) ? -1 : 1);
        boolean degrees = m.group(3) != null && !m.group(3).equals("%");
        Quantity slope = quantity(text, number, degrees ? LengthUnit.DEGREE : LengthUnit.PERCENT, false);
        if (Math.abs(slope.percent()) > 100) {
            throw new IllegalArgumentException("'" + text + "' is steeper than 100%, not a path a wheelchair could take");
        }
        return slope;
    }

    /** A whole number from 0 up. */
    static int count(String text) {
        String value = text.strip();
        if (!COUNT.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number");
        }
        return Integer.parseInt(value);
    }

    /** yes / no (and true / false, 1 / 0, which some mappers write). */
    static boolean yesNo(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1" -> true;
            case "no", "false", "0" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is neither yes nor no");
        };
    }

    private static double number(String text) {
        return Double.parseDouble(text.replace(',', '.'));
    }

    private static Quantity quantity(String text, double value, LengthUnit unit, boolean estimated) {
        try {
            return new Quantity(value, unit, !estimated);
        } catch (InvalidValueException e) {
            throw new IllegalArgumentException("'" + text + "': " + e.getMessage().substring(e.field().length() + 2), e);
        }
    }
}
