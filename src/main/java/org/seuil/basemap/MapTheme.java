package org.seuil.basemap;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.mapsforge.map.rendertheme.ExternalRenderTheme;
import org.mapsforge.map.rendertheme.StreamRenderTheme;
import org.mapsforge.map.rendertheme.XmlRenderTheme;
import org.mapsforge.map.rendertheme.internal.MapsforgeThemes;

/**
 * Which mapsforge render theme draws the offline packs. {@link #id()} names the theme in cache
 * file names, so tiles drawn with one theme are never served for another.
 */
public sealed interface MapTheme {
    /** Where our accessibility theme sits on the class path (copied there from {@code maps/} by the build). */
    String ACCESSIBILITY_RESOURCE = "/maps/seuil-accessibility.xml";

    String id();

    XmlRenderTheme xml();

    /** The mapsforge default theme, shipped inside mapsforge-themes. */
    record MapsforgeDefault() implements MapTheme {
        @Override
        public String id() {
            return "default";
        }

        @Override
        public XmlRenderTheme xml() {
            return MapsforgeThemes.DEFAULT;
        }
    }

    /** Seuil's accessibility theme: steps, kerbs, ramps, lifts, toilets and wheelchair tags stand out. */
    record Accessibility() implements MapTheme {
        @Override
        public String id() {
            return "seuil-accessibility";
        }

        @Override
        public XmlRenderTheme xml() {
            InputStream in = MapTheme.class.getResourceAsStream(ACCESSIBILITY_RESOURCE);
            if (in == null) {
                throw new UncheckedIOException(new FileNotFoundException(
                        ACCESSIBILITY_RESOURCE + " is missing from the class path (is maps/ copied by the build?)"));
            }
            return new StreamRenderTheme("", in);
        }
    }

    /** A theme XML file on disk; symbols are resolved relative to its folder. */
    record External(Path file) implements MapTheme {
        public External {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String id() {
            String name = file.getFileName().toString();
            long stamp;
            try {
                stamp = Files.getLastModifiedTime(file).toMillis();
            } catch (IOException e) {
                stamp = 0;
            }
            return name.replaceAll("\\.xml$", "").replaceAll("[^A-Za-z0-9_-]", "_") + "-" + Long.toHexString(stamp);
        }

        @Override
        public XmlRenderTheme xml() {
            try {
                return new ExternalRenderTheme(file.toFile());
            } catch (FileNotFoundException e) {
                throw new UncheckedIOException(file + ": render theme not found", e);
            }
        }
    }

    /** "default", "accessibility" or a path to an XML theme. */
    static MapTheme parse(String text) {
        return switch (text) {
            case "default" -> new MapsforgeDefault();
            case "accessibility", "seuil-accessibility" -> new Accessibility();
            default -> new External(Path.of(text));
        };
    }
}
