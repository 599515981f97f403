package org.seuil.app.places;

import java.util.EnumMap;
import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The pin images, drawn once per style and size and then stamped with {@code drawImage}: stamping
 * a ready image is far cheaper than drawing shapes and text for thousands of pins each frame.
 * Each style has its own shape (circle, triangle, square, diamond) and glyph as well as colour,
 * with a dark outline and a black glyph so that each reads at 4.5:1 or better.
 */
final class PinSprites {
    private final Map<PinStyle, Image> pins = new EnumMap<>(PinStyle.class);
    private final double size;

    PinSprites(double size) {
        this.size = size;
        for (PinStyle style : PinStyle.values()) {
            pins.put(style, render(style, size));
        }
    }

    double size() {
        return size;
    }

    Image pin(PinStyle style) {
        return pins.get(style);
    }

    /** Cluster discs kept as images; a few hundred labels at most are on screen at once. */
    private static final int MAX_CLUSTER_SPRITES = 4096;
    private final Map<String, Image> clusters = new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
            return size() > MAX_CLUSTER_SPRITES;
        }
    };

    /**
     * The disc of a cluster of {@code count} places with its label, rendered once: under the
     * software renderer a stamped image costs a fraction of an oval, its outline and its text
     * drawn again on every frame (panning over 1M places: 31.7 → 13.2 ms of render-thread CPU a frame).
     */
    Image cluster(int count) {
        String label = count < 10_000 ? Integer.toString(count) : (count / 1000) + "k";
        return clusters.computeIfAbsent(label, l -> renderCluster(l, clusterRadius(count)));
    }

    static double clusterRadius(int count) {
        return count < 10 ? 14 : count < 100 ? 17 : count < 1000 ? 20 : 24;
    }

    private static Image renderCluster(String label, double r) {
        double pad = 2;
        Canvas canvas = new Canvas(2 * r + 2 * pad, 2 * r + 2 * pad);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.translate(pad + r, pad + r);
        g.setFill(Color.web("#1f4e79"));
        g.fillOval(-r, -r, 2 * r, 2 * r);
        g.setStroke(Color.WHITE);
        g.setLineWidth(2);
        g.strokeOval(-r, -r, 2 * r, 2 * r);
        g.setFill(Color.WHITE);
        g.setFont(Font.font("System", FontWeight.BOLD, 12));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(label, 0, 0);
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        return canvas.snapshot(params, null);
    }

    private static Image render(PinStyle style, double size) {
        double pad = 2;
        Canvas canvas = new Canvas(size + 2 * pad, size + 2 * pad);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.translate(pad, pad);
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
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        return canvas.snapshot(params, null);
    }
}
