package org.seuil.formats;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.seuil.domain.PlaceId;

/**
 * A place's category and address from flat OSM-like tags, for files made by other tools:
 * {@code amenity=cafe} from an {@code amenity} column or property, an address line from
 * {@code addr:*}. An explicit {@code category} or {@code address} wins.
 */
public final class PlaceTags {
    /** OSM keys that say what a place is, most telling first. */
    public static final List<String> CATEGORY_KEYS = List.of("amenity", "shop", "tourism", "leisure", "healthcare",
            "office", "craft", "public_transport", "railway", "emergency", "historic", "sport", "building");

    /** Ids as overpass turbo writes them. */
    private static final Pattern OSM_ELEMENT = Pattern.compile("(node|way|relation)/[1-9][0-9]{0,18}");

    private PlaceTags() {
    }

    /** A place id as other tools write it: a Seuil id, or {@code node/123} for {@code osm:node/123}. */
    public static PlaceId placeId(String text) {
        String id = text.strip();
        return new PlaceId(OSM_ELEMENT.matcher(id).matches() ? "osm:" + id : id);
    }

    /** {@code category} if given, else {@code key=value} of the first category key present, else null. */
    public static String category(Function<String, String> tags) {
        String category = tags.apply("category");
        if (category != null && !category.isBlank()) {
            return category.strip();
        }
        for (String key : CATEGORY_KEYS) {
            String value = tags.apply(key);
            if (value != null && !value.isBlank()) {
                return key + "=" + value.strip();
            }
        }
        return null;
    }

    /** {@code address} if given, else OSM {@code addr:*} as one line: "12 Rue Grimaldi, 98000 Monaco". */
    public static String address(Function<String, String> tags) {
        String address = tags.apply("address");
        if (address != null && !address.isBlank()) {
            return address.strip();
        }
        String street = join(" ", tags.apply("addr:housenumber"), tags.apply("addr:street"));
        String city = join(" ", tags.apply("addr:postcode"), tags.apply("addr:city"));
        String line = join(", ", street, city);
        return line.isEmpty() ? null : line;
    }

    private static String join(String separator, String a, String b) {
        boolean hasA = a != null && !a.isBlank();
        boolean hasB = b != null && !b.isBlank();
        if (hasA && hasB) {
            return a.strip() + separator + b.strip();
        }
        return hasA ? a.strip() : hasB ? b.strip() : "";
    }
}
