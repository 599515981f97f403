package org.seuil.app.places;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.PlaceId;
import org.seuil.geo.cluster.ClusterIndex;
import org.seuil.store.PlaceView;

/**
 * The places the map shows, with the cluster index over them. Point i of the index is
 * {@code view(i)}. A saved report changes a place's grade, never its position, so it replaces the
 * view in place ({@link #replace}) without re-clustering; only new or moved places need a rebuild,
 * which runs in the background.
 */
public final class MapPlaces {
    public static final MapPlaces EMPTY = of(List.of());

    private final PlaceView[] views;
    private final Map<PlaceId, Integer> positions;
    private final ClusterIndex index;

    private MapPlaces(PlaceView[] views, ClusterIndex index) {
        this.views = views;
        this.index = index;
        this.positions = new HashMap<>(views.length * 2);
        for (int i = 0; i < views.length; i++) {
            positions.put(views[i].place().id(), i);
        }
    }

    public static MapPlaces of(List<PlaceView> views) {
        int n = views.size();
        double[] lon = new double[n];
        double[] lat = new double[n];
        for (int i = 0; i < n; i++) {
            lon[i] = views.get(i).place().location().lon();
            lat[i] = views.get(i).place().location().lat();
        }
        return new MapPlaces(views.toArray(PlaceView[]::new), ClusterIndex.build(lon, lat, n, ClusterIndex.Options.DEFAULT));
    }

    public int size() {
        return views.length;
    }

    public PlaceView view(int i) {
        return views[i];
    }

    public ClusterIndex index() {
        return index;
    }

    public int indexOf(PlaceId id) {
        Integer i = positions.get(id);
        return i == null ? -1 : i;
    }

    /**
     * Puts a new state of a place that is already shown at the same position; false when the
     * place is new or moved, which needs a rebuild.
     */
    public synchronized boolean replace(PlaceView updated) {
        int i = indexOf(updated.place().id());
        if (i < 0 || !views[i].place().location().equals(updated.place().location())) {
            return false;
        }
        views[i] = updated;
        return true;
    }

    /** The box around every place, for "fit to data"; null when there are none. */
    public BoundingBox bounds() {
        if (views.length == 0) {
            return null;
        }
        double south = 90;
        double north = -90;
        double west = 180;
        double east = -180;
        for (PlaceView v : views) {
            south = Math.min(south, v.place().location().lat());
            north = Math.max(north, v.place().location().lat());
            west = Math.min(west, v.place().location().lon());
            east = Math.max(east, v.place().location().lon());
        }
        return new BoundingBox(west, south, east, north);
    }
}
