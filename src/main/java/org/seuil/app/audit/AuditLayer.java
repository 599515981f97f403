package org.seuil.app.audit;

import com.gluonhq.maps.MapLayer;
import com.gluonhq.maps.MapView;
import java.time.ZoneOffset;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.FillRule;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.seuil.audit.Campaign;
import org.seuil.audit.CampaignVenue;
import org.seuil.audit.Coverage;
import org.seuil.domain.GeoPoint;

/**
 * The open campaign on the map, over the pins: the district outline, and beside each venue's pin
 * a badge that says audited (green disc with ✓) or pending (white disc with a dark ring and a
 * dot), told apart by glyph and fill as well as colour. Also draws a polygon being drawn. One
 * Canvas, redrawn on every map move, like the pin layer.
 */
final class AuditLayer extends MapLayer {
    static final Color OUTLINE = Color.web("#0b3d91");
    static final Color AUDITED = Color.web("#007a5a");
    private static final double BADGE = 13;

    private final MapView mapView;
    private final AuditViewModel vm;
    private final Canvas canvas = new Canvas();
    private List<GeoPoint> drawing = List.of();
    private GeoPoint pointer;

    AuditLayer(MapView mapView, AuditViewModel vm) {
        this.mapView = mapView;
        this.vm = vm;
        canvas.setMouseTransparent(true);
        getChildren().add(canvas);
        vm.currentProperty().addListener((o, old, now) -> markDirty());
        vm.revisionProperty().addListener((o, old, now) -> markDirty());
        mapView.widthProperty().addListener((o, old, now) -> markDirty());
        mapView.heightProperty().addListener((o, old, now) -> markDirty());
    }

    /** The polygon being drawn and where the pointer is (the edge that would follow), or empty. */
    void drawing(List<GeoPoint> vertices, GeoPoint pointerAt) {
        this.drawing = List.copyOf(vertices);
        this.pointer = pointerAt;
        markDirty();
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
        Campaign campaign = vm.currentProperty().get();
        if (campaign != null) {
            drawDistrict(g, campaign.district().area());
            drawVenues(g, campaign, w, h);
        }
        if (!drawing.isEmpty()) {
            drawPolygonInProgress(g);
        }
    }

    private void drawDistrict(GraphicsContext g, Geometry area) {
        g.setFillRule(FillRule.EVEN_ODD);
        g.beginPath();
        for (int i = 0; i < area.getNumGeometries(); i++) {
            Polygon polygon = (Polygon) area.getGeometryN(i);
            ring(g, polygon.getExteriorRing().getCoordinates());
            for (int j = 0; j < polygon.getNumInteriorRing(); j++) {
                ring(g, polygon.getInteriorRingN(j).getCoordinates());
            }
        }
        g.setFill(Color.rgb(11, 61, 145, 0.08));
        g.fill();
        g.setStroke(Color.WHITE);
        g.setLineWidth(5);
        g.setLineDashes();
        g.stroke();
        g.setStroke(OUTLINE);
        g.setLineWidth(2.5);
        g.setLineDashes(10, 6);
        g.stroke();
        g.setLineDashes();
    }

    private void ring(GraphicsContext g, Coordinate[] coordinates) {
        for (int k = 0; k < coordinates.length; k++) {
            Point2D p = getMapPoint(coordinates[k].y, coordinates[k].x);
            if (k == 0) {
                g.moveTo(p.getX(), p.getY());
            } else {
                g.lineTo(p.getX(), p.getY());
            }
        }
        g.closePath();
    }

    private void drawVenues(GraphicsContext g, Campaign campaign, double w, double h) {
        java.time.Instant freshSince = vm.now().atZone(ZoneOffset.UTC).minusYears(campaign.revisitYears()).toInstant();
        g.setFont(Font.font("System", FontWeight.BOLD, 10));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (CampaignVenue v : vm.venues()) {
            Point2D p = getMapPoint(v.location().lat(), v.location().lon());
            // Upper right of the pin, so the pin's own shape and glyph stay readable.
            double x = p.getX() + 10;
            double y = p.getY() - 10;
            if (x < -BADGE || y < -BADGE || x > w + BADGE || y > h + BADGE) {
                continue;
            }
            boolean audited = Coverage.isAudited(v, freshSince);
            g.setFill(audited ? AUDITED : Color.WHITE);
            g.fillOval(x - BADGE / 2, y - BADGE / 2, BADGE, BADGE);
            g.setStroke(Color.web("#1b1b1b"));
            g.setLineWidth(1.5);
            g.strokeOval(x - BADGE / 2, y - BADGE / 2, BADGE, BADGE);
            if (audited) {
                g.setFill(Color.WHITE);
                g.fillText("✓", x, y);
            } else {
                g.setFill(Color.web("#1b1b1b"));
                g.fillOval(x - 2, y - 2, 4, 4);
            }
        }
    }

    private void drawPolygonInProgress(GraphicsContext g) {
        g.beginPath();
        for (int i = 0; i < drawing.size(); i++) {
            Point2D p = getMapPoint(drawing.get(i).lat(), drawing.get(i).lon());
            if (i == 0) {
                g.moveTo(p.getX(), p.getY());
            } else {
                g.lineTo(p.getX(), p.getY());
            }
        }
        if (pointer != null) {
            Point2D p = getMapPoint(pointer.lat(), pointer.lon());
            g.lineTo(p.getX(), p.getY());
        }
        g.setStroke(Color.WHITE);
        g.setLineWidth(5);
        g.stroke();
        g.setStroke(Color.web("#b3005f"));
        g.setLineWidth(2.5);
        g.stroke();
        for (GeoPoint v : drawing) {
            Point2D p = getMapPoint(v.lat(), v.lon());
            g.setFill(Color.WHITE);
            g.fillRect(p.getX() - 5, p.getY() - 5, 10, 10);
            g.setStroke(Color.web("#b3005f"));
            g.setLineWidth(2);
            g.strokeRect(p.getX() - 5, p.getY() - 5, 10, 10);
        }
    }
}
