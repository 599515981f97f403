package org.seuil.basemap;

import java.io.IOException;
import java.util.Optional;
import org.seuil.geo.TileId;

/**
 * One place tiles can come from. {@code Optional.empty()} means "I do not cover this tile" and
 * lets the next source answer; an exception means the source failed and is logged by the chain.
 */
public interface TileSource extends AutoCloseable {
    Optional<TileImage> tile(TileId id) throws IOException;

    /** A short name for logs, benchmarks and `seuil maps list`. */
    String name();

    @Override
    default void close() throws IOException {
    }
}
