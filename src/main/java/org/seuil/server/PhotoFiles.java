package org.seuil.server;

import java.io.ByteArrayOutputStream;
import java.util.Optional;
import org.seuil.sync.protocol.Problem;

/**
 * Which photo files the server takes (by their first bytes, never by a client's word) and the
 * removal of JPEG metadata that could identify a person: APP1 (EXIF with GPS and camera serial,
 * XMP) and APP13 (IPTC) segments.
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
     * Copies a JPEG without its APP1 and APP13 segments. The segments before the image data
     * (start of scan) are walked one by one; a length running past the end is a broken file.
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
            if (marker == 0xDA) { // start of scan: the rest is image data
                out.write(jpeg, i, jpeg.length - i);
                return out.toByteArray();
            }
            int length = ((jpeg[i + 2] & 0xff) << 8) | (jpeg[i + 3] & 0xff);
            if (length < 2 || i + 2 + length > jpeg.length) {
                throw Problem.badRequest("the JPEG is broken at byte " + i + ": segment length " + length + " runs past the end", -1, null);
            }
            if (marker != 0xE1 && marker != 0xED) {
                out.write(jpeg, i, 2 + length);
            }
            i += 2 + length;
        }
    }
}
