package org.seuil.formats.osm;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.seuil.domain.PlaceRecord;
import org.seuil.formats.InputException;

/**
 * Reads an OpenStreetMap file ({@code .osm}, {@code .osm.gz} or {@code .osm.pbf}, told apart by
 * the name) into an {@link OsmExtract} whose {@link OsmExtract#places()} the store imports. What
 * becomes a place and how tags map to a report: docs/osm-import.md.
 */
public final class OsmReader {
    private static final int BUFFER = 1 << 16;

    private OsmReader() {
    }

    /** The format of a file, from its name. */
    enum Format {
        XML, XML_GZIP, PBF;

        static Format of(String fileName) {
            String name = fileName.toLowerCase(Locale.ROOT);
            if (name.endsWith(".pbf")) {
                return PBF;
            }
            if (name.endsWith(".osm.gz") || name.endsWith(".xml.gz")) {
                return XML_GZIP;
            }
            if (name.endsWith(".osm") || name.endsWith(".xml")) {
                return XML;
            }
            if (name.endsWith(".bz2")) {
                throw new InputException(fileName, null, null, "bzip2 files are not read: decompress it first (bunzip2), or use the .osm.pbf");
            }
            throw new InputException(fileName, null, null, "is not .osm, .osm.gz or .osm.pbf");
        }
    }

    /**
     * Reads the whole file.
     *
     * @throws InputException       when the file is not OSM, is malformed, truncated, or holds impossible values
     * @throws UncheckedIOException when the file cannot be opened or read
     */
    public static OsmExtract read(Path file) {
        String name = file.getFileName().toString();
        Format format = Format.of(name);
        OsmExtract.Builder builder = new OsmExtract.Builder(name);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
            switch (format) {
                case PBF -> OsmPbfParser.parse(raw, name, builder);
                case XML -> OsmXmlParser.parse(raw, name, false, builder);
                case XML_GZIP -> OsmXmlParser.parse(gunzip(raw, name), name, true, builder);
            }
            return builder.build(Files.getLastModifiedTime(file).toInstant());
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
    }

    /** Shorthand for the store: the places of a file. */
    public static Iterator<PlaceRecord> places(Path file) {
        return read(file).places();
    }

    /** Signals a gzip stream that ends before its data does; see {@link TruncationAwareStream}. */
    static final class TruncatedGzipException extends IOException {
        TruncatedGzipException(EOFException cause) {
            super("truncated gzip: the file ends before its compressed data does", cause);
        }
    }

    /**
     * The JDK's XML parser takes an {@link EOFException} from its input for the end of the document
     * and reports "premature end of file" at the last line it saw, which hides the real fault. This
     * turns the gzip stream's EOF into an exception the parser passes on.
     */
    private static final class TruncationAwareStream extends FilterInputStream {
        TruncationAwareStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (EOFException e) {
                throw new TruncatedGzipException(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (EOFException e) {
                throw new TruncatedGzipException(e);
            }
        }
    }

    private static InputStream gunzip(InputStream raw, String name) throws IOException {
        try {
            return new BufferedInputStream(new TruncationAwareStream(new GZIPInputStream(raw, BUFFER)), BUFFER);
        } catch (ZipException e) {
            throw new InputException(name, null, null, "is not gzip-compressed: " + e.getMessage(), e);
        } catch (EOFException e) {
            throw new InputException(name, null, null, "truncated gzip: the file ends inside the gzip header", e);
        }
    }
}
