package org.seuil.formats.osm;

import com.google.protobuf.InvalidProtocolBufferException;
import crosby.binary.BinaryParser;
import crosby.binary.Fileformat;
import crosby.binary.Osmformat;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.seuil.formats.InputException;

/**
 * Reads OSM PBF: the blob framing here, the blocks with osmpbf's {@link BinaryParser} (string
 * tables, granularity, offsets) and its protobuf classes. Errors name the blob (1 is the header
 * blob) and, inside it, the element.
 *
 * <p>Why not osmpbf's {@code BlockInputStream}: it ends its read loop on any {@code EOFException},
 * so a file cut in the middle of a blob reads as complete, and it checks that a blob inflated to its
 * stated size only with a Java {@code assert}, so damaged data can pass as zeros. The framing is
 * twenty lines; here it checks both.
 */
final class OsmPbfParser extends BinaryParser {
    private static final Set<String> SUPPORTED_FEATURES = Set.of("OsmSchema-V0.6", "DenseNodes");
    /** Limits of the PBF specification. */
    private static final int MAX_HEADER = 64 * 1024;
    private static final int MAX_BLOB = 32 * 1024 * 1024;
    private final String file;
    private final OsmSink sink;
    private int blob;
    private boolean headerSeen;

    private OsmPbfParser(String file, OsmSink sink) {
        this.file = file;
        this.sink = sink;
    }

    static void parse(InputStream in, String file, OsmSink sink) throws IOException {
        new OsmPbfParser(file, sink).run(new DataInputStream(in));
    }

    private void run(DataInputStream in) throws IOException {
        while (true) {
            int first = in.read();
            if (first < 0) {
                break; // PBF has no end marker: a file ends cleanly between two blobs
            }
            blob++;
            byte[] lengthRest = in.readNBytes(3);
            if (lengthRest.length < 3) {
                throw error(null, "truncated: the file ends inside the header of this blob");
            }
            int headerLength = (first << 24) | ((lengthRest[0] & 0xFF) << 16) | ((lengthRest[1] & 0xFF) << 8) | (lengthRest[2] & 0xFF);
            if (headerLength <= 0 || headerLength > MAX_HEADER) {
                throw error(null, "corrupt: a blob header of " + headerLength + " bytes (at most " + MAX_HEADER + "): not an OSM PBF file?");
            }
            byte[] headerBytes = in.readNBytes(headerLength);
            if (headerBytes.length < headerLength) {
                throw error(null, "truncated: the file ends inside the header of this blob");
            }
            Fileformat.BlobHeader header;
            try {
                header = Fileformat.BlobHeader.parseFrom(headerBytes);
            } catch (InvalidProtocolBufferException e) {
                throw error(e, "corrupt blob header: " + e.getMessage());
            }
            int size = header.getDatasize();
            if (size <= 0 || size > MAX_BLOB) {
                throw error(null, "corrupt: a blob of " + size + " bytes (at most " + MAX_BLOB + ")");
            }
            byte[] data = in.readNBytes(size);
            if (data.length < size) {
                throw error(null, "truncated: the file ends " + (size - data.length) + " bytes before the end of this blob");
            }
            block(header.getType(), data);
        }
        if (!headerSeen) {
            throw new InputException(file, null, null, "holds no OSMHeader blob: empty, or not an OSM PBF file");
        }
    }

    private void block(String type, byte[] data) {
        if (blob == 1 && !type.equals("OSMHeader")) {
            throw error(null, "is a '" + ElementValues.abbreviate(type) + "' blob, not OSMHeader: not an OSM PBF file");
        }
        if (!type.equals("OSMHeader") && !type.equals("OSMData")) {
            return; // the specification asks readers to skip blob types they do not know
        }
        try {
            byte[] content = content(Fileformat.Blob.parseFrom(data));
            if (type.equals("OSMHeader")) {
                parse(Osmformat.HeaderBlock.parseFrom(content));
            } else {
                parse(Osmformat.PrimitiveBlock.parseFrom(content));
            }
        } catch (InvalidProtocolBufferException e) {
            throw error(e, "corrupt " + type + " blob: " + e.getMessage());
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw error(e, "corrupt " + type + " blob: " + e);
        }
    }

