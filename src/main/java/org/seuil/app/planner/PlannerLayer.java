package org.seuil.app.planner;

import com.gluonhq.maps.MapLayer;
import com.gluonhq.maps.MapView;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineJoin;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.seuil.domain.GeoPoint;

/**
 * The planner's overlay on the map: the heatmap image or the coloured cells at the chosen opacity,
 * the study area's outline, and the polygon being drawn. One Canvas redrawn on every map move; the
 * heatmap is one image scaled to where its corners fall, which is exact because map and raster are
 * both Web Mercator.
 */
public final class PlannerLayer extends MapLayer {
    private final MapView mapView;
    private final PlannerViewModel viewModel;
    private final Canvas canvas = new Canvas();
    private WritableImage image;
    private double worldPx;
    private double originX;
    private double originY;
    /** Where the mouse is while drawing, for the rubber band; NaN when unknown. */
    private double mouseX = Double.NaN;
    private double mouseY = Double.NaN;

    public PlannerLayer(MapView mapView, PlannerViewModel viewModel) {
        this.mapView = mapView;
        this.viewModel = viewModel;
        setId("planner-layer");
        canvas.setMouseTransparent(true);
        canvas.setId("planner-overlay");
        getChildren().add(canvas);
        viewModel.previewProperty().addListener((o, old, now) -> {
            image = now == null || now.raster() == null ? null : toImage(now.raster());
            markDirty();
        });
        viewModel.activeProperty().addListener((o, old, now) -> markDirty());
        viewModel.opacityProperty().addListener((o, old, now) -> markDirty());
        viewModel.areaProperty().addListener((o, old, now) -> markDirty());
        viewModel.vertices().addListener((javafx.collections.ListChangeListener<GeoPoint>) c -> markDirty());
        viewModel.drawingProperty().addListener((o, old, now) -> markDirty());
        mapView.widthProperty().addListener((o, old, now) -> markDirty());
        mapView.heightProperty().addListener((o, old, now) -> markDirty());
    }

    private static WritableImage toImage(Preview.Raster raster) {
        WritableImage image = new WritableImage(raster.width(), raster.height());
        image.getPixelWriter().setPixels(0, 0, raster.width(), raster.height(), PixelFormat.getIntArgbInstance(), raster.argb(), 0, raster.width());
        return image;
    }

    /** Where the mouse is, in map pixels, for the line to the next vertex while drawing. */
    void mouseAt(double x, double y) {
        mouseX = x;
        mouseY = y;
        if (viewModel.drawingProperty().get()) {
            markDirty();
        }
    }

    PlannerViewModel viewModel() {
        return viewModel;
    }

    /** The map canvas (for tests and screenshots: is anything drawn?). */
    public Canvas canvas() {
        return canvas;
    }

    @Override
    protected void layoutLayer() {
        double w = mapView.getWidth();
        double h = mapView.getHeight();
        if (w <= 0 || h <= 0 || baseMap == null) {
            return;
        }
        canvas.setWidth(w);
        canvas.setHeight(h);
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (!viewModel.activeProperty().get()) {
            return;
        }
        worldPx = 256 * Math.pow(2, baseMap.getZoom());
        Point2D centre = getMapPoint(0, 0); // the unit square's (0.5, 0.5)
        originX = centre.getX() - 0.5 * worldPx;
        originY = centre.getY() - 0.5 * worldPx;
        Preview preview = viewModel.previewProperty().get();
        g.setGlobalAlpha(viewModel.opacityProperty().get());
        if (preview != null && preview.raster() != null && image != null) {
            Preview.Raster r = preview.raster();
            g.setImageSmoothing(false);
            g.drawImage(image, sx(r.left()), sy(r.top()), (r.right() - r.left()) * worldPx, (r.bottom() - r.top()) * worldPx);
        }
        if (preview != null) {
            g.setStroke(Color.rgb(255, 255, 255, 0.6));
            g.setLineWidth(0.75);
            for (Preview.Cell cell : preview.cells()) {
                int n = cell.x().length;
                double[] xs = new double[n];
                double[] ys = new double[n];
                for (int i = 0; i < n; i++) {
                    xs[i] = sx(cell.x()[i]);
                    ys[i] = sy(cell.y()[i]);
                }
                int c = cell.argb();
                g.setFill(Color.rgb((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff));
                g.fillPolygon(xs, ys, n);
                g.strokePolygon(xs, ys, n);
            }
        }
        g.setGlobalAlpha(1);
        PlannerArea area = viewModel.areaProperty().get();
        if (area != null && area.polygon() != null) {
            drawOutline(g, area.polygon());
        }
        if (viewModel.drawingProperty().get()) {
            drawSketch(g);
        }
    }

    private double sx(double unitX) {
        return originX + unitX * worldPx;
    }

    private double sy(double unitY) {
        return originY + unitY * worldPx;
    }

    private double[] screen(double lon, double lat) {
        return new double[] {sx(PlannerAnalysis.unitX(PlannerAnalysis.mercatorX(lon))), sy(PlannerAnalysis.unitY(PlannerAnalysis.mercatorY(lat)))};
    }

    /** The study area: a dark line under a white dashed one, visible on the basemap and on any ramp colour. */
    private void drawOutline(GraphicsContext g, Geometry polygon) {
        g.setLineJoin(StrokeLineJoin.ROUND);
        for (int p = 0; p < polygon.getNumGeometries(); p++) {
            Polygon part = (Polygon) polygon.getGeometryN(p);
            strokeRing(g, part.getExteriorRing().getCoordinates());
            for (int hole = 0; hole < part.getNumInteriorRing(); hole++) {
                strokeRing(g, part.getInteriorRingN(hole).getCoordinates());
            }
        }
    }

    private void strokeRing(GraphicsContext g, Coordinate[] ring) {
        double[] xs = new double[ring.length];
        double[] ys = new double[ring.length];
        for (int i = 0; i < ring.length; i++) {
            double[] s = screen(ring[i].x, ring[i].y);
            xs[i] = s[0];
            ys[i] = s[1];
        }
        g.setLineDashes();
        g.setStroke(Color.web("#1b1b1b"));
        g.setLineWidth(3.5);
        g.strokePolyline(xs, ys, ring.length);
        g.setStroke(Color.WHITE);
        g.setLineWidth(1.5);
        g.setLineDashes(6, 4);
        g.strokePolyline(xs, ys, ring.length);
        g.setLineDashes();
    }

    private void drawSketch(GraphicsContext g) {
        var vertices = viewModel.vertices();
        int n = vertices.size();
        double[] xs = new double[n + 1];
        double[] ys = new double[n + 1];
        for (int i = 0; i < n; i++) {
            double[] s = screen(vertices.get(i).lon(), vertices.get(i).lat());
            xs[i] = s[0];
            ys[i] = s[1];
        }
        int count = n;
        if (n > 0 && !Double.isNaN(mouseX)) {
            xs[n] = mouseX;
            ys[n] = mouseY;
            count = n + 1;
        }
        g.setStroke(Color.web("#1b1b1b"));
        g.setLineWidth(3);
        g.strokePolyline(xs, ys, count);
        g.setStroke(Color.web("#ffd400"));
        g.setLineWidth(1.5);
        g.strokePolyline(xs, ys, count);
        for (int i = 0; i < n; i++) {
            g.setFill(Color.WHITE);
            g.fillOval(xs[i] - 5, ys[i] - 5, 10, 10);
            g.setStroke(Color.web("#1b1b1b"));
            g.setLineWidth(2);
            g.strokeOval(xs[i] - 5, ys[i] - 5, 10, 10);
        }
    }

    public void refresh() {
        markDirty();
    }
}
