package org.seuil.basemap;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The legend of the accessibility theme ({@code maps/seuil-accessibility.xml}): what the app
 * shows beside the map. Colours are the theme's; labels come from the {@code legend} resource
 * bundle (English and French). A test checks every colour here appears in the theme.
 */
public final class MapLegend {
    /** How an entry is drawn in the legend. */
    public enum Symbol { LINE, DASHED_LINE, DOT, RINGED_DOT, AREA }

    /**
     * @param key    resource bundle key, also a stable id for the app
     * @param fill   main colour, {@code #RRGGBB}
     * @param accent second colour (casing, ring or stripe), {@code #RRGGBB}, or null
     * @param inMonacoPack whether the Monaco test pack (default tag mapping) can show this entry
     */
    public record Entry(String key, Symbol symbol, String fill, String accent, boolean inMonacoPack) {
        public String label(Locale locale) {
            // No fallback to the machine's locale: English asked on a French machine must stay English.
            return ResourceBundle.getBundle("org.seuil.basemap.legend", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry("legend.steps", Symbol.DASHED_LINE, "#D7191C", "#6B0A0C", true),
            new Entry("legend.stepsWithRamp", Symbol.DASHED_LINE, "#D7191C", "#2C7BB6", false),
            new Entry("legend.ramp", Symbol.DOT, "#2C7BB6", null, false),
            new Entry("legend.kerbLowered", Symbol.DOT, "#1A9641", null, false),
            new Entry("legend.kerbRolled", Symbol.DOT, "#E08A1E", null, false),
            new Entry("legend.kerbRaised", Symbol.DOT, "#D7191C", null, false),
            new Entry("legend.elevator", Symbol.DOT, "#7B3294", null, false),
            new Entry("legend.toilets", Symbol.DOT, "#253494", null, true),
            new Entry("legend.toiletsWheelchair", Symbol.RINGED_DOT, "#253494", "#1A9641", false),
            new Entry("legend.wheelchairYes", Symbol.DOT, "#1A9641", null, false),
            new Entry("legend.wheelchairLimited", Symbol.DOT, "#FDAE61", null, false),
            new Entry("legend.wheelchairNo", Symbol.DOT, "#D7191C", null, false),
            new Entry("legend.footway", Symbol.DASHED_LINE, "#7A6F66", null, true),
            new Entry("legend.buildingWheelchairYes", Symbol.AREA, "#B8E0C0", "#1A9641", false));

    private MapLegend() {
    }

    public static List<Entry> accessibility() {
        return ENTRIES;
    }
}
