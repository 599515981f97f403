package org.seuil.app.places;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.VPos;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The pin images, drawn once per style and size and then stamped with {@code drawImage}: stamping
 * a ready image is far cheaper than drawing shapes and text for thousands of pins each frame.
 * Each style has its own shape (circle, triangle, square, diamond) and glyph as well as colour,
 * with a dark outline and a black glyph so that each reads at 4.5:1 or better.
 *
 * <p>Images are made by drawing on a canvas and taking a snapshot, and a snapshot makes the FX
 * thread wait for the render thread. So every image wanted at once is drawn on one canvas and
 * taken in one snapshot, then cut out of it: the four pins when the layer first lays out, and the
 * cluster labels not seen before, which the layer draws as shapes meanwhile ({@link #drawCluster})
 * and has made after its frame ({@link #renderPendingClusters}). The first frame of a map with
 * thirty cluster labels took thirty snapshots before.
 */
final class PinSprites {
    /** Transparent space around each image, and between images on the shared canvas. */
    private static final double PAD = 2;
    private static final Color CLUSTER_FILL = Color.web("#1f4e79");
    private static final Font CLUSTER_FONT = Font.font("System", FontWeight.BOLD, 12);
    /** Cluster discs kept as images; a few hundred labels at most are on screen at once. */
    private static final int MAX_CLUSTER_SPRITES = 4096;

    private final Map<PinStyle, Image> pins = new EnumMap<>(PinStyle.class);
    private final double size;
    private final Map<String, Image> clusters = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > MAX_CLUSTER_SPRITES;
        }
    };
    /** Labels drawn as shapes since the last {@link #renderPendingClusters}, by label, with their count. */
    private final Map<String, Integer> pending = new LinkedHashMap<>();

    PinSprites(double size) {
        this.size = size;
        PinStyle[] styles = PinStyle.values();
        double cell = size + 2 * PAD;
        List<Image> images = renderInOneSnapshot(styles.length, cell, cell, (g, i) -> drawPin(g, styles[i], size));
        for (int i = 0; i < styles.length; i++) {
            pins.put(styles[i], images.get(i));
        }
    }

    double size() {
        return size;
    }

    Image pin(PinStyle style) {
        return pins.get(style);
    }

    /**
     * The disc of a cluster of {@code count} places with its label, or null when that label has
     * no image yet: draw it with {@link #drawCluster} then, and call {@link #renderPendingClusters}
     * after the frame.
     */
    Image cluster(int count) {
        String label = label(count);
        Image image = clusters.get(label);
        if (image == null) {
            pending.putIfAbsent(label, count);
        }
        return image;
    }

    boolean hasPendingClusters() {
        return !pending.isEmpty();
    }

    /** Draws a cluster's disc centred on (x, y) as shapes, exactly as its image shows it. */
    void drawCluster(GraphicsContext g, double x, double y, int count) {
        g.save();
        g.translate(x, y);
        drawClusterAtOrigin(g, label(count), clusterRadius(count));
        g.restore();
    }

    /** Makes the images of the labels drawn as shapes so far, all in one snapshot. */
    void renderPendingClusters() {
        if (pending.isEmpty()) {
            return;
        }
        List<Map.Entry<String, Integer>> wanted = new ArrayList<>(pending.entrySet());
        pending.clear();
        double cell = 2 * clusterRadius(Integer.MAX_VALUE) + 2 * PAD;
        List<Image> images = renderInOneSnapshot(wanted.size(), cell, cell, (g, i) -> {
            double r = clusterRadius(wanted.get(i).getValue());
            g.translate(PAD + r, PAD + r);
            drawClusterAtOrigin(g, wanted.get(i).getKey(), r);
        });
        for (int i = 0; i < wanted.size(); i++) {
            double side = 2 * clusterRadius(wanted.get(i).getValue()) + 2 * PAD;
            Image whole = images.get(i);
            clusters.put(wanted.get(i).getKey(), new WritableImage(whole.getPixelReader(), 0, 0, (int) side, (int) side));
        }
    }

    static double clusterRadius(int count) {
        return count < 10 ? 14 : count < 100 ? 17 : count < 1000 ? 20 : 24;
    }

    private static String label(int count) {
        return count < 10_000 ? Integer.toString(count) : (count / 1000) + "k";
    }

    private static void drawClusterAtOrigin(GraphicsContext g, String label, double r) {
        g.setFill(CLUSTER_FILL);
        g.fillOval(-r, -r, 2 * r, 2 * r);
        g.setStroke(Color.WHITE);
        g.setLineWidth(2);
        g.strokeOval(-r, -r, 2 * r, 2 * r);
        g.setFill(Color.WHITE);
        g.setFont(CLUSTER_FONT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(label, 0, 0);
    }

    /** Draws image {@code index} with its top-left corner at the origin. */
    private interface CellPainter {
        void paint(GraphicsContext g, int index);
    }

    /**
     * Draws {@code count} images of at most {@code width} × {@code height} in a grid on one canvas,
     * takes one snapshot of it and cuts the cells out (each {@code width} × {@code height}).
     */
    private static List<Image> renderInOneSnapshot(int count, double width, double height, CellPainter painter) {
        int columns = (int) Math.ceil(Math.sqrt(count));
        int rows = (count + columns - 1) / columns;
        // One pixel between cells, so that no anti-aliased edge reaches the next cell.
        double stepX = Math.ceil(width) + 1;
        double stepY = Math.ceil(height) + 1;
        Canvas canvas = new Canvas(columns * stepX, rows * stepY);
        GraphicsContext g = canvas.getGraphicsContext2D();
        for (int i = 0; i < count; i++) {
            g.save();
            g.translate((i % columns) * stepX, (i / columns) * stepY);
            painter.paint(g, i);
            g.restore();
        }
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        PixelReader atlas = canvas.snapshot(params, null).getPixelReader();
        List<Image> images = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            images.add(new WritableImage(atlas, (int) ((i % columns) * stepX), (int) ((i / columns) * stepY),
                    (int) Math.ceil(width), (int) Math.ceil(height)));
        }
        return images;
    }

    private static void drawPin(GraphicsContext g, PinStyle style, double size) {
        g.translate(PAD, PAD);
        g.setFill(Color.web(style.colour()));
        g.setStroke(Color.web("#1b1b1b"));
        g.setLineWidth(1.6);
        double s = size;
        switch (style) {
            case GOOD -> {
                g.fillOval(1, 1, s - 2, s - 2);
                g.strokeOval(1, 1, s - 2, s - 2);
            }
            case LIMITED -> {
                double[] xs = {s / 2, s - 1, 1};
                double[] ys = {1, s - 2, s - 2};
                g.fillPolygon(xs, ys, 3);
                g.strokePolygon(xs, ys, 3);
            }
            case BAD -> {
                g.fillRect(2, 2, s - 4, s - 4);
                g.strokeRect(2, 2, s - 4, s - 4);
            }
            case UNKNOWN -> {
                double[] xs = {s / 2, s - 1, s / 2, 1};
                double[] ys = {1, s / 2, s - 1, s / 2};
                g.fillPolygon(xs, ys, 4);
                g.strokePolygon(xs, ys, 4);
            }
        }
        g.setFill(Color.BLACK);
        g.setFont(Font.font("System", FontWeight.BOLD, s * 0.5));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(style.glyph(), s / 2, style == PinStyle.LIMITED ? s * 0.62 : s / 2 + 0.5);
    }
}