    private byte[] content(Fileformat.Blob blob) {
        if (blob.hasRaw()) {
            return blob.getRaw().toByteArray();
        }
        if (!blob.hasZlibData()) {
            throw error(null, "compressed with " + blob.getDataCase() + ", which this reader does not read (only zlib or none)");
        }
        int rawSize = blob.getRawSize();
        if (rawSize <= 0 || rawSize > MAX_BLOB) {
            throw error(null, "corrupt: raw_size " + rawSize + " (at most " + MAX_BLOB + ")");
        }
        byte[] content = new byte[rawSize];
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(blob.getZlibData().toByteArray());
            int inflated = inflater.inflate(content);
            if (inflated != rawSize || !inflater.finished()) {
                throw error(null, "corrupt zlib data: it does not inflate to exactly raw_size " + rawSize + " bytes (stopped at "
                        + inflated + (inflater.finished() ? ")" : ", unfinished)"));
            }
        } catch (DataFormatException e) {
            throw error(e, "corrupt zlib data: " + e.getMessage());
        } finally {
            inflater.end();
        }
        return content;
    }

    /** Part of osmpbf's {@code BlockReaderAdapter}; {@link #run} reads the framing, so nothing calls it. */
    @Override
    public void complete() {
        throw new UnsupportedOperationException("OsmPbfParser reads its own blob framing");
    }

    private InputException error(Throwable cause, String reason) {
        return new InputException(file, "blob " + blob, null, reason, cause);
    }

    @Override
    protected void parse(Osmformat.HeaderBlock header) {
        headerSeen = true;
        for (String feature : header.getRequiredFeaturesList()) {
            if (!SUPPORTED_FEATURES.contains(feature)) {
                throw new InputException(file, "blob " + blob, "required_features", "needs '" + feature
                        + "', which this reader does not support (only " + SUPPORTED_FEATURES + ")");
            }
        }
        if (header.hasOsmosisReplicationTimestamp()) {
            sink.extractTimestamp(Instant.ofEpochSecond(header.getOsmosisReplicationTimestamp()));
        }
    }

    @Override
    protected void parseNodes(List<Osmformat.Node> nodes) {
        for (Osmformat.Node node : nodes) {
            if (node.hasInfo() && node.getInfo().hasVisible() && !node.getInfo().getVisible()) {
                continue;
            }
            String where = where(ElementType.NODE, node.getId());
            long id = ElementValues.positive(file, where, "id", node.getId());
            double lat = ElementValues.latitude(file, where, parseLat(node.getLat()));
            double lon = ElementValues.longitude(file, where, parseLon(node.getLon()));
            sink.node(id, lat, lon, timestamp(node.hasInfo() ? node.getInfo() : null), tags(node.getKeysList(), node.getValsList(), where));
        }
    }

    @Override
    protected void parseDense(Osmformat.DenseNodes dense) {
        int count = dense.getIdCount();
        if (dense.getLatCount() != count || dense.getLonCount() != count) {
            throw new InputException(file, "blob " + blob, "dense", count + " ids but " + dense.getLatCount() + " lats and "
                    + dense.getLonCount() + " lons");
        }
        boolean times = dense.hasDenseinfo() && dense.getDenseinfo().getTimestampCount() == count;
        boolean visibility = dense.hasDenseinfo() && dense.getDenseinfo().getVisibleCount() == count;
        long id = 0;
        long lat = 0;
        long lon = 0;
        long time = 0;
        int keyValue = 0;
        int keyValues = dense.getKeysValsCount();
        for (int i = 0; i < count; i++) {
            id += dense.getId(i);
            lat += dense.getLat(i);
            lon += dense.getLon(i);
            if (times) {
                time += dense.getDenseinfo().getTimestamp(i);
            }
            String where = where(ElementType.NODE, id);
            OsmTags tags = OsmTags.NONE;
            if (keyValue < keyValues) {
                int start = keyValue;
                while (keyValue < keyValues && dense.getKeysVals(keyValue) != 0) {
                    keyValue += 2;
                }
                if (keyValue > keyValues) {
                    throw new InputException(file, where, "keys_vals", "a key without a value");
                }
                if (keyValue > start) {
                    String[] pairs = new String[keyValue - start];
                    for (int k = start; k < keyValue; k++) {
                        pairs[k - start] = string(dense.getKeysVals(k), where);
                    }
                    tags = new OsmTags(pairs);
                }
                keyValue++; // the 0 that ends this node's tags
            }
            if (visibility && !dense.getDenseinfo().getVisible(i)) {
                continue;
            }
            ElementValues.positive(file, where, "id", id);
            double latitude = ElementValues.latitude(file, where, parseLat(lat));
            double longitude = ElementValues.longitude(file, where, parseLon(lon));
            sink.node(id, latitude, longitude, times ? time * date_granularity : OsmSink.NO_TIMESTAMP, tags);
        }
    }

    @Override
    protected void parseWays(List<Osmformat.Way> ways) {
        for (Osmformat.Way way : ways) {
            if (way.hasInfo() && way.getInfo().hasVisible() && !way.getInfo().getVisible()) {
                continue;
            }
            String where = where(ElementType.WAY, way.getId());
            long id = ElementValues.positive(file, where, "id", way.getId());
            long[] refs = new long[way.getRefsCount()];
            long ref = 0;
            for (int i = 0; i < refs.length; i++) {
                ref += way.getRefs(i);
                refs[i] = ElementValues.positive(file, where, "refs", ref);
            }
            sink.way(id, timestamp(way.hasInfo() ? way.getInfo() : null), tags(way.getKeysList(), way.getValsList(), where), refs);
        }
    }

    @Override
    protected void parseRelations(List<Osmformat.Relation> relations) {
        for (Osmformat.Relation relation : relations) {
            if (relation.hasInfo() && relation.getInfo().hasVisible() && !relation.getInfo().getVisible()) {
                continue;
            }
            String where = where(ElementType.RELATION, relation.getId());
            long id = ElementValues.positive(file, where, "id", relation.getId());
            int count = relation.getMemidsCount();
            if (relation.getTypesCount() != count || relation.getRolesSidCount() != count) {
                throw new InputException(file, where, "memids", count + " members but " + relation.getTypesCount() + " types and "
                        + relation.getRolesSidCount() + " roles");
            }
            ElementType[] types = new ElementType[count];
            long[] refs = new long[count];
            String[] roles = new String[count];
            long ref = 0;
            for (int i = 0; i < count; i++) {
                ref += relation.getMemids(i);
                refs[i] = ElementValues.positive(file, where, "memids", ref);
                types[i] = switch (relation.getTypes(i)) {
                    case NODE -> ElementType.NODE;
                    case WAY -> ElementType.WAY;
                    case RELATION -> ElementType.RELATION;
                };
                roles[i] = string(relation.getRolesSid(i), where);
            }
            sink.relation(id, timestamp(relation.hasInfo() ? relation.getInfo() : null),
                    tags(relation.getKeysList(), relation.getValsList(), where), new RelationMembers(types, refs, roles));
        }
    }

    private long timestamp(Osmformat.Info info) {
        return info != null && info.hasTimestamp() ? info.getTimestamp() * date_granularity : OsmSink.NO_TIMESTAMP;
    }

    private OsmTags tags(List<Integer> keys, List<Integer> values, String where) {
        if (keys.size() != values.size()) {
            throw new InputException(file, where, "keys", keys.size() + " keys but " + values.size() + " values");
        }
        if (keys.isEmpty()) {
            return OsmTags.NONE;
        }
        String[] pairs = new String[keys.size() * 2];
        for (int i = 0; i < keys.size(); i++) {
            pairs[2 * i] = string(keys.get(i), where);
            pairs[2 * i + 1] = string(values.get(i), where);
        }
        return new OsmTags(pairs);
    }

    private String string(int index, String where) {
        try {
            return getStringById(index);
        } catch (IndexOutOfBoundsException e) {
            throw new InputException(file, where, "stringtable", "index " + index + " is past the end of the blob's string table");
        }
    }

    private String where(ElementType type, long id) {
        return "blob " + blob + ", " + type.ref(id);
    }
}
