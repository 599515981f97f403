package org.seuil.app.places;

import com.gluonhq.maps.MapLayer;
import com.gluonhq.maps.MapView;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.seuil.domain.PlaceId;
import org.seuil.geo.cluster.ClusterIndex;
import org.seuil.geo.cluster.ClusterSink;
import org.seuil.store.PlaceView;

/**
 * Places on the map: one Canvas for all of them, redrawn from a viewport query of the cluster
 * index whenever the map moves. Only what is visible is drawn, pins are stamped from
 * {@link PinSprites}, clusters are discs with their count; no scene-graph node per place.
 * The canvas lets the mouse through to the map; clicks are hit-tested against what was drawn.
 */
public final class PinLayer extends MapLayer {
    private static final double PIN = 24;

    private final MapView mapView;
    private final MapViewModel viewModel;
    private final Canvas canvas = new Canvas();
    private PinSprites sprites;
    /** What the last frame drew, for hit tests: x, y per item, and the item's point index or -(clusterId)-1. */
    private double[] drawnXy = new double[256];
    private long[] drawnIds = new long[128];
    private int drawnCount;
    private double worldPx;
    private double originX;
    private double originY;
    private int shownItems;

    public PinLayer(MapView mapView, MapViewModel viewModel) {
        this.mapView = mapView;
        this.viewModel = viewModel;
        canvas.setMouseTransparent(true);
        getChildren().add(canvas);
        viewModel.placesProperty().addListener((o, old, now) -> markDirty());
        viewModel.revisionProperty().addListener((o, old, now) -> markDirty());
        viewModel.selectedProperty().addListener((o, old, now) -> markDirty());
        mapView.widthProperty().addListener((o, old, now) -> markDirty());
        mapView.heightProperty().addListener((o, old, now) -> markDirty());
    }

    /** Number of pins and clusters drawn in the last frame (for the map's accessible description). */
    public int shownItems() {
        return shownItems;
    }

    public double zoom() {
        return baseMap == null ? 0 : baseMap.getZoom();
    }

