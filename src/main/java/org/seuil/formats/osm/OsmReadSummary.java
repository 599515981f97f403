package org.seuil.formats.osm;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.seuil.domain.Accessibility;

/**
 * What reading an OSM file gave: how many elements it held, how many became places (per element
 * type and per {@code wheelchair} grade), what was left out and why, and how many tag values could
 * not be used.
 *
 * @param places              places per element type
 * @param wheelchair          places per grade of their {@code wheelchair} tag (UNKNOWN: no usable tag)
 * @param placedIncomplete    places put at the centroid of what the extract held of them, some
 *                            nodes or members being outside the extract
 * @param skipped             elements that would be places but could not be put on the map, per reason
 * @param firstWarnings       the first {@value Warnings#KEPT} warnings, word for word
 */
public record OsmReadSummary(String file, long nodesRead, long waysRead, long relationsRead,
                             Map<ElementType, Long> places, Map<Accessibility, Long> wheelchair,
                             long placedIncomplete, Map<String, Long> skipped,
                             long warnings, List<String> firstWarnings) {
    public OsmReadSummary {
        places = Map.copyOf(places);
        wheelchair = Map.copyOf(wheelchair);
        skipped = Map.copyOf(skipped);
        firstWarnings = List.copyOf(firstWarnings);
    }

    public long placeCount() {
        return places.values().stream().mapToLong(Long::longValue).sum();
    }

    public long places(ElementType type) {
        return places.getOrDefault(type, 0L);
    }

    /** Places whose {@code wheelchair} tag says yes, limited, no or designated. */
    public long wheelchairTagged() {
        return wheelchair.entrySet().stream().filter(e -> e.getKey() != Accessibility.UNKNOWN)
                .mapToLong(Map.Entry::getValue).sum();
    }

    public long wheelchair(Accessibility grade) {
        return wheelchair.getOrDefault(grade, 0L);
    }

    public long skippedCount() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A few lines for a terminal. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(file).append(": ").append(nodesRead).append(" nodes, ").append(waysRead).append(" ways, ")
                .append(relationsRead).append(" relations read\n");
        text.append("places: ").append(placeCount()).append(" (").append(places(ElementType.NODE)).append(" nodes, ")
                .append(places(ElementType.WAY)).append(" ways, ").append(places(ElementType.RELATION)).append(" relations)\n");
        text.append("wheelchair: ").append(wheelchairTagged()).append(" tagged (");
        EnumMap<Accessibility, Long> ordered = new EnumMap<>(Accessibility.class);
        ordered.putAll(wheelchair);
        ordered.remove(Accessibility.UNKNOWN);
        StringBuilder grades = new StringBuilder();
        ordered.forEach((grade, count) -> grades.append(grades.length() == 0 ? "" : ", ").append(count).append(' ').append(grade.osm()));
        text.append(grades).append(")\n");
        if (placedIncomplete > 0) {
            text.append("placed from partial geometry (nodes or members outside the extract): ").append(placedIncomplete).append('\n');
        }
        new TreeMap<>(skipped).forEach((reason, count) -> text.append("skipped: ").append(count).append(' ').append(reason).append('\n'));
        text.append("warnings: ").append(warnings);
        for (String warning : firstWarnings) {
            text.append("\n  ").append(warning);
        }
        if (warnings > firstWarnings.size()) {
            text.append("\n  ...");
        }
        return text.toString();
    }
}
