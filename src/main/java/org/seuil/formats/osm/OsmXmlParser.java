package org.seuil.formats.osm;

import java.io.EOFException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipException;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.seuil.formats.InputException;

/**
 * Reads OSM XML (API 0.6, as osmium, osmosis, Overpass and JOSM write it) with StAX, streaming, so
 * the file size does not matter. DTDs and external entities are refused: an OSM file needs neither,
 * and both are ways to make a parser read other files or blow up memory.
 */
final class OsmXmlParser {
    private final String file;
    private final boolean gzipped;
    private final OsmSink sink;

    private ElementType type;
    private long id;
    private String location;
    private long timestamp;
    private double lat;
    private double lon;
    private boolean skip;
    private final List<String> tags = new ArrayList<>();
    private long[] refs = new long[64];
    private int refCount;
    private final List<ElementType> memberTypes = new ArrayList<>();
    private final List<String> memberRoles = new ArrayList<>();

    private OsmXmlParser(String file, boolean gzipped, OsmSink sink) {
        this.file = file;
        this.gzipped = gzipped;
        this.sink = sink;
    }

    static void parse(InputStream in, String file, boolean gzipped, OsmSink sink) {
        new OsmXmlParser(file, gzipped, sink).run(in);
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    private void run(InputStream in) {
        XMLStreamReader reader = null;
        try {
            reader = secureFactory().createXMLStreamReader(in);
            boolean rootSeen = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (!rootSeen) {
                        rootSeen = true;
                        root(reader);
                    } else {
                        start(reader);
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    end(reader.getLocalName());
                }
            }
            if (!rootSeen) {
                throw new InputException(file, null, null, "holds no XML element");
            }
        } catch (XMLStreamException e) {
            throw translate(e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // the reader holds nothing a failed close would leak; the stream is closed by our caller
                }
            }
        }
    }

    private void root(XMLStreamReader reader) {
        if (!reader.getLocalName().equals("osm")) {
            throw new InputException(file, where(reader), null,
                    "the root element is <" + reader.getLocalName() + ">, not <osm>: not an OSM XML file");
        }
        String time = reader.getAttributeValue(null, "timestamp");
        if (time != null) {
            extractTime(reader, time);
        }
    }

    private void extractTime(XMLStreamReader reader, String time) {
        long millis = ElementValues.timestamp(file, where(reader), "timestamp", time);
        sink.extractTimestamp(Instant.ofEpochMilli(millis));
    }

    private void start(XMLStreamReader reader) {
        String name = reader.getLocalName();
        switch (name) {
            case "node", "way", "relation" -> element(reader, ElementType.fromOsm(name));
            case "tag" -> {
                if (type != null) {
                    tags.add(required(reader, "k"));
                    tags.add(required(reader, "v"));
                }
            }
            case "nd" -> {
                if (type == ElementType.WAY) {
                    addRef(ElementValues.id(file, location, "nd.ref", reader.getAttributeValue(null, "ref")));
                }
            }
            case "member" -> {
                if (type == ElementType.RELATION) {
                    member(reader);
                }
            }
            case "meta" -> {
                String base = reader.getAttributeValue(null, "osm_base");
                if (base != null) {
                    extractTime(reader, base);
                }
            }
            default -> {
                // bounds, changeset, note...: nothing that makes a place
            }
        }
    }

    private void element(XMLStreamReader reader, ElementType elementType) {
        if (type != null) {
            throw new InputException(file, where(reader), null, "<" + elementType.osm() + "> inside " + type.ref(id));
        }
        type = elementType;
        String line = where(reader);
        id = ElementValues.id(file, line, "id", reader.getAttributeValue(null, "id"));
        location = line + ", " + type.ref(id);
        skip = "false".equals(reader.getAttributeValue(null, "visible")) || "delete".equals(reader.getAttributeValue(null, "action"));
        timestamp = ElementValues.timestamp(file, location, "timestamp", reader.getAttributeValue(null, "timestamp"));
        if (type == ElementType.NODE && !skip) {
            lat = ElementValues.latitude(file, location, reader.getAttributeValue(null, "lat"));
            lon = ElementValues.longitude(file, location, reader.getAttributeValue(null, "lon"));
        }
    }

    private void member(XMLStreamReader reader) {
        String typeText = required(reader, "type");
        ElementType memberType = ElementType.fromOsm(typeText);
        if (memberType == null) {
            throw new InputException(file, location, "member.type", "'" + ElementValues.abbreviate(typeText) + "' is not node, way or relation");
        }
        addRef(ElementValues.id(file, location, "member.ref", reader.getAttributeValue(null, "ref")));
        memberTypes.add(memberType);
        String role = reader.getAttributeValue(null, "role");
        memberRoles.add(role == null ? "" : role);
    }

    private void end(String name) {
        ElementType ended = ElementType.fromOsm(name);
        if (ended == null || ended != type) {
            return;
        }
        if (!skip) {
            OsmTags elementTags = tags.isEmpty() ? OsmTags.NONE : new OsmTags(tags.toArray(String[]::new));
            long[] elementRefs = Arrays.copyOf(refs, refCount);
            switch (type) {
                case NODE -> sink.node(id, lat, lon, timestamp, elementTags);
                case WAY -> sink.way(id, timestamp, elementTags, elementRefs);
                case RELATION -> sink.relation(id, timestamp, elementTags, new RelationMembers(
                        memberTypes.toArray(ElementType[]::new), elementRefs, memberRoles.toArray(String[]::new)));
            }
        }
        type = null;
        tags.clear();
        refCount = 0;
        memberTypes.clear();
        memberRoles.clear();
    }

    private void addRef(long ref) {
        if (refCount == refs.length) {
            refs = Arrays.copyOf(refs, refCount * 2);
        }
        refs[refCount++] = ref;
    }

    private String required(XMLStreamReader reader, String attribute) {
        String value = reader.getAttributeValue(null, attribute);
        if (value == null) {
            throw new InputException(file, where(reader), reader.getLocalName() + "." + attribute, "is missing");
        }
        return value;
    }

    private static String where(XMLStreamReader reader) {
        return where(reader.getLocation());
    }

    private static String where(Location location) {
        if (location == null || location.getLineNumber() < 0) {
            return null;
        }
        return "line " + location.getLineNumber() + (location.getColumnNumber() >= 0 ? ", column " + location.getColumnNumber() : "");
    }

    /** A StAX error as the user needs it: where in the file, and a truncated or corrupt gzip said as such. */
    private InputException translate(XMLStreamException e) {
        for (Throwable cause = e; cause != null; cause = next(cause)) {
            if (gzipped && (cause instanceof OsmReader.TruncatedGzipException || cause instanceof EOFException)) {
                return new InputException(file, null, null, "truncated gzip: the file ends before its compressed data does", e);
            }
            if (gzipped && cause instanceof ZipException) {
                return new InputException(file, null, null, "corrupt gzip: " + cause.getMessage(), e);
            }
        }
        String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
        int at = message.indexOf("Message: ");
        if (at >= 0) {
            message = message.substring(at + "Message: ".length());
        }
        return new InputException(file, where(e.getLocation()), null, "malformed XML: " + message.strip(), e);
    }

    private static Throwable next(Throwable t) {
        if (t instanceof XMLStreamException x && x.getNestedException() != null && x.getNestedException() != t) {
            return x.getNestedException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
