package org.seuil.formats.osm;

import com.google.protobuf.ByteString;
import crosby.binary.Fileformat;
import crosby.binary.Osmformat;
import crosby.binary.file.BlockOutputStream;
import crosby.binary.file.FileBlock;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small PBF files written with osmpbf itself, and the blob layout of real ones. */
final class PbfFiles {
    private PbfFiles() {
    }

    /** Where a blob starts in a file, and where its data (after the header) starts and ends. */
    record Blob(long start, long dataStart, long end) {
    }

    static List<Blob> blobs(Path file) throws IOException {
        List<Blob> blobs = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            long offset = 0;
            while (true) {
                int headerLength;
                try {
                    headerLength = in.readInt();
                } catch (EOFException end) {
                    return blobs;
                }
                byte[] header = new byte[headerLength];
                in.readFully(header);
                int dataSize = Fileformat.BlobHeader.parseFrom(header).getDatasize();
                in.skipNBytes(dataSize);
                long dataStart = offset + 4 + headerLength;
                blobs.add(new Blob(offset, dataStart, dataStart + dataSize));
                offset = dataStart + dataSize;
            }
        }
    }

    /** A file of a header blob and one data blob holding the given groups; strings index the string table. */
    static byte[] write(List<String> strings, Osmformat.PrimitiveGroup... groups) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BlockOutputStream out = new BlockOutputStream(bytes);
        Osmformat.HeaderBlock header = Osmformat.HeaderBlock.newBuilder()
                .addRequiredFeatures("OsmSchema-V0.6").addRequiredFeatures("DenseNodes")
                .setOsmosisReplicationTimestamp(1_618_963_200L).build();
        out.write(FileBlock.newInstance("OSMHeader", header.toByteString(), null));
        Osmformat.StringTable.Builder table = Osmformat.StringTable.newBuilder().addS(ByteString.EMPTY);
        for (String s : strings) {
            table.addS(ByteString.copyFrom(s, StandardCharsets.UTF_8));
        }
        Osmformat.PrimitiveBlock.Builder block = Osmformat.PrimitiveBlock.newBuilder().setStringtable(table);
        for (Osmformat.PrimitiveGroup group : groups) {
            block.addPrimitivegroup(group);
        }
        out.write(FileBlock.newInstance("OSMData", block.build().toByteString(), null));
        out.close();
        return bytes.toByteArray();
    }

    /** Degrees in the default granularity of 100 nanodegrees. */
    static long units(double degrees) {
        return Math.round(degrees * 1e7);
    }

    static byte[] readPrefix(Path file, long length) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes((int) length);
        }
    }
}
