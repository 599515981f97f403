package org.seuil.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.sync.protocol.ProtocolException;

/**
 * Metadata that could identify a person leaves JPEG, PNG and WebP uploads, and the picture stays:
 * files built here the way cameras and phones write them (ImageIO's JPEG encoder plus EXIF, comment,
 * maker and ICC segments and an appended second JPEG; ImageIO's PNG encoder plus text, eXIf and
 * tIME chunks; a lossless WebP in the extended format with EXIF and XMP chunks).
 */
class PhotoFilesTest {
    private static final String SECRET = "GPS 43.7384N 7.4246E camera SERIAL-1234 owner Alice Martin";
    /** A 1x1 lossless WebP (VP8L), as libwebp writes it. */
    private static final byte[] VP8L_1X1 = Arrays.copyOfRange(
            Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA=="), 12, 34);

    @TempDir
    Path dir;

    @Test
    void pngTextExifAndTimeChunksAreDroppedAndThePictureIsUnchanged() throws Exception {
        BufferedImage image = new BufferedImage(5, 3, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 5; x++) {
            for (int y = 0; y < 3; y++) {
                image.setRGB(x, y, (x * 50) << 16 | (y * 80) << 8 | 0x33);
            }
        }
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        ImageIO.write(image, "png", encoded);
        byte[] plain = encoded.toByteArray();
        // After IHDR (8-byte signature + 25-byte chunk), the chunks a phone or an editor adds.
        ByteArrayOutputStream withMetadata = new ByteArrayOutputStream();
        withMetadata.write(plain, 0, 33);
        withMetadata.writeBytes(pngChunk("pHYs", new byte[] {0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1}));
        withMetadata.writeBytes(pngChunk("tEXt", ("Author\0" + SECRET).getBytes(StandardCharsets.ISO_8859_1)));
        withMetadata.writeBytes(pngChunk("eXIf", ("MM\0*" + SECRET).getBytes(StandardCharsets.ISO_8859_1)));
        withMetadata.writeBytes(pngChunk("iTXt", ("XML:com.adobe.xmp\0\0\0\0\0<x:xmpmeta>" + SECRET + "</x:xmpmeta>").getBytes(StandardCharsets.UTF_8)));
        withMetadata.writeBytes(pngChunk("tIME", new byte[] {0x07, (byte) 0xE9, 3, 1, 10, 0, 0}));
        withMetadata.write(plain, 33, plain.length - 33);
        byte[] upload = withMetadata.toByteArray();
        assertEquals("image/png", PhotoFiles.mediaType(upload).orElseThrow());

        byte[] kept = PhotoFiles.stripMetadata("image/png", upload);

        assertFalse(new String(kept, StandardCharsets.ISO_8859_1).contains("SERIAL-1234"));
        List<String> chunks = pngChunkTypes(kept);
        assertFalse(chunks.contains("tEXt") || chunks.contains("eXIf") || chunks.contains("iTXt") || chunks.contains("tIME"), chunks.toString());
        assertTrue(chunks.contains("pHYs"), "the pixel size stays");
        assertEquals("IHDR", chunks.get(0));
        assertEquals("IEND", chunks.get(chunks.size() - 1));
        assertEquals(plain.length + 21, kept.length, "exactly the four metadata chunks are gone");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(kept));
        for (int x = 0; x < 5; x++) {
            for (int y = 0; y < 3; y++) {
                assertEquals(image.getRGB(x, y), decoded.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
        decodesWithImageMagick(kept, "png");
    }

    @Test
    void webpExifAndXmpChunksAreDroppedWithTheirFlagsAndTheRiffSizeIsFixed() throws Exception {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        // VP8X: flags (EXIF 0x08 | XMP 0x04), three reserved bytes, canvas width-1 and height-1 on 24 bits.
        chunks.writeBytes(riffChunk("VP8X", new byte[] {0x0C, 0, 0, 0, 0, 0, 0, 0, 0, 0}));
        chunks.writeBytes(VP8L_1X1);
        chunks.writeBytes(riffChunk("EXIF", ("MM\0*\0\0\0\u0008" + SECRET).getBytes(StandardCharsets.ISO_8859_1)));
        chunks.writeBytes(riffChunk("XMP ", ("<x:xmpmeta><dc:creator>" + SECRET + "</dc:creator></x:xmpmeta>").getBytes(StandardCharsets.UTF_8)));
        byte[] upload = riff(chunks.toByteArray());
        assertEquals("image/webp", PhotoFiles.mediaType(upload).orElseThrow());
        decodesWithImageMagick(upload, "webp");

        byte[] kept = PhotoFiles.stripMetadata("image/webp", upload);

        assertFalse(new String(kept, StandardCharsets.ISO_8859_1).contains("SERIAL-1234"));
        assertEquals(kept.length - 8, (kept[4] & 0xff) | (kept[5] & 0xff) << 8 | (kept[6] & 0xff) << 16 | (kept[7] & 0xff) << 24,
                "the RIFF size counts what is left");
        assertEquals(List.of("VP8X", "VP8L"), riffChunkTypes(kept));
        assertEquals(0, kept[20] & 0x0C, "VP8X no longer announces EXIF or XMP");
        assertArrayEquals(VP8L_1X1, Arrays.copyOfRange(kept, 30, 30 + VP8L_1X1.length), "the image data is untouched");
        decodesWithImageMagick(kept, "webp");
    }

    @Test
    void aSimpleWebpWithoutMetadataIsKeptAsItIs() {
        byte[] simple = riff(VP8L_1X1);
        assertArrayEquals(simple, PhotoFiles.stripMetadata("image/webp", simple));
    }

    @Test
    void brokenPngAndWebpFilesAreRefusedRatherThanStoredHalfStripped() {
        byte[] signatureOnly = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        assertEquals(400, assertThrows(ProtocolException.class, () -> PhotoFiles.stripMetadata("image/png", signatureOnly)).problem().status());
        byte[] lying = riff(VP8L_1X1);
        lying[16] = 0x7F; // the VP8L chunk claims more bytes than the file holds
        assertEquals(400, assertThrows(ProtocolException.class, () -> PhotoFiles.stripMetadata("image/webp", lying)).problem().status());
    }

    @Test
    void jpegKeepsOnlyWhatDrawsThePictureAndNothingAfterItsEnd() throws Exception {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0x336699);
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", encoded);
        byte[] plain = encoded.toByteArray();
        // As a phone writes it: EXIF, a comment, a maker segment and an ICC profile before the image,
        // and a second JPEG with its own EXIF appended after the end-of-image marker.
        ByteArrayOutputStream camera = new ByteArrayOutputStream();
        camera.write(plain, 0, 2);
        camera.writeBytes(jpegSegment(0xE1, "Exif\0\0" + SECRET));
        camera.writeBytes(jpegSegment(0xFE, SECRET));
        camera.writeBytes(jpegSegment(0xE3, "MAKER " + SECRET));
        camera.writeBytes(jpegSegment(0xE2, "ICC_PROFILE\0\1\1profile"));
        camera.write(plain, 2, plain.length - 2);
        camera.write(plain, 0, 2);
        camera.writeBytes(jpegSegment(0xE1, "Exif\0\0" + SECRET));

        byte[] kept = PhotoFiles.stripMetadata("image/jpeg", camera.toByteArray());
        String text = new String(kept, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("SERIAL-1234"), "no EXIF, comment, maker note or appended file left");
        assertTrue(text.contains("ICC_PROFILE"), "the colour profile stays");
        assertEquals(0xD9, kept[kept.length - 1] & 0xff, "ends at the end-of-image marker");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(kept));
        assertEquals(16, decoded.getWidth());
    }

    @Test
    void aJpegHidingASegmentBehindFillBytesIsRefused() throws Exception {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", encoded);
        byte[] plain = encoded.toByteArray();
        ByteArrayOutputStream crafted = new ByteArrayOutputStream();
        crafted.write(plain, 0, 2);
        crafted.write(0xFF); // a fill byte: FF FF E1 ... reads as marker 0xFF to a naive walk
        crafted.writeBytes(jpegSegment(0xE1, "Exif\0\0" + SECRET));
        crafted.write(plain, 2, plain.length - 2);
        assertEquals(400, assertThrows(ProtocolException.class,
                () -> PhotoFiles.stripMetadata("image/jpeg", crafted.toByteArray())).problem().status());
    }

    private static byte[] jpegSegment(int marker, String payload) {
        byte[] data = payload.getBytes(StandardCharsets.ISO_8859_1);
        int length = data.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >>> 8), (byte) length});
        out.writeBytes(data);
        return out.toByteArray();
    }

    static byte[] pngChunk(String type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) (data.length >>> 24), (byte) (data.length >>> 16), (byte) (data.length >>> 8), (byte) data.length});
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        long c = crc.getValue();
        out.writeBytes(new byte[] {(byte) (c >>> 24), (byte) (c >>> 16), (byte) (c >>> 8), (byte) c});
        return out.toByteArray();
    }

    private static List<String> pngChunkTypes(byte[] png) {
        List<String> types = new ArrayList<>();
        for (int i = 8; i < png.length; ) {
            int length = (png[i] & 0xff) << 24 | (png[i + 1] & 0xff) << 16 | (png[i + 2] & 0xff) << 8 | (png[i + 3] & 0xff);
            types.add(new String(png, i + 4, 4, StandardCharsets.ISO_8859_1));
            i += 12 + length;
        }
        return types;
    }

    static byte[] riffChunk(String type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(type.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[] {(byte) data.length, (byte) (data.length >>> 8), (byte) (data.length >>> 16), (byte) (data.length >>> 24)});
        out.writeBytes(data);
        if (data.length % 2 == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    static byte[] riff(byte[] chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int size = 4 + chunks.length;
        out.writeBytes("RIFF".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[] {(byte) size, (byte) (size >>> 8), (byte) (size >>> 16), (byte) (size >>> 24)});
        out.writeBytes("WEBP".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(chunks);
        return out.toByteArray();
    }

    private static List<String> riffChunkTypes(byte[] webp) {
        List<String> types = new ArrayList<>();
        for (int i = 12; i < webp.length; ) {
            int size = (webp[i + 4] & 0xff) | (webp[i + 5] & 0xff) << 8 | (webp[i + 6] & 0xff) << 16 | (webp[i + 7] & 0xff) << 24;
            types.add(new String(webp, i, 4, StandardCharsets.ISO_8859_1));
            i += 8 + size + (size & 1);
        }
        return types;
    }

    /** A second, independent decoder when ImageMagick is installed (libwebp, libpng); skipped silently otherwise. */
    private void decodesWithImageMagick(byte[] file, String extension) throws IOException, InterruptedException {
        if (!isOnPath("identify")) {
            System.err.println("PhotoFilesTest: ImageMagick's identify is absent, the decode check by libwebp/libpng is skipped");
            return;
        }
        Path path = Files.write(dir.resolve("photo-" + System.nanoTime() + "." + extension), file);
        Process p = new ProcessBuilder("identify", "-regard-warnings", path.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "identify hangs");
        assertEquals(0, p.exitValue(), "ImageMagick cannot read the file: " + output);
    }

    private static boolean isOnPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }
}
