package org.seuil.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import org.seuil.sync.protocol.Problem;

/**
 * Which photo files the server takes (by their first bytes, never by a client's word) and the
 * removal of metadata that could identify a person (EXIF with GPS position and camera serial,
 * XMP, IPTC, text comments, times): in JPEG every segment but those that draw the picture, and
 * anything after its end; in PNG every chunk but those
 * that draw the picture; in WebP every chunk but those that draw it (EXIF and XMP dropped, the
 * VP8X flags and RIFF size fixed). Files whose structure does not hold together are refused
 * rather than stored half-stripped.
 */
final class PhotoFiles {
    private PhotoFiles() {
    }

    static Optional<String> mediaType(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return Optional.of("image/jpeg");
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return Optional.of("image/png");
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    /**
     * Copies a JPEG keeping only the segments that draw the picture: APP0 (JFIF), APP2 when it is an
     * ICC profile, APP14 when it is Adobe's colour transform, and the non-APP segments (tables,
     * frame, restart interval); COM, EXIF/XMP (APP1), IPTC (APP13) and every other APPn go. The
     * segments before the image data (start of scan) are walked one by one; a length running past
     * the end, or a marker that is not one, is a broken file. The copy ends at the end-of-image
     * marker: whatever a camera appends after it (a second JPEG with its own EXIF) is dropped.
     */
    static byte[] stripJpegMetadata(byte[] jpeg) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length);
        out.write(jpeg, 0, 2);
        int i = 2;
        while (true) {
            if (i + 4 > jpeg.length || (jpeg[i] & 0xff) != 0xFF) {
                throw Problem.badRequest("the JPEG is broken at byte " + i + ": expected a segment marker", -1, null);
            }
            int marker = jpeg[i + 1] & 0xff;
            if (marker == 0xDA) { // start of scan: image data up to the end-of-image marker
                out.write(jpeg, i, endOfImage(jpeg, i) - i);
                return out.toByteArray();
            }
            if (marker == 0xFF || marker == 0x00 || marker == 0xD8 || marker == 0xD9) {
                // Fill bytes or a misplaced marker would let a decoder see segments this walk skips.
                throw Problem.badRequest("the JPEG is broken at byte " + i + ": marker 0x" + Integer.toHexString(marker)
                        + " before the image data", -1, null);
            }
            int length = ((jpeg[i + 2] & 0xff) << 8) | (jpeg[i + 3] & 0xff);
            if (length < 2 || i + 2 + length > jpeg.length) {
                throw Problem.badRequest("the JPEG is broken at byte " + i + ": segment length " + length + " runs past the end", -1, null);
            }
            if (keepsJpegSegment(jpeg, i, marker, length)) {
                out.write(jpeg, i, 2 + length);
            }
            i += 2 + length;
        }
    }

    private static boolean keepsJpegSegment(byte[] jpeg, int at, int marker, int length) {
        if (marker == 0xFE) {
            return false; // COM: free text
        }
        if (marker < 0xE0 || marker > 0xEF) {
            return true; // tables, frame header, restart interval
        }
        return marker == 0xE0
                || (marker == 0xE2 && startsWith(jpeg, at + 4, length - 2, "ICC_PROFILE\0"))
                || (marker == 0xEE && startsWith(jpeg, at + 4, length - 2, "Adobe"));
    }

    private static boolean startsWith(byte[] b, int from, int available, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
        return available >= p.length && Arrays.equals(b, from, from + p.length, p, 0, p.length);
    }

    /**
     * Where the picture ends: just after the first end-of-image marker from the scan on (inside the
     * entropy-coded data a 0xFF byte is always followed by 0x00 or a restart/scan marker, so the first
     * 0xFFD9 is the real end), or the end of the file when it lacks one.
     */
    private static int endOfImage(byte[] jpeg, int from) {
        for (int i = from; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xFF && (jpeg[i + 1] & 0xff) == 0xD9) {
                return i + 2;
            }
        }
        return jpeg.length;
    }

    /** Removes the metadata of a photo of this media type (see the class comment). */
    static byte[] stripMetadata(String mediaType, byte[] bytes) {
        return switch (mediaType) {
            case "image/jpeg" -> stripJpegMetadata(bytes);
            case "image/png" -> stripPngMetadata(bytes);
            case "image/webp" -> stripWebpMetadata(bytes);
            default -> throw new IllegalArgumentException("no metadata rule for " + mediaType);
        };
    }

    /**
     * PNG chunks kept: the critical ones, transparency and colour (tRNS, gAMA, cHRM, sRGB, iCCP,
     * cICP, sBIT, bKGD, hIST, pHYs) and animation (acTL, fcTL, fdAT). Everything else goes: tEXt,
     * zTXt and iTXt (comments, author, XMP), eXIf, tIME and any private chunk. Kept chunks are
     * copied with their own CRC.
     */
    private static final Set<String> PNG_KEPT = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB",
            "iCCP", "cICP", "sBIT", "bKGD", "hIST", "pHYs", "acTL", "fcTL", "fdAT");

    static byte[] stripPngMetadata(byte[] png) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(png.length);
        out.write(png, 0, 8);
        int i = 8;
        boolean first = true;
        while (true) {
            if (i + 12 > png.length) {
                throw Problem.badRequest("the PNG is broken at byte " + i + ": it ends before its IEND chunk", -1, null);
            }
            long length = readInt(png, i);
            String type = new String(png, i + 4, 4, StandardCharsets.ISO_8859_1);
            if (length > png.length - i - 12L) {
                throw Problem.badRequest("the PNG is broken at byte " + i + ": chunk " + type + " of " + length + " bytes runs past the end", -1, null);
            }
            if (first && !type.equals("IHDR")) {
                throw Problem.badRequest("the PNG is broken: its first chunk is " + type + ", not IHDR", -1, null);
            }
            first = false;
            int whole = 12 + (int) length;
            if (PNG_KEPT.contains(type)) {
                out.write(png, i, whole);
            }
            i += whole;
            if (type.equals("IEND")) {
                return out.toByteArray(); // anything after IEND is not part of the picture
            }
        }
    }

    /** WebP chunks kept: what draws the picture (VP8, VP8L, ALPH, animation) and its colour profile. */
    private static final Set<String> WEBP_KEPT = Set.of("VP8X", "VP8 ", "VP8L", "ALPH", "ANIM", "ANMF", "ICCP");
    /** VP8X flag bits (first byte of its payload) announcing EXIF and XMP chunks. */
    private static final int VP8X_EXIF = 0x08;
    private static final int VP8X_XMP = 0x04;

    static byte[] stripWebpMetadata(byte[] webp) {
        long riff = readIntLittleEndian(webp, 4);
        if (riff < 4 || riff > webp.length - 8L) {
            throw Problem.badRequest("the WebP is broken: its RIFF size " + riff + " does not fit the " + webp.length + " bytes sent", -1, null);
        }
        int end = 8 + (int) riff;
        ByteArrayOutputStream chunks = new ByteArrayOutputStream(webp.length);
        int i = 12;
        while (i < end) {
            if (i + 8 > end) {
                throw Problem.badRequest("the WebP is broken at byte " + i + ": a chunk header runs past the end", -1, null);
            }
            String type = new String(webp, i, 4, StandardCharsets.ISO_8859_1);
            long size = readIntLittleEndian(webp, i + 4);
            if (size > end - i - 8L) {
                throw Problem.badRequest("the WebP is broken at byte " + i + ": chunk " + type + " of " + size + " bytes runs past the end", -1, null);
            }
            byte[] chunk = Arrays.copyOfRange(webp, i, i + 8 + (int) size);
            if (WEBP_KEPT.contains(type)) {
                if (type.equals("VP8X") && size >= 1) {
                    chunk[8] &= (byte) ~(VP8X_EXIF | VP8X_XMP);
                }
                chunks.writeBytes(chunk);
                if ((size & 1) == 1) {
                    chunks.write(0); // chunks start at even offsets
                }
            }
            i = (int) Math.min(end, i + 8 + size + (size & 1));
        }
        if (chunks.size() == 0) {
            throw Problem.badRequest("the WebP holds no image chunk", -1, null);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(chunks.size() + 12);
        out.writeBytes("RIFF".getBytes(StandardCharsets.ISO_8859_1));
        int size = 4 + chunks.size();
        out.write(size);
        out.write(size >>> 8);
        out.write(size >>> 16);
        out.write(size >>> 24);
        out.writeBytes("WEBP".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(chunks.toByteArray());
        return out.toByteArray();
    }

    private static long readInt(byte[] b, int at) {
        return ((b[at] & 0xffL) << 24) | ((b[at + 1] & 0xffL) << 16) | ((b[at + 2] & 0xffL) << 8) | (b[at + 3] & 0xffL);
    }

    private static long readIntLittleEndian(byte[] b, int at) {
        return (b[at] & 0xffL) | ((b[at + 1] & 0xffL) << 8) | ((b[at + 2] & 0xffL) << 16) | ((b[at + 3] & 0xffL) << 24);
    }
}
