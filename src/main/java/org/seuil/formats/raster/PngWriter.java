package org.seuil.formats.raster;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Writes a {@link FloatRaster} as a picture for people and for GIS tools that take images: a PNG
 * coloured with {@link ColourRamp#viridis} from 0 to the maximum (nodata transparent), its world
 * file ({@code .pgw}: pixel size, rotation 0, and the centre of the top-left pixel, in the
 * raster's CRS) and a legend PNG beside it ({@code NAME-legend.png}).
 */
public final class PngWriter {
    private PngWriter() {
    }

    /** The three files written for {@code heat.png}: the image, {@code heat.pgw}, {@code heat-legend.png}. */
    public record PngFiles(Path image, Path worldFile, Path legend) {
    }

    /**
     * @param title what the values are, for the legend (e.g. "barriers per km²")
     */
    public static PngFiles write(FloatRaster raster, Path png, String title) throws IOException {
        float[] range = raster.range();
        double max = range == null || range[1] <= 0 ? 1 : range[1];
        RasterGeometry g = raster.geometry();
        BufferedImage image = new BufferedImage(g.width(), g.height(), BufferedImage.TYPE_INT_ARGB);
        int[] row = new int[g.width()];
        for (int r = 0; r < g.height(); r++) {
            for (int c = 0; c < g.width(); c++) {
                float v = raster.get(c, r);
                row[c] = v == raster.nodata() ? 0 : ColourRamp.viridis(v / max);
            }
            image.setRGB(0, r, g.width(), 1, row, 0, g.width());
        }
        Path parent = png.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        write(image, png);
        Path worldFile = sibling(png, ".pgw");
        Files.writeString(worldFile, worldFile(g), StandardCharsets.US_ASCII);
        Path legend = sibling(png, "-legend.png");
        write(legend(0, max, title), legend);
        return new PngFiles(png, worldFile, legend);
    }

    /** The six lines of an ESRI world file; lines 5 and 6 are the centre of the top-left pixel. */
    static String worldFile(RasterGeometry g) {
        double s = g.pixelSize();
        return String.format(Locale.ROOT, "%.10f%n0.0%n0.0%n%.10f%n%.10f%n%.10f%n",
                s, -s, g.left() + s / 2, g.top() - s / 2);
    }

    /** A horizontal colour bar from {@code min} to {@code max} with five labelled ticks and a title. */
    static BufferedImage legend(double min, double max, String title) {
        int width = 320;
        int height = 86;
        int barLeft = 20;
        int barRight = width - 20;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(255, 255, 255, 230));
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            g.drawString(title, barLeft, 18);
            for (int x = barLeft; x <= barRight; x++) {
                g.setColor(new Color(ColourRamp.viridis((double) (x - barLeft) / (barRight - barLeft)), true));
                g.drawLine(x, 28, x, 50);
            }
            g.setColor(Color.BLACK);
            g.drawRect(barLeft, 28, barRight - barLeft, 22);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            for (int i = 0; i <= 4; i++) {
                int x = barLeft + (barRight - barLeft) * i / 4;
                g.drawLine(x, 50, x, 55);
                String label = label(min + (max - min) * i / 4);
                int w = g.getFontMetrics().stringWidth(label);
                g.drawString(label, Math.max(0, Math.min(width - w, x - w / 2)), 70);
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static String label(double v) {
        if (v == 0) {
            return "0";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.3g", v);
    }

    private static void write(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new UncheckedIOException(new IOException("no PNG writer in this Java runtime"));
        }
    }

    private static Path sibling(Path png, String suffix) {
        String name = png.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return png.resolveSibling(base + suffix);
    }
}
