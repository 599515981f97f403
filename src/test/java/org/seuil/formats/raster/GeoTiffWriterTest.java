package org.seuil.formats.raster;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.formats.GdalTools;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GeoTiffWriterTest {
    @TempDir
    Path dir;

    /** 4x3 pixels of 25 units from (826000, 5423000); values 0..10, one nodata pixel. */
    static FloatRaster sample(int epsg) {
        RasterGeometry g = new RasterGeometry(826_000, 5_423_000, 25, 4, 3, epsg);
        float[] values = new float[12];
        for (int i = 0; i < 12; i++) {
            values[i] = i;
        }
        values[11] = FloatRaster.DEFAULT_NODATA;
        values[0] = 10.5f;
        return new FloatRaster(g, values, FloatRaster.DEFAULT_NODATA);
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no match for " + regex + " in\n" + text);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void gdalinfoReadsTheGeoreferencingNodataAndStatistics() throws Exception {
        Path tif = dir.resolve("heat.tif");
        GeoTiffWriter.write(sample(3857), tif);
        String info = GdalTools.run("gdalinfo", "-stats", tif.toString());
        assertTrue(info.contains("Driver: GTiff/GeoTIFF"), info);
        assertTrue(info.contains("Size is 4, 3"), info);
        assertTrue(info.contains("ID[\"EPSG\",3857]"), "CRS is EPSG:3857:\n" + info);
        assertEquals(826000, number(info, "Origin = \\(([-0-9.]+),"), 1e-6);
        assertEquals(5423000, number(info, "Origin = \\([-0-9.]+,([-0-9.]+)\\)"), 1e-6);
        assertEquals(25, number(info, "Pixel Size = \\(([-0-9.]+),"), 1e-9);
        assertEquals(-25, number(info, "Pixel Size = \\([-0-9.]+,([-0-9.]+)\\)"), 1e-9);
        assertTrue(info.contains("Type=Float32"), info);
        assertTrue(info.contains("NoData Value=-9999"), info);
        // Statistics over the 11 pixels with data: 10.5, 1..10.
        assertEquals(1, number(info, "STATISTICS_MINIMUM=([-0-9.]+)"), 1e-6);
        assertEquals(10.5, number(info, "STATISTICS_MAXIMUM=([-0-9.]+)"), 1e-6);
        assertEquals((10.5 + 55) / 11, number(info, "STATISTICS_MEAN=([-0-9.]+)"), 1e-5);
        assertTrue(info.contains("STATISTICS_VALID_PERCENT=91.67"), info);
    }

    @Test
    void aChosenEpsgCodeIsWrittenAsTheProjectedCrs() throws Exception {
        Path tif = dir.resolve("utm.tif");
        GeoTiffWriter.write(sample(32632), tif);
        String info = GdalTools.run("gdalinfo", tif.toString());
        assertTrue(info.contains("ID[\"EPSG\",32632]"), info);
        assertTrue(info.contains("WGS 84 / UTM zone 32N"), info);
    }

    @Test
    void gdalReadsBackTheExactPixelValues() throws Exception {
        Path tif = dir.resolve("values.tif");
        GeoTiffWriter.write(sample(3857), tif);
        // gdallocationinfo reads single pixels: column 2, row 1 holds 6.
        String pixel = GdalTools.run("gdallocationinfo", "-valonly", tif.toString(), "2", "1");
        assertEquals(6.0, Double.parseDouble(pixel.strip()), 0);
        String corner = GdalTools.run("gdallocationinfo", "-valonly", tif.toString(), "0", "0");
        assertEquals(10.5, Double.parseDouble(corner.strip()), 0);
    }
}
