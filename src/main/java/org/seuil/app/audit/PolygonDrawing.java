package org.seuil.app.audit;

import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.event.EventHandler;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.locationtech.jts.geom.Coordinate;
import org.seuil.audit.District;
import org.seuil.domain.GeoPoint;

/**
 * Drawing a district on the map: a click adds a vertex, a double click (or Enter) closes the
 * polygon, Backspace takes the last vertex back, Esc cancels. The keyboard can draw too: Space
 * adds the map centre as a vertex, so with the arrows that pan the map a polygon needs no mouse.
 * Dragging still pans: only clicks that did not move are taken. While drawing, clicks do not
 * reach the map's own handlers (no pin gets selected under a vertex).
 */
final class PolygonDrawing {
    private final MapView mapView;
    private final AuditLayer layer;
    private final List<GeoPoint> vertices = new ArrayList<>();
    private final EventHandler<MouseEvent> clicks = this::onClick;
    private final EventHandler<MouseEvent> moves = this::onMove;
    private final EventHandler<KeyEvent> keys = this::onKey;
    private Consumer<District> onClosed;
    private Consumer<String> onInvalid;
    private Runnable onCancelled;
    private boolean active;

    PolygonDrawing(MapView mapView, AuditLayer layer) {
        this.mapView = mapView;
        this.layer = layer;
    }

    boolean active() {
        return active;
    }

    /**
     * Starts drawing. {@code onClosed} gets the district when the polygon closes and is valid;
     * {@code onInvalid} says why it is not (drawing goes on, so the person can fix it).
     */
    void start(Consumer<District> closed, Consumer<String> invalid, Runnable cancelled) {
        if (active) {
            stop();
        }
        this.onClosed = closed;
        this.onInvalid = invalid;
        this.onCancelled = cancelled;
        vertices.clear();
        active = true;
        mapView.addEventFilter(MouseEvent.MOUSE_CLICKED, clicks);
        mapView.addEventFilter(MouseEvent.MOUSE_MOVED, moves);
        mapView.addEventFilter(KeyEvent.KEY_PRESSED, keys);
        mapView.requestFocus();
        layer.drawing(vertices, null);
    }

    void cancel() {
        if (active) {
            stop();
            onCancelled.run();
        }
    }

    private void stop() {
        active = false;
        mapView.removeEventFilter(MouseEvent.MOUSE_CLICKED, clicks);
        mapView.removeEventFilter(MouseEvent.MOUSE_MOVED, moves);
        mapView.removeEventFilter(KeyEvent.KEY_PRESSED, keys);
        vertices.clear();
        layer.drawing(List.of(), null);
    }

    private void onClick(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
            return;
        }
        e.consume();
        if (e.getClickCount() >= 2) {
            close(); // the first click of the double click already placed the last vertex
        } else {
            vertices.add(at(e.getX(), e.getY()));
            layer.drawing(vertices, null);
        }
    }

    private void onMove(MouseEvent e) {
        if (!vertices.isEmpty()) {
            layer.drawing(vertices, at(e.getX(), e.getY()));
        }
    }

    private void onKey(KeyEvent e) {
        switch (e.getCode()) {
            case ESCAPE -> cancel();
            case ENTER -> close();
            case SPACE -> {
                vertices.add(at(mapView.getWidth() / 2, mapView.getHeight() / 2));
                layer.drawing(vertices, null);
            }
            case BACK_SPACE -> {
                if (!vertices.isEmpty()) {
                    vertices.remove(vertices.size() - 1);
                    layer.drawing(vertices, null);
                }
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void close() {
        if (vertices.size() < 3) {
            onInvalid.accept("3");
            return;
        }
        District district;
        try {
            district = district(vertices);
        } catch (RuntimeException ex) {
            onInvalid.accept(AuditViewModel.reason(ex));
            return;
        }
        Consumer<District> done = onClosed;
        stop();
        done.accept(district);
    }

    /** The polygon of the vertices in order, closed. */
    static District district(List<GeoPoint> points) {
        Coordinate[] ring = new Coordinate[points.size() + 1];
        for (int i = 0; i < points.size(); i++) {
            ring[i] = new Coordinate(points.get(i).lon(), points.get(i).lat());
        }
        ring[points.size()] = ring[0];
        return new District(District.GEOMETRY.createPolygon(ring));
    }

    private GeoPoint at(double x, double y) {
        MapPoint p = mapView.getMapPosition(x, y);
        return new GeoPoint(Math.max(-85, Math.min(85, p.getLatitude())), Math.max(-180, Math.min(180, p.getLongitude())));
    }
}
