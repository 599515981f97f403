package org.seuil.formats.osm;

import java.util.ArrayList;
import java.util.List;

/**
 * Tag values the importer could not use. A bad tag never fails an import (OSM is full of them);
 * it is counted, and the first few are kept word for word so a user can go and fix them in OSM.
 */
final class Warnings {
    static final int KEPT = 50;
    private final List<String> first = new ArrayList<>();
    private long count;

    void add(String element, String key, String reason) {
        count++;
        if (first.size() < KEPT) {
            first.add(element + ": " + key + ": " + reason);
        }
    }

    long count() {
        return count;
    }

    List<String> first() {
        return List.copyOf(first);
    }
}
