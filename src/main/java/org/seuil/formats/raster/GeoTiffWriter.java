package org.seuil.formats.raster;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mil.nga.tiff.FieldTagType;
import mil.nga.tiff.FieldType;
import mil.nga.tiff.FileDirectory;
import mil.nga.tiff.FileDirectoryEntry;
import mil.nga.tiff.Rasters;
import mil.nga.tiff.TIFFImage;
import mil.nga.tiff.TiffWriter;
import mil.nga.tiff.util.TiffConstants;

/**
 * Writes a {@link FloatRaster} as a single-band float32 GeoTIFF (NGA's TIFF writer for the file,
 * the GeoTIFF 1.1 tags written here): ModelPixelScale and ModelTiepoint place the top-left corner
 * of the top-left pixel, the GeoKeyDirectory names the projected CRS by EPSG code
 * (ProjectedCSTypeGeoKey, pixels as areas), and GDAL's own tag 42113 carries the nodata value.
 * Deflate-compressed in strips, as GDAL writes them by default.
 */
public final class GeoTiffWriter {
    private static final int GT_MODEL_TYPE = 1024;
    private static final int GT_RASTER_TYPE = 1025;
    private static final int PROJECTED_CS_TYPE = 3072;
    private static final int MODEL_TYPE_PROJECTED = 1;
    private static final int RASTER_PIXEL_IS_AREA = 1;

    private GeoTiffWriter() {
    }

    public static void write(FloatRaster raster, Path file) throws IOException {
        RasterGeometry g = raster.geometry();
        int width = g.width();
        int height = g.height();
        Rasters rasters = new Rasters(width, height, 1, FieldType.FLOAT, ByteOrder.BIG_ENDIAN);
        ByteBuffer samples = rasters.getSampleValues()[0];
        float[] values = raster.values();
        for (int i = 0; i < values.length; i++) {
            samples.putFloat(i * 4, values[i]);
        }

        FileDirectory directory = new FileDirectory();
        directory.setImageWidth(width);
        directory.setImageHeight(height);
        directory.setBitsPerSample(32);
        directory.setSampleFormat(TiffConstants.SAMPLE_FORMAT_FLOAT);
        directory.setSamplesPerPixel(1);
        directory.setCompression(TiffConstants.COMPRESSION_DEFLATE);
        directory.setPhotometricInterpretation(TiffConstants.PHOTOMETRIC_INTERPRETATION_BLACK_IS_ZERO);
        directory.setPlanarConfiguration(TiffConstants.PLANAR_CONFIGURATION_CHUNKY);
        directory.setRowsPerStrip(rasters.calculateRowsPerStrip(TiffConstants.PLANAR_CONFIGURATION_CHUNKY));
        directory.setWriteRasters(rasters);

        directory.setModelPixelScale(List.of(g.pixelSize(), g.pixelSize(), 0.0));
        directory.setModelTiepoint(List.of(0.0, 0.0, 0.0, g.left(), g.top(), 0.0));
        List<Integer> keys = new ArrayList<>(List.of(
                1, 1, 0, 3, // directory version 1, revision 1.0, 3 keys
                GT_MODEL_TYPE, 0, 1, MODEL_TYPE_PROJECTED,
                GT_RASTER_TYPE, 0, 1, RASTER_PIXEL_IS_AREA,
                PROJECTED_CS_TYPE, 0, 1, g.epsg()));
        directory.addEntry(new FileDirectoryEntry(FieldTagType.GeoKeyDirectory, FieldType.SHORT, keys.size(), keys));
        directory.setStringEntryValue(FieldTagType.GDAL_NODATA, nodataText(raster.nodata()));

        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        TiffWriter.writeTiff(file.toFile(), new TIFFImage(directory));
    }

    /** GDAL parses the tag as a number in text; integers are written without a fraction. */
    static String nodataText(float nodata) {
        return nodata == Math.rint(nodata) ? Long.toString((long) nodata) : String.format(Locale.ROOT, "%s", nodata);
    }
}
