package org.seuil.cli;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.InvalidValueException;
import org.seuil.store.PlaceFilter;
import picocli.CommandLine.Option;

/** {@code --bbox} and {@code --where}: which places an export or a statistic covers. */
public final class FilterOptions {
    @Option(names = "--bbox", paramLabel = "minLon,minLat,maxLon,maxLat", description = "Only places in this box (WGS 84 degrees).")
    String bbox;

    @Option(names = "--where", paramLabel = "KEY=V1,V2", description = {
            "Only places matching, e.g. wheelchair=no,limited or category=amenity,shop=bakery. Repeatable; conditions add up."})
    String[] where = new String[0];

    public PlaceFilter filter() {
        BoundingBox box = bbox == null ? BoundingBox.WORLD : BoundingBox.parse(bbox);
        Set<Accessibility> grades = EnumSet.noneOf(Accessibility.class);
        Set<String> categories = new HashSet<>();
        for (String condition : where) {
            int eq = condition.indexOf('=');
            if (eq <= 0) {
                throw new InvalidValueException("--where", "'" + condition + "' is not KEY=VALUE[,VALUE...]");
            }
            String key = condition.substring(0, eq).strip();
            String[] values = condition.substring(eq + 1).split(",");
            switch (key) {
                case "wheelchair" -> {
                    for (String v : values) {
                        grades.add(Accessibility.fromOsm("--where wheelchair", v));
                    }
                }
                case "category" -> {
                    for (String v : values) {
                        categories.add(v.strip());
                    }
                }
                default -> throw new InvalidValueException("--where", "unknown key '" + key + "', expected wheelchair or category");
            }
        }
        return new PlaceFilter(box, grades, categories, null);
    }
}
