package org.seuil.app.places;

import java.util.List;
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
    private long generation;

    public SearchViewModel(PlaceStore store, TaskExecutor tasks) {
        this.store = store;
        this.tasks = tasks;
    }

    public void search() {
        String text = query.get() == null ? "" : query.get().strip();
        long mine = ++generation;
        if (text.isEmpty()) {
            results.clear();
            return;
        }
        tasks.execute(() -> store.search(text, LIMIT), (List<PlaceView> found) -> {
            if (mine == generation) {
                results.setAll(found);
                error.set(null);
            }
        }, failure -> error.set(failure.getMessage()));
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
