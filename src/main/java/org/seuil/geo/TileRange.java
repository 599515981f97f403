package org.seuil.geo;

import java.util.Iterator;
import java.util.NoSuchElementException;
import org.seuil.domain.InvalidValueException;

/** A rectangle of tiles at one zoom, inclusive on both ends, iterated row by row. */
public record TileRange(int zoom, int minX, int minY, int maxX, int maxY) implements Iterable<TileId> {
    public TileRange {
        new TileId(zoom, minX, minY);
        new TileId(zoom, maxX, maxY);
        if (minX > maxX || minY > maxY) {
            throw new InvalidValueException("range", "empty tile range " + minX + ".." + maxX + " x " + minY + ".." + maxY);
        }
    }

    public long count() {
        return (long) (maxX - minX + 1) * (maxY - minY + 1);
    }

    public boolean contains(TileId tile) {
        return tile.zoom() == zoom && tile.x() >= minX && tile.x() <= maxX && tile.y() >= minY && tile.y() <= maxY;
    }

    @Override
    public Iterator<TileId> iterator() {
        return new Iterator<>() {
            private int x = minX;
            private int y = minY;

            @Override
            public boolean hasNext() {
                return y <= maxY;
            }

            @Override
            public TileId next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                TileId tile = new TileId(zoom, x, y);
                if (++x > maxX) {
                    x = minX;
                    y++;
                }
                return tile;
            }
        };
    }
}
