package org.seuil.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.seuil.domain.PlaceRecord;
import org.seuil.formats.geojson.GeoJsonWriter;
import org.seuil.store.PlaceFilter;
import org.seuil.store.sqlite.EncodedPlace;
import org.seuil.store.sqlite.SqlitePlaceStore;

/**
 * The one way place exports run: the store streams the places the filters select into a writer
 * that writes beside the target, and the file is moved into place only when complete.
 */
final class PlaceExport {
    /** A writer of places opened on the temporary file. */
    interface Sink extends Consumer<PlaceRecord>, AutoCloseable {
    }

    interface Opener {
        Sink open(Path temporary) throws Exception;
    }

    private PlaceExport() {
    }

    static <W extends Consumer<PlaceRecord> & AutoCloseable> Sink sink(W writer) {
        return new Sink() {
            @Override
            public void accept(PlaceRecord record) {
                writer.accept(record);
            }

            @Override
            public void close() throws Exception {
                writer.close();
            }
        };
    }

    /** Runs the export and returns the number of places written. */
    static long run(StoreOption store, FilterOptions filters, Path out, Opener opener) {
        PlaceFilter filter = filters.filter(store);
        AtomicLong count = new AtomicLong();
        try (SqlitePlaceStore s = store.open()) {
            AtomicOutput.write(out, temporary -> {
                try (Sink sink = opener.open(temporary)) {
                    s.forEach(filter, record -> {
                        sink.accept(record);
                        count.incrementAndGet();
                    });
                } catch (java.io.IOException | RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new java.io.IOException(e.getMessage(), e);
                }
            });
        }
        return count.get();
    }

    /**
     * A GeoJSON export: each report's stored JSON is copied into the file as it is, not parsed and
     * encoded again (same bytes, a fraction of the CPU). Returns the number of places written.
     */
    static long runGeoJson(StoreOption store, FilterOptions filters, Path out) {
        PlaceFilter filter = filters.filter(store);
        AtomicLong count = new AtomicLong();
        try (SqlitePlaceStore s = store.open()) {
            AtomicOutput.write(out, temporary -> {
                try (GeoJsonWriter writer = GeoJsonWriter.open(temporary)) {
                    s.forEachEncoded(filter, geoJson(writer));
                    count.set(writer.count());
                }
            });
        }
        return count.get();
    }

    /** The writer as a sink of {@link SqlitePlaceStore#forEachEncoded}; I/O failures come out unchecked. */
    static Consumer<EncodedPlace> geoJson(GeoJsonWriter writer) {
        return place -> {
            try {
                writer.write(place.place(), place.wheelchair(), place.toiletsWheelchair(), place.lastSurveyed(), place.reportsJson());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write feature " + writer.count() + ": " + e.getMessage(), e);
            }
        };
    }
}
