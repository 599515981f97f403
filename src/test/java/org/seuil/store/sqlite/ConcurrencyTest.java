package org.seuil.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.PlaceRecord;
import org.seuil.store.ImportSource;
import org.seuil.store.ImportSummary;
import org.seuil.store.PlaceFilter;

class ConcurrencyTest {
    @TempDir
    Path dir;

    @Test
    void readersSeeTheLastCommittedStateWhileAnImportIsOpen() throws Exception {
        try (SqlitePlaceStore store = SqlitePlaceStore.open(dir.resolve("seuil.db"))) {
            store.importRecords(List.of(Fixtures.osmRecord(Fixtures.place(1, 43.7, 7.4, "First", "amenity=cafe"), Accessibility.YES))
                    .iterator(), ImportSource.OSM);
            CountDownLatch halfway = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Iterator<PlaceRecord> records = new Iterator<>() {
                private int n;

                @Override
                public boolean hasNext() {
                    return n < 2000;
                }

                @Override
                public PlaceRecord next() {
                    n++;
                    if (n == 1000) {
                        halfway.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return Fixtures.osmRecord(Fixtures.place(100 + n, 43.7, 7.4, "Later " + n, "amenity=cafe"), Accessibility.NO);
                }
            };
            CompletableFuture<ImportSummary> importing = CompletableFuture.supplyAsync(() -> store.importRecords(records, ImportSource.OSM));
            assertTrue(halfway.await(60, TimeUnit.SECONDS));

            // The import holds the write transaction; reads on other threads neither block nor see it.
            CompletableFuture<Long> counted = CompletableFuture.supplyAsync(() -> store.stats(PlaceFilter.ALL).places());
            assertEquals(1L, counted.get(30, TimeUnit.SECONDS));
            assertEquals(1, store.query(PlaceFilter.ALL.withBbox(new BoundingBox(7.3, 43.6, 7.5, 43.8)), 10).size());
            assertEquals(List.of(), store.search("later", 10));

            release.countDown();
            assertEquals(2000, importing.get(60, TimeUnit.SECONDS).placesCreated());
            assertEquals(2001, store.stats(PlaceFilter.ALL).places());
        }
    }
}
