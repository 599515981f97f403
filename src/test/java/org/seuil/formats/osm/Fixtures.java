package org.seuil.formats.osm;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.seuil.domain.PlaceRecord;

/** The hand-made files in src/test/resources/org/seuil/formats/osm. */
final class Fixtures {
    private Fixtures() {
    }

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("test resource " + name + " is missing", e);
        }
    }

    static Map<String, PlaceRecord> byId(Iterator<PlaceRecord> places) {
        Map<String, PlaceRecord> records = new LinkedHashMap<>();
        places.forEachRemaining(record -> records.put(record.place().id().value(), record));
        return records;
    }
}
