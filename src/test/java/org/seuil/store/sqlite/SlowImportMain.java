package org.seuil.store.sqlite;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceRecord;
import org.seuil.store.ImportSource;

/**
 * The process that {@link KillDuringImportTest} kills: imports into the store given as argument
 * an endless stream of records, first changing the places the store has ({@code osm:node/1..100}),
 * then adding new ones. Prints {@value #MARKER} once {@code fast} records were read, then slows
 * down so that the kill lands while the import's transaction is open. Its page cache is tiny, so
 * the uncommitted pages are already in the WAL file when it dies.
 */
public final class SlowImportMain {
    static final String MARKER = "IMPORT TRANSACTION OPEN";

    private SlowImportMain() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        int fast = Integer.parseInt(args[1]);
        try (SqlitePlaceStore store = SqlitePlaceStore.open(file, 256)) {
            store.importRecords(new Iterator<>() {
                private int n;

                @Override
                public boolean hasNext() {
                    return true;
                }

                @Override
                public PlaceRecord next() {
                    n++;
                    if (n == fast) {
                        System.out.println(MARKER);
                        System.out.flush();
                    } else if (n > fast) {
                        try {
                            Thread.sleep(2);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    long node = n <= 100 ? n : 1_000_000 + n;
                    Place place = Fixtures.place(node, 43.7 + (n % 1000) * 1e-5, 7.4 + (n / 1000) * 1e-5, "Changed " + n, "amenity=bench");
                    return new PlaceRecord(place, List.of(Fixtures.osmReport(place, Accessibility.NO, Fixtures.T0.plusSeconds(n))));
                }
            }, ImportSource.OSM);
        }
    }
}
