package org.seuil.analysis;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.seuil.domain.Accessibility;

/**
 * How much one place of each wheelchair grade weighs in a heatmap of barriers. By default a place
 * graded {@code no} counts 1, {@code limited} 0.5, and places graded yes, designated or unknown 0:
 * they still tell the heatmap that someone looked there (see {@link KernelDensity}), but add no barrier.
 */
public record GradeWeights(Map<Accessibility, Double> weights) {
    public static final GradeWeights BARRIERS = new GradeWeights(Map.of(Accessibility.NO, 1.0, Accessibility.LIMITED, 0.5));

    public GradeWeights {
        EnumMap<Accessibility, Double> all = new EnumMap<>(Accessibility.class);
        for (Accessibility grade : Accessibility.values()) {
            Double w = weights.get(grade);
            double value = w == null ? 0 : w;
            if (!Double.isFinite(value) || value < 0) {
                throw new IllegalArgumentException("weight of " + grade.osm() + " must be a finite number >= 0, got " + w);
            }
            all.put(grade, value);
        }
        weights = Map.copyOf(all);
    }

    public double of(Accessibility grade) {
        return weights.get(grade);
    }

    /** Parses {@code no=1,limited=0.5}; grades not named weigh 0. */
    public static GradeWeights parse(String text) {
        EnumMap<Accessibility, Double> parsed = new EnumMap<>(Accessibility.class);
        for (String part : text.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("weights: expected grade=number such as no=1, got '" + part.strip() + "'");
            }
            Accessibility grade = Accessibility.fromOsm("weights", kv[0].strip().toLowerCase(Locale.ROOT));
            try {
                parsed.put(grade, Double.parseDouble(kv[1].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("weights: '" + kv[1].strip() + "' for " + grade.osm() + " is not a number");
            }
        }
        return new GradeWeights(parsed);
    }
}
