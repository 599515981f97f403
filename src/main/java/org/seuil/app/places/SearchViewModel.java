package org.seuil.app.places;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.seuil.app.task.TaskExecutor;
import org.seuil.store.PlaceStore;
import org.seuil.store.PlaceView;

/** The search box: full-text search over names in the store, best matches first. */
public final class SearchViewModel {
    static final int LIMIT = 20;

    private final PlaceStore store;
    private final TaskExecutor tasks;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<PlaceView> results = FXCollections.observableArrayList();
    private final StringProperty error = new SimpleStringProperty();
    /** True from a search asked for until its answer (the list's placeholder says so instead of "no place"). */
    private final BooleanProperty searching = new SimpleBooleanProperty();
    /** Counts searches asked for; a search started when a newer one was asked for is not run. */
    private final AtomicLong generation = new AtomicLong();

    public SearchViewModel(PlaceStore store, TaskExecutor tasks) {
        this.store = store;
        this.tasks = tasks;
    }

    /**
     * Searches for the text in the box, on a background thread. Every keystroke asks for a search,
     * faster than the first letters can be searched in a big store (one or two letters match most
     * names: 0.6-1.4 s over a million places), so a search that reaches a thread after a newer one
     * was asked for is skipped: only the last text typed is searched once a thread is free.
     */
    public void search() {
        String text = query.get() == null ? "" : query.get().strip();
        long mine = generation.incrementAndGet();
        if (text.isEmpty()) {
            results.clear();
            searching.set(false);
            return;
        }
        searching.set(true);
        tasks.execute(() -> mine == generation.get() ? store.search(text, LIMIT) : null, (List<PlaceView> found) -> {
            if (found != null && mine == generation.get()) {
                results.setAll(found);
                error.set(null);
                searching.set(false);
            }
        }, failure -> {
            if (mine == generation.get()) {
                error.set(failure.getMessage());
                searching.set(false);
            }
        });
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<PlaceView> results() {
        return results;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
