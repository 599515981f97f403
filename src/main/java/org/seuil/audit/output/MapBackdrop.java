package org.seuil.audit.output;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Optional;
import org.seuil.domain.BoundingBox;

/**
 * A background image for the report's map. The image must cover exactly {@code box} in Web
 * Mercator (the projection of map tiles) at the size asked; the report draws the district and
 * venues over it in the same projection.
 */
public interface MapBackdrop {
    MapBackdrop NONE = new MapBackdrop() {
        @Override
        public Optional<BufferedImage> render(BoundingBox box, int widthPx, int heightPx) {
            return Optional.empty();
        }

        @Override
        public String attribution() {
            return "";
        }
    };

    Optional<BufferedImage> render(BoundingBox box, int widthPx, int heightPx) throws IOException;

    /** The line to print under the map, e.g. the map data's licence; empty for none. */
    String attribution();
}
