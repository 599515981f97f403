package org.seuil.formats.raster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.formats.GdalTools;

class PngWriterTest {
    @TempDir
    Path dir;

    @Test
    void theImageIsColouredByValueWithNodataTransparentAndAWorldFileGdalReads() throws Exception {
        FloatRaster raster = GeoTiffWriterTest.sample(3857);
        PngWriter.PngFiles files = PngWriter.write(raster, dir.resolve("heat.png"), "barriers per km²");
        BufferedImage image = ImageIO.read(files.image().toFile());
        assertEquals(4, image.getWidth());
        assertEquals(3, image.getHeight());
        assertEquals(0, image.getRGB(3, 2) >>> 24, "nodata pixel is transparent");
        assertEquals(ColourRamp.viridis(1), image.getRGB(0, 0), "the maximum is the top of the ramp");
        assertEquals(ColourRamp.viridis(1 / 10.5), image.getRGB(1, 0));

        assertEquals(dir.resolve("heat.pgw"), files.worldFile());
        String info = GdalTools.run("gdalinfo", files.image().toString());
        assertTrue(info.contains("Origin = (826000.000000000000000,5423000.000000000000000)"), info);
        assertTrue(info.contains("Pixel Size = (25.000000000000000,-25.000000000000000)"), info);
        assertTrue(info.contains("heat.pgw"), "GDAL lists the world file among the files:\n" + info);
    }

    @Test
    void theLegendShowsTheRampFromLowToHigh() throws Exception {
        PngWriter.PngFiles files = PngWriter.write(GeoTiffWriterTest.sample(3857), dir.resolve("heat.png"), "barriers per km²");
        assertTrue(Files.exists(files.legend()));
        BufferedImage legend = ImageIO.read(files.legend().toFile());
        int low = legend.getRGB(22, 40);
        int high = legend.getRGB(legend.getWidth() - 22, 40);
        assertNotEquals(low, high);
        assertEquals(ColourRamp.viridis(0) & 0xffffff, low & 0xffffff, 0x050505);
        // Yellow at the top: red and green high, blue low.
        assertTrue(((high >> 16) & 0xff) > 200 && ((high >> 8) & 0xff) > 200 && (high & 0xff) < 80, Integer.toHexString(high));
    }

    @Test
    void viridisRunsFromDarkPurpleToYellow() {
        assertEquals(0xff440154, ColourRamp.viridis(0));
        assertEquals(0xfffde725, ColourRamp.viridis(1));
        assertEquals(0xff21918c, ColourRamp.viridis(0.5));
        assertEquals(ColourRamp.viridis(1), ColourRamp.viridis(7));
    }
}
