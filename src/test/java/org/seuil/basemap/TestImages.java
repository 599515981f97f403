package org.seuil.basemap;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;

/** Small pixel statistics to tell a drawn tile from a blank one. */
public final class TestImages {
    private TestImages() {
    }

    public static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours.size();
    }

    /** Pixels whose colour is within {@code tolerance} (per channel) of {@code colour}. */
    public static int pixelsNear(BufferedImage image, Color colour, int tolerance) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xFF) - colour.getRed()) <= tolerance
                        && Math.abs(((rgb >> 8) & 0xFF) - colour.getGreen()) <= tolerance
                        && Math.abs((rgb & 0xFF) - colour.getBlue()) <= tolerance) {
                    count++;
                }
            }
        }
        return count;
    }

    /** A tile of one colour with a mark, so tests can tell which source answered. */
    public static BufferedImage solid(Color colour, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, size, size);
        g.dispose();
        return image;
    }
}
