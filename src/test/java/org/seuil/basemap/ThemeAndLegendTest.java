package org.seuil.basemap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ThemeAndLegendTest {

    private static String shippedTheme() throws IOException {
        try (InputStream in = ThemeAndLegendTest.class.getResourceAsStream(MapTheme.ACCESSIBILITY_RESOURCE)) {
            assertTrue(in != null, "the theme must be on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theThemeOnTheClassPathIsTheOneInMaps() throws IOException {
        Path inMaps = Path.of("maps/seuil-accessibility.xml");
        assertEquals(Files.readString(inMaps), shippedTheme());
    }

    @Test
    void everyLegendColourIsUsedByTheTheme() throws IOException {
        String theme = shippedTheme().toUpperCase(Locale.ROOT);
        for (MapLegend.Entry entry : MapLegend.accessibility()) {
            assertTrue(theme.contains(entry.fill().toUpperCase(Locale.ROOT)), entry.key() + " colour " + entry.fill() + " is not in the theme");
            if (entry.accent() != null) {
                assertTrue(theme.contains(entry.accent().toUpperCase(Locale.ROOT)), entry.key() + " accent " + entry.accent());
            }
        }
    }

    @Test
    void theThemeHasRulesForEveryAccessibilityFeature() throws IOException {
        String theme = shippedTheme();
        for (String rule : new String[] {"v=\"steps\"", "k=\"kerb\"", "ramp", "elevator", "v=\"toilets\"", "toilets:wheelchair",
                "k=\"wheelchair\" v=\"yes|designated\"", "k=\"wheelchair\" v=\"limited\"", "k=\"wheelchair\" v=\"no\""}) {
            assertTrue(theme.contains(rule), "theme lacks " + rule);
        }
    }

    @Test
    void everyLegendEntryHasAnEnglishAndAFrenchLabel() {
        for (MapLegend.Entry entry : MapLegend.accessibility()) {
            String en = entry.label(Locale.ENGLISH);
            String fr = entry.label(Locale.FRENCH);
            assertFalse(en.isBlank());
            assertFalse(fr.isBlank());
            assertNotEquals(en, fr, entry.key() + " is not translated");
        }
        assertEquals("Marches", MapLegend.accessibility().get(0).label(Locale.FRENCH));
    }
}
