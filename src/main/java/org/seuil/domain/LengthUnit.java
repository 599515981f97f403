package org.seuil.domain;

/** Units of {@link Quantity}; lengths convert to metres, slopes to percent. */
public enum LengthUnit {
    METRE("m", 1), CENTIMETRE("cm", 0.01), MILLIMETRE("mm", 0.001), INCH("in", 0.0254), PERCENT("%", 1), DEGREE("°", 1);

    private final String symbol;
    private final double toBase;

    LengthUnit(String symbol, double toBase) {
        this.symbol = symbol;
        this.toBase = toBase;
    }

    public String symbol() {
        return symbol;
    }

    public boolean isLength() {
        return this != PERCENT && this != DEGREE;
    }

    double toBase(double value) {
        return value * toBase;
    }

    public static LengthUnit fromSymbol(String field, String text) {
        for (LengthUnit unit : values()) {
            if (unit.symbol.equals(text) || unit.name().equalsIgnoreCase(text)) {
                return unit;
            }
        }
        throw new InvalidValueException(field, "unknown unit '" + PlaceId.abbreviate(text) + "', expected m, cm, mm, in, % or °");
    }
}
