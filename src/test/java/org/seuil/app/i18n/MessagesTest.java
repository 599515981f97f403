package org.seuil.app.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.seuil.app.places.PinStyle;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Criterion;
import org.seuil.domain.ExperienceKind;
import org.seuil.domain.Kerb;
import org.seuil.domain.Need;
import org.seuil.domain.Ramp;
import org.seuil.domain.Smoothness;
import org.seuil.domain.Surface;

class MessagesTest {
    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/org/seuil/app/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndFrenchHaveExactlyTheSameKeys() throws IOException {
        Set<String> en = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> fr = new TreeSet<>(load("messages_fr.properties").stringPropertyNames());
        Set<String> missingInFrench = new TreeSet<>(en);
        missingInFrench.removeAll(fr);
        Set<String> missingInEnglish = new TreeSet<>(fr);
        missingInEnglish.removeAll(en);
        assertEquals(Set.of(), missingInFrench, "keys missing in messages_fr.properties");
        assertEquals(Set.of(), missingInEnglish, "keys missing in messages.properties");
    }

    @Test
    void everyKeyTheCodeAsksForExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> wanted = new TreeSet<>();
        Pattern literal = Pattern.compile("(?:get|bind|title|text|choice|yesNo|add|section|button)\\((?:[A-Za-z_.]+, )?\"([a-z]+\\.[A-Za-z.]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/seuil/app"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).endsWith(".") && !m.group(1).endsWith(".properties")) {
                        wanted.add(m.group(1));
                    }
                }
            }
        }
        for (Criterion c : Criterion.values()) {
            wanted.add("criterion." + c.name());
        }
        for (Accessibility a : Accessibility.values()) {
            wanted.add("grade." + a.name());
        }
        for (ExperienceKind k : ExperienceKind.values()) {
            wanted.add("experience." + k.name());
        }
        for (Need n : Need.values()) {
            wanted.add("need." + n.name());
        }
        for (PinStyle s : PinStyle.values()) {
            wanted.add("fit." + s.name());
        }
        for (Enum<?>[] values : new Enum<?>[][] {Ramp.values(), Kerb.values(), Surface.values(), Smoothness.values()}) {
            for (Enum<?> e : values) {
                wanted.add("enum." + e.getDeclaringClass().getSimpleName() + "." + e.name());
            }
        }
        wanted.removeAll(keys);
        assertEquals(Set.of(), wanted, "keys used by the app but missing in messages.properties");
    }

    @Test
    void switchingTheLanguageChangesTheTextsAndBoundLabels() {
        Messages messages = new Messages(Locale.ENGLISH);
        var bound = messages.bind("filter.title");
        assertEquals("Filters", bound.get());
        messages.localeProperty().set(Locale.FRENCH);
        assertEquals("Filtres", bound.get());
        assertEquals("3 lieux affichés", messages.get("filter.shown", 3));
        assertTrue(messages.get("no.such.key").startsWith("!"));
    }

    @Test
    void anUnsupportedSystemLanguageFallsBackToEnglish() {
        assertEquals(Locale.ENGLISH, Messages.supported(Locale.JAPANESE));
        assertEquals(Locale.FRENCH, Messages.supported(Locale.CANADA_FRENCH));
    }
}
