package org.seuil.app.planner;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.seuil.domain.BoundingBox;
import org.seuil.store.PlaceFilter;

/**
 * The area a planner studies: the map's current view (a box), or a polygon drawn on the map or
 * read from a file. A polygon narrows the store query to its box through the spatial index, then
 * to the polygon itself (see {@link PlaceFilter#area()}).
 *
 * @param source how the area was chosen; with a polygon, the file name or "drawn"
 */
public record PlannerArea(BoundingBox box, Geometry polygon, Source source, String name) {
    public enum Source {
        VIEW, DRAWN, FILE
    }

    public PlannerArea {
        if (polygon != null) {
            Envelope e = polygon.getEnvelopeInternal();
            box = new BoundingBox(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
        }
        if (box == null) {
            throw new IllegalArgumentException("an area needs a box or a polygon");
        }
    }

    public static PlannerArea view(BoundingBox box) {
        return new PlannerArea(box, null, Source.VIEW, null);
    }

    public static PlannerArea drawn(Geometry polygon) {
        return new PlannerArea(null, polygon, Source.DRAWN, null);
    }

    public static PlannerArea file(Geometry polygon, String fileName) {
        return new PlannerArea(null, polygon, Source.FILE, fileName);
    }

    /** The filter narrowed to this area. */
    public PlaceFilter narrow(PlaceFilter filter) {
        return polygon == null ? filter.withBbox(box) : filter.withArea(polygon);
    }
}
