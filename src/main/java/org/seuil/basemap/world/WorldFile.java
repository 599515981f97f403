package org.seuil.basemap.world;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The compact world outline file shipped as {@code maps/world.bin}: TopoJSON's topology written
 * as gzipped binary. Layout (after gunzip; integers are unsigned LEB128 varints, "zig" ones are
 * zigzag-encoded signed varints, doubles big-endian IEEE 754):
 * <pre>
 *   magic "SWLD", version byte (1)
 *   double scaleX, scaleY, translateX, translateY      lon = x*scaleX+translateX, lat = y*scaleY+translateY
 *   arcCount, then per arc: pointCount, then per point zig dx, zig dy (from the previous point; the first from 0,0)
 *   land: polygonCount, polygons
 *   countries: count, then per country: string id, string name, polygonCount, polygons
 *   polygon: ringCount, then per ring: refCount, zig ref (negative ~i = arc i reversed)
 *   string: byteLength, UTF-8 bytes
 * </pre>
 */
public final class WorldFile {
    private static final byte[] MAGIC = {'S', 'W', 'L', 'D'};
    private static final int VERSION = 1;

    private WorldFile() {
    }

    public static void write(WorldData world, OutputStream target) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(target, 1 << 16) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        };
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gzip));
        out.write(MAGIC);
        out.writeByte(VERSION);
        WorldData.Grid grid = world.grid();
        out.writeDouble(grid.scaleX());
        out.writeDouble(grid.scaleY());
        out.writeDouble(grid.translateX());
        out.writeDouble(grid.translateY());
        writeVarint(out, world.arcs().size());
        for (int[] arc : world.arcs()) {
            writeVarint(out, arc.length / 2);
            int x = 0;
            int y = 0;
            for (int i = 0; i < arc.length; i += 2) {
                writeZig(out, arc[i] - x);
                writeZig(out, arc[i + 1] - y);
                x = arc[i];
                y = arc[i + 1];
            }
        }
        writePolygons(out, world.land());
        writeVarint(out, world.countries().size());
        for (WorldData.Country country : world.countries()) {
            writeString(out, country.id());
            writeString(out, country.name());
            writePolygons(out, country.polygons());
        }
        out.flush();
        gzip.finish();
    }

    public static WorldData read(InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source, 1 << 16)));
        try {
            byte[] magic = in.readNBytes(4);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IOException("not a Seuil world file (bad magic)");
            }
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IOException("world file version " + version + " is not supported (expected " + VERSION + ")");
            }
            WorldData.Grid grid = new WorldData.Grid(in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
            int arcCount = readCount(in, "arc count");
            List<int[]> arcs = new ArrayList<>(arcCount);
            for (int a = 0; a < arcCount; a++) {
                int points = readCount(in, "point count of arc " + a);
                int[] arc = new int[points * 2];
                int x = 0;
                int y = 0;
                for (int i = 0; i < arc.length; i += 2) {
                    x += readZig(in);
                    y += readZig(in);
                    arc[i] = x;
                    arc[i + 1] = y;
                }
                arcs.add(arc);
            }
            List<WorldData.Polygon> land = readPolygons(in);
            int countryCount = readCount(in, "country count");
            List<WorldData.Country> countries = new ArrayList<>(countryCount);
            for (int c = 0; c < countryCount; c++) {
                countries.add(new WorldData.Country(readString(in), readString(in), readPolygons(in)));
            }
            return new WorldData(grid, arcs, land, countries);
        } catch (EOFException e) {
            throw new IOException("world file is truncated", e);
        } catch (IllegalArgumentException e) {
            throw new IOException("world file is inconsistent: " + e.getMessage(), e);
        }
    }

    private static void writePolygons(DataOutputStream out, List<WorldData.Polygon> polygons) throws IOException {
        writeVarint(out, polygons.size());
        for (WorldData.Polygon polygon : polygons) {
            writeVarint(out, polygon.rings().size());
            for (int[] ring : polygon.rings()) {
                writeVarint(out, ring.length);
                for (int ref : ring) {
                    writeZig(out, ref);
                }
            }
        }
    }

    private static List<WorldData.Polygon> readPolygons(DataInputStream in) throws IOException {
        int count = readCount(in, "polygon count");
        List<WorldData.Polygon> polygons = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            int ringCount = readCount(in, "ring count");
            List<int[]> rings = new ArrayList<>(ringCount);
            for (int r = 0; r < ringCount; r++) {
                int[] refs = new int[readCount(in, "arc reference count")];
                for (int k = 0; k < refs.length; k++) {
                    refs[k] = readZig(in);
                }
                rings.add(refs);
            }
            polygons.add(new WorldData.Polygon(rings));
        }
        return polygons;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        writeVarint(out, bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = readCount(in, "string length");
        if (length > 4096) {
            throw new IOException("world file string of " + length + " bytes is implausible");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static void writeVarint(DataOutputStream out, int value) throws IOException {
        int v = value;
        while ((v & ~0x7F) != 0) {
            out.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.writeByte(v);
    }

    private static void writeZig(DataOutputStream out, int value) throws IOException {
        writeVarint(out, (value << 1) ^ (value >> 31));
    }

    private static int readVarint(DataInputStream in) throws IOException {
        int result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            int b = in.readUnsignedByte();
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new IOException("world file varint is too long");
    }

    private static int readZig(DataInputStream in) throws IOException {
        int v = readVarint(in);
        return (v >>> 1) ^ -(v & 1);
    }

    private static int readCount(DataInputStream in, String what) throws IOException {
        int n = readVarint(in);
        if (n < 0 || n > 10_000_000) {
            throw new IOException("world file " + what + " " + n + " is implausible");
        }
        return n;
    }
}
