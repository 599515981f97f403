package org.seuil.app.report;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.seuil.domain.Report;
import org.seuil.store.PlaceStore;

/**
 * The person's saves, newest last, so that Undo can take back the last one. Undo is itself a
 * save that syncs: a new report is deleted (a tombstone), an edited one gets its previous content
 * back under a new revision. Nothing is rewritten behind the outbox's back.
 */
public final class UndoHistory {
    /** One save: what was written, and what the report was before (null for a new report). */
    public record Save(Report saved, Report previous) {
    }

    private final Deque<Save> saves = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();

    public synchronized void record(Report saved, Report previous) {
        saves.push(new Save(saved, previous));
        canUndo.set(true);
    }

    /** Takes back the last save in the store; returns it, or empty when there is nothing to undo. */
    public Optional<Save> undoLast(PlaceStore store) {
        Save last;
        synchronized (this) {
            last = saves.poll();
        }
        if (last == null) {
            return Optional.empty();
        }
        if (last.previous() == null) {
            store.deleteReport(last.saved().id(), Instant.now());
        } else {
            int stored = store.report(last.saved().id()).map(Report::revision).orElse(last.saved().revision());
            store.saveReport(last.previous().withRevision(stored + 1));
        }
        return Optional.of(last);
    }

    /** Called on the UI thread after an undo finished, so the binding changes there. */
    public synchronized void refreshState() {
        canUndo.set(!saves.isEmpty());
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }
}
