package org.seuil.app.main;

import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.seuil.app.task.TaskExecutor;
import org.seuil.store.PlaceFilter;
import org.seuil.store.PlaceStore;

/** The status bar: which store is open, how many places it holds, how many changes wait to sync. */
public final class StatusViewModel {
    private final PlaceStore store;
    private final TaskExecutor tasks;
    private final StringProperty storePath = new SimpleStringProperty();
    private final LongProperty places = new SimpleLongProperty();
    private final LongProperty unsynced = new SimpleLongProperty();
    private final StringProperty message = new SimpleStringProperty("");

    public StatusViewModel(PlaceStore store, TaskExecutor tasks) {
        this.store = store;
        this.tasks = tasks;
        storePath.set(store.file() == null ? "" : store.file().toString());
    }

    public void refresh() {
        tasks.execute(() -> new long[] {store.stats(PlaceFilter.ALL).places(), store.pendingChanges()}, counts -> {
            places.set(counts[0]);
            unsynced.set(counts[1]);
        }, failure -> message.set(failure.getMessage()));
    }

    public StringProperty storePathProperty() {
        return storePath;
    }

    public LongProperty placesProperty() {
        return places;
    }

    public LongProperty unsyncedProperty() {
        return unsynced;
    }

    /** The last thing that happened ("Saved", "Undone"), announced to screen readers by the view. */
    public StringProperty messageProperty() {
        return message;
    }
}
