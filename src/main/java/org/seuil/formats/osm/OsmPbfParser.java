package org.seuil.formats.osm;

import crosby.binary.BinaryParser;
import crosby.binary.Osmformat;
import crosby.binary.file.BlockInputStream;
import crosby.binary.file.FileBlock;
import crosby.binary.file.FileBlockPosition;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.seuil.formats.InputException;

/**
 * Reads OSM PBF with osmpbf's {@link BlockInputStream} and {@link BinaryParser}. Errors name the
 * blob (1 is the header blob) and, inside it, the element.
 *
 * <p>osmpbf ends its read loop on any {@code EOFException}, so a file cut short in the middle of a
 * blob looks complete to it. We count the bytes it takes from the stream and check, when it says it
 * is done, that it stopped exactly at the end of a blob.
 */
final class OsmPbfParser extends BinaryParser {
    private static final Set<String> SUPPORTED_FEATURES = Set.of("OsmSchema-V0.6", "DenseNodes");
    private final String file;
    private final OsmSink sink;
    private final CountingInputStream counted;
    private int blob;
    private boolean inBlob;
    private long blobEnd;
    private long lastBlobEnd;
    private boolean headerSeen;

    private OsmPbfParser(String file, InputStream in, OsmSink sink) {
        this.file = file;
        this.sink = sink;
        this.counted = new CountingInputStream(in);
    }

    static void parse(InputStream in, String file, OsmSink sink) {
        OsmPbfParser parser = new OsmPbfParser(file, in, sink);
        try {
            new BlockInputStream(parser.counted, parser).process();
        } catch (IOException e) {
            // a blob header too long to be real, or one protobuf cannot read
            throw new InputException(file, "blob " + (parser.blob + 1), null, "corrupt blob header: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean skipBlock(FileBlockPosition block) {
        blob++;
        inBlob = true;
        blobEnd = counted.count + block.getDatasize();
        return false;
    }

    @Override
    public void handleBlock(FileBlock block) {
        inBlob = false;
        lastBlobEnd = counted.count;
        if (blob == 1 && !block.getType().equals("OSMHeader")) {
            throw new InputException(file, "blob 1", null, "is a " + block.getType() + " blob, not OSMHeader: not an OSM PBF file");
        }
        try {
            super.handleBlock(block);
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new InputException(file, "blob " + blob, null, "corrupt " + block.getType() + " blob: " + cause, e);
        }
    }

    @Override
    public void complete() {
        if (inBlob) {
            throw new InputException(file, "blob " + blob, null, "truncated: the file ends " + (blobEnd - counted.count)
                    + " bytes before the end of this blob");
        }
        if (counted.count > lastBlobEnd) {
            throw new InputException(file, "blob " + (blob + 1), null, "truncated: the file ends inside the header of this blob");
        }
        if (!headerSeen) {
            throw new InputException(file, null, null, "holds no OSMHeader blob: empty, or not an OSM PBF file");
        }
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
            double lat = ElementValues.inRange(file, where, "lat", parseLat(node.getLat()));
            double lon = ElementValues.inRange(file, where, "lon", parseLon(node.getLon()));
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
            double latitude = ElementValues.inRange(file, where, "lat", parseLat(lat));
            double longitude = ElementValues.inRange(file, where, "lon", parseLon(lon));
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

    /** Counts the bytes osmpbf takes, to tell a file that ends between blobs from one cut inside a blob. */
    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