    @Override
    protected void layoutLayer() {
        double w = mapView.getWidth();
        double h = mapView.getHeight();
        if (w <= 0 || h <= 0 || baseMap == null) {
            return;
        }
        if (sprites == null) {
            sprites = new PinSprites(PIN);
        }
        canvas.setWidth(w);
        canvas.setHeight(h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        double zoom = baseMap.getZoom();
        worldPx = 256 * Math.pow(2, zoom);
        Point2D centre = getMapPoint(0, 0); // Mercator (0.5, 0.5)
        originX = centre.getX() - 0.5 * worldPx;
        originY = centre.getY() - 0.5 * worldPx;
        MapPlaces places = viewModel.places();
        drawnCount = 0;
        double margin = PIN;
        double minX = (-margin - originX) / worldPx;
        double maxX = (w + margin - originX) / worldPx;
        double minY = (-margin - originY) / worldPx;
        double maxY = (h + margin - originY) / worldPx;
        PlaceId selected = viewModel.selectedProperty().get();
        int selectedIndex = selected == null ? -1 : places.indexOf(selected);
        double[] selectedAt = null;
        places.index().queryMercator(Math.max(0, minX), Math.max(0, minY), Math.min(1, maxX), Math.min(1, maxY), zoom, new ClusterSink() {
            @Override
            public void point(int pointIndex, double x, double y) {
                double sx = originX + x * worldPx;
                double sy = originY + y * worldPx;
                PlaceView view = places.view(pointIndex);
                Image image = sprites.pin(viewModel.style(view));
                g.drawImage(image, sx - image.getWidth() / 2, sy - image.getHeight() / 2);
                remember(sx, sy, pointIndex);
            }

            @Override
            public void cluster(long clusterId, double x, double y, int count) {
                double sx = originX + x * worldPx;
                double sy = originY + y * worldPx;
                Image image = sprites.cluster(count);
                if (image != null) {
                    g.drawImage(image, sx - image.getWidth() / 2, sy - image.getHeight() / 2);
                } else {
                    sprites.drawCluster(g, sx, sy, count);
                }
                remember(sx, sy, -clusterId - 1);
            }
        });
        if (sprites.hasPendingClusters()) {
            // After this frame: the images are made in one snapshot, which waits for the renderer.
            Platform.runLater(sprites::renderPendingClusters);
        }
        shownItems = drawnCount;
        if (selectedIndex >= 0) {
            double sx = originX + places.index().pointX(selectedIndex) * worldPx;
            double sy = originY + places.index().pointY(selectedIndex) * worldPx;
            g.setStroke(Color.web("#000000"));
            g.setLineWidth(3);
            g.strokeOval(sx - PIN / 2 - 5, sy - PIN / 2 - 5, PIN + 10, PIN + 10);
            g.setStroke(Color.WHITE);
            g.setLineWidth(1.5);
            g.strokeOval(sx - PIN / 2 - 7.5, sy - PIN / 2 - 7.5, PIN + 15, PIN + 15);
        }
        drawScaleBar(g, h, zoom);
    }

    private void remember(double x, double y, long id) {
        if (drawnCount == drawnIds.length) {
            drawnIds = java.util.Arrays.copyOf(drawnIds, drawnCount * 2);
            drawnXy = java.util.Arrays.copyOf(drawnXy, drawnCount * 4);
        }
        drawnXy[2 * drawnCount] = x;
        drawnXy[2 * drawnCount + 1] = y;
        drawnIds[drawnCount++] = id;
    }

    /** A scale bar of a round length (1, 2 or 5 times a power of ten) at most 120 px long. */
    private void drawScaleBar(GraphicsContext g, double h, double zoom) {
        double lat = ClusterIndex.latitude((mapView.getHeight() / 2 - originY) / worldPx);
        double metresPerPx = 156_543.034 * Math.cos(Math.toRadians(lat)) / Math.pow(2, zoom);
        double target = metresPerPx * 120;
        double pow = Math.pow(10, Math.floor(Math.log10(target)));
        double metres = target / pow >= 5 ? 5 * pow : target / pow >= 2 ? 2 * pow : pow;
        double px = metres / metresPerPx;
        String label = metres >= 1000 ? trim(metres / 1000) + " km" : trim(metres) + " m";
        double x = 12;
        double y = h - 14;
        g.setFill(Color.rgb(255, 255, 255, 0.85));
        g.fillRect(x - 4, y - 20, px + 8, 26);
        g.setStroke(Color.BLACK);
        g.setLineWidth(2);
        g.strokeLine(x, y, x + px, y);
        g.strokeLine(x, y - 6, x, y);
        g.strokeLine(x + px, y - 6, x + px, y);
        g.setFill(Color.BLACK);
        g.setFont(Font.font("System", 11));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(label, x + px / 2, y - 11);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** What is under a click: a point index (>= 0), -(clusterId)-1 for a cluster, or Long.MIN_VALUE. */
    public long hit(double x, double y) {
        long best = Long.MIN_VALUE;
        double bestD = (PIN / 2 + 4) * (PIN / 2 + 4);
        for (int i = drawnCount - 1; i >= 0; i--) { // topmost first
            double dx = drawnXy[2 * i] - x;
            double dy = drawnXy[2 * i + 1] - y;
            double d = dx * dx + dy * dy;
            double limit = drawnIds[i] < 0 ? 24 * 24 : bestD;
            if (d <= limit && d < bestD + 1e-9) {
                best = drawnIds[i];
                bestD = Math.min(bestD, d);
            }
        }
        return best;
    }

    /** Mercator position of a screen point, from the last frame. */
    public double[] mercatorAt(double x, double y) {
        return new double[] {(x - originX) / worldPx, (y - originY) / worldPx};
    }

    /** Redraws now, e.g. after the view model changed outside a map move. */
    public void refresh() {
        markDirty();
    }
}
