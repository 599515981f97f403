package org.seuil.app.planner;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.seuil.domain.BoundingBox;
import org.seuil.store.PlaceFilter;

/**
 * The area a planner studies: the map's current view (a box), or a polygon drawn on the map,
 * read from a file, or an audit campaign's district. A polygon narrows the store query to its box through the spatial index, then
 * to the polygon itself (see {@link PlaceFilter#area()}).
 *
 * @param name   the file name or the campaign's name; null otherwise
 */
public record PlannerArea(BoundingBox box, Geometry polygon, Source source, String name) {
    public enum Source {
        VIEW, DRAWN, FILE, CAMPAIGN
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

    public static PlannerArea campaign(Geometry district, String campaignName) {
        return new PlannerArea(null, district, Source.CAMPAIGN, campaignName);
    }

    /** The filter narrowed to this area. */
    public PlaceFilter narrow(PlaceFilter filter) {
        return polygon == null ? filter.withBbox(box) : filter.withArea(polygon);
    }
}
