package org.seuil.app.places;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.seuil.app.task.TaskExecutor;
import org.seuil.domain.PlaceId;
import org.seuil.domain.ProfileFit;
import org.seuil.domain.WheelchairProfile;
import org.seuil.store.PlaceStore;
import org.seuil.store.PlaceView;

/**
 * The state of the map screen: which places pass the filters (with their cluster index), which
 * one is selected, and how pins look (by grade, or by fit with a personal profile). Loading and
 * clustering run on the task executor, never on the UI thread.
 */
public final class MapViewModel {
    /** More than any store this app is meant for; the index is sized for a million. */
    static final int MAX_PLACES = 2_000_000;

    private final PlaceStore store;
    private final TaskExecutor tasks;
    private final ReadOnlyObjectWrapper<MapPlaces> places = new ReadOnlyObjectWrapper<>(MapPlaces.EMPTY);
    private final ObjectProperty<PlaceFilters> filters = new SimpleObjectProperty<>(PlaceFilters.NONE);
    private final ObjectProperty<PlaceId> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<WheelchairProfile> profile = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty();
    /** Bumped on any change that needs a redraw without a new index (a grade changed). */
    private final ObjectProperty<Object> revision = new SimpleObjectProperty<>(new Object());
    /** Counts reloads asked for; a reload that reaches a thread after a newer one was asked for is skipped. */
    private final AtomicLong generation = new AtomicLong();

    public MapViewModel(PlaceStore store, TaskExecutor tasks) {
        this.store = store;
        this.tasks = tasks;
        filters.addListener((o, old, now) -> reload());
        profile.addListener((o, old, now) -> revision.set(new Object()));
    }

    /**
     * Queries the store with the filters and rebuilds the index, in the background. Over a million
     * places that takes seconds, and ticking three filters asks for three reloads: a reload that
     * reaches a thread after a newer one was asked for is skipped, so only the last filters are
     * loaded once a thread is free.
     */
    public void reload() {
        PlaceFilters wanted = filters.get();
        long mine = generation.incrementAndGet();
        loading.set(true);
        tasks.execute(() -> {
            if (mine != generation.get()) {
                return null;
            }
            List<PlaceView> found = wanted.keepsNothing() ? List.of() : store.query(wanted.toStoreFilter(), MAX_PLACES);
            List<PlaceView> kept = new ArrayList<>(found.size());
            for (PlaceView v : found) {
                if (wanted.accepts(v)) {
                    kept.add(v);
                }
            }
            return MapPlaces.of(kept);
        }, loaded -> {
            if (loaded != null && mine == generation.get()) { // a later reload supersedes this one
                places.set(loaded);
                loading.set(false);
                error.set(null);
            }
        }, failure -> {
            if (mine == generation.get()) {
                loading.set(false);
                error.set(failure.getMessage());
            }
        });
    }

    /** After a save: a grade change is applied in place; a new place triggers a rebuild. */
    public void placeChanged(PlaceId id) {
        tasks.execute(() -> store.place(id), view -> {
            if (view.isPresent() && filters.get().isEmpty() && places.get().replace(view.get())) {
                revision.set(new Object());
            } else {
                reload();
            }
        }, failure -> error.set(failure.getMessage()));
    }

    /** How a place's pin looks now. */
    public PinStyle style(PlaceView view) {
        WheelchairProfile p = profile.get();
        return p == null ? PinStyle.of(view.accessibility().wheelchair()) : PinStyle.of(ProfileFit.of(p, view.accessibility()));
    }

    public ReadOnlyObjectProperty<MapPlaces> placesProperty() {
        return places.getReadOnlyProperty();
    }

    public MapPlaces places() {
        return places.get();
    }

    public ObjectProperty<PlaceFilters> filtersProperty() {
        return filters;
    }

    public ObjectProperty<PlaceId> selectedProperty() {
        return selected;
    }

    public ObjectProperty<WheelchairProfile> profileProperty() {
        return profile;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public ObjectProperty<Object> revisionProperty() {
        return revision;
    }
}
