package org.seuil.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written shape checks accept exactly what the regular expressions they replaced accept. */
class TextShapesTest {
    private static final String ALPHABET = "0123456789abcdefxyzAFZ-_.:/@ =\t\n\u000B\f\réÉ٣ⅫΩ\uD835\uDC00";
    private static final List<String> SEEDS = List.of("7a1c2e0d-3b4f-4a5b-9c8d-0e1f2a3b4c5d", "osm:node/123", "osm:way/1",
            "osm:relation/9223372036854775807", "osm:node/1234567890123456789", "en", "fr-CA", "zh-Hant-TW", "sgn-BE-FR",
            "alice", "Jean-Luc Ø", "a@b.c", "amenity=cafe", "disused:shop=bäckerei", "a=b", "report-1/x.y:z",
            "x".repeat(100), "x".repeat(101), "k".repeat(40) + "=v", "k".repeat(41) + "=v", "k=" + "v".repeat(100), "k=" + "v".repeat(101), "");

    @Test
    void uuidShapeMatchesItsExpression() {
        compare("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", TextShapes::isLowerCaseUuid);
    }

    @Test
    void osmIdShapeMatchesItsExpression() {
        compare("osm:(node|way|relation)/[1-9][0-9]{0,18}", TextShapes::isOsmId);
    }

    @Test
    void reportIdShapeMatchesItsExpression() {
        compare("[0-9a-z][0-9a-z:/._-]{0,99}", TextShapes::isReportId);
    }

    @Test
    void languageTagShapeMatchesItsExpression() {
        compare("[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}", TextShapes::isLanguageTag);
    }

    @Test
    void authorShapeMatchesItsExpression() {
        compare("[\\p{L}\\p{N}._@ -]{1,100}", TextShapes::isAuthor);
    }

    @Test
    void categoryShapeMatchesItsExpression() {
        compare("[a-z_:]{1,40}=[^=\\s]{1,100}", TextShapes::isCategory);
    }

    /** Seeds, their random mutations and random texts: 200,000 texts, the same answer for each. */
    private static void compare(String regex, Predicate<String> shape) {
        Pattern pattern = Pattern.compile(regex);
        Random random = new Random(regex.hashCode());
        int accepted = 0;
        for (int i = 0; i < 200_000; i++) {
            String text = i < SEEDS.size() ? SEEDS.get(i) : i % 2 == 0 ? mutate(SEEDS.get(random.nextInt(SEEDS.size())), random) : randomText(random);
            boolean expected = pattern.matcher(text).matches();
            assertEquals(expected, shape.test(text), () -> "'" + text + "' against " + regex);
            accepted += expected ? 1 : 0;
        }
        org.junit.jupiter.api.Assertions.assertTrue(accepted > 100, "the comparison must include accepted texts, got " + accepted);
    }

    private static String mutate(String seed, Random random) {
        StringBuilder s = new StringBuilder(seed);
        for (int m = random.nextInt(3); m >= 0; m--) {
            int at = s.length() == 0 ? 0 : random.nextInt(s.length() + 1);
            switch (random.nextInt(4)) {
                case 0 -> s.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 1 -> { if (at < s.length()) s.deleteCharAt(at); }
                case 2 -> { if (at < s.length()) s.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length()))); }
                default -> { }
            }
        }
        return s.toString();
    }

    private static String randomText(Random random) {
        StringBuilder s = new StringBuilder();
        for (int n = random.nextInt(12); n > 0; n--) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
