package org.seuil.app.sync;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.seuil.app.i18n.Messages;
import org.seuil.app.task.TaskExecutor;
import org.seuil.domain.Criterion;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Report;
import org.seuil.store.ConflictChoice;
import org.seuil.store.PlaceStore;
import org.seuil.store.PlaceView;
import org.seuil.store.SyncConflict;

/**
 * The conflicts screen: the kept conflicts, and for the chosen one my version beside the
 * server's, criterion by criterion, with the rows that differ marked; "Keep mine" or "Keep theirs"
 * settles it through {@link PlaceStore#resolveConflict}.
 */
public final class ConflictsViewModel {
    /** One kept conflict as listed: the place's name and both versions. */
    public record Item(String place, SyncConflict conflict) {
        public boolean refused() {
            return conflict.theirs() == null;
        }
    }

    /** One line of the comparison; {@code differs} is shown as a mark, not only by colour. */
    public record Row(String label, String mine, String theirs, boolean differs) {
    }

    private final PlaceStore store;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final Function<Object, String> valueText;
    private final ObservableList<Item> items = FXCollections.observableArrayList();
    private final ObjectProperty<Item> selected = new SimpleObjectProperty<>();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");

    /**
     * @param valueText how a criterion value is written (grades, yes/no, measures, enum values)
     */
    public ConflictsViewModel(PlaceStore store, TaskExecutor tasks, Messages messages, Function<Object, String> valueText) {
        this.store = store;
        this.tasks = tasks;
        this.messages = messages;
        this.valueText = valueText;
        selected.addListener((o, old, now) -> rebuildRows());
    }

    public void load() {
        tasks.execute(() -> {
            List<Item> found = new ArrayList<>();
            for (SyncConflict c : store.conflicts()) {
                PlaceId id = c.mine().placeId();
                found.add(new Item(store.place(id).map(PlaceView::place).map(p -> p.displayName()).orElse(id.value()), c));
            }
            // A report that conflicted twice is settled once, on its latest conflict (as the store does).
            List<Item> latest = new ArrayList<>();
            for (int i = found.size() - 1; i >= 0; i--) {
                Item item = found.get(i);
                if (latest.stream().noneMatch(k -> k.conflict().mine().id().equals(item.conflict().mine().id()))) {
                    latest.add(0, item);
                }
            }
            return latest;
        }, loaded -> {
            items.setAll(loaded);
            selected.set(loaded.isEmpty() ? null : loaded.get(0));
        }, failure -> message.set(messages.get("status.failed", failure.getMessage())));
    }

    /** Settles the selected conflict; {@code afterwards} gets the place whose report changed. */
    public void resolve(ConflictChoice choice, Consumer<PlaceId> afterwards) {
        Item item = selected.get();
        if (item == null || (choice == ConflictChoice.KEEP_THEIRS && item.refused())) {
            return;
        }
        tasks.execute(() -> store.resolveConflict(item.conflict().mine().id(), choice), kept -> {
            message.set(messages.get(choice == ConflictChoice.KEEP_MINE ? "conflicts.keptMine" : "conflicts.keptTheirs", item.place()));
            int index = items.indexOf(item);
            items.remove(item);
            selected.set(items.isEmpty() ? null : items.get(Math.min(index, items.size() - 1)));
            afterwards.accept(kept.placeId());
        }, failure -> message.set(messages.get("status.failed", failure.getMessage())));
    }

    private void rebuildRows() {
        rows.clear();
        Item item = selected.get();
        if (item == null) {
            return;
        }
        Report mine = item.conflict().mine();
        Report theirs = item.conflict().theirs();
        add(messages.get("conflicts.version"), version(mine), theirs == null ? "" : version(theirs), false);
        if (theirs == null) {
            add(messages.get("conflicts.refusedBecause"), item.conflict().reason(), "", false);
        }
        for (Criterion c : Criterion.values()) {
            Object a = c.valueIn(mine);
            Object b = theirs == null ? null : c.valueIn(theirs);
            if (a != null || b != null) {
                add(messages.get("criterion." + c.name()), text(a), theirs == null ? "" : text(b), theirs != null && !Objects.equals(a, b));
            }
        }
        String myComment = comment(mine);
        String theirComment = theirs == null ? "" : comment(theirs);
        if (!myComment.isEmpty() || !theirComment.isEmpty()) {
            add(messages.get("conflicts.comment"), myComment, theirComment, theirs != null && !myComment.equals(theirComment));
        }
        int myExperiences = mine.experiences().size();
        int theirExperiences = theirs == null ? 0 : theirs.experiences().size();
        if (myExperiences + theirExperiences > 0) {
            add(messages.get("conflicts.experiences"), String.valueOf(myExperiences), theirs == null ? "" : String.valueOf(theirExperiences),
                    theirs != null && !mine.experiences().equals(theirs.experiences()));
        }
        if (mine.deleted() || (theirs != null && theirs.deleted())) {
            add(messages.get("conflicts.deleted"), messages.get(mine.deleted() ? "value.yes" : "value.no"),
                    theirs == null ? "" : messages.get(theirs.deleted() ? "value.yes" : "value.no"), theirs != null && mine.deleted() != theirs.deleted());
        }
    }

    private void add(String label, String mine, String theirs, boolean differs) {
        rows.add(new Row(label, mine, theirs, differs));
    }

    private String text(Object value) {
        return value == null ? "—" : valueText.apply(value);
    }

    private String comment(Report r) {
        String own = r.descriptions().get(messages.locale().getLanguage());
        return own != null ? own : r.descriptions().values().stream().findFirst().orElse("");
    }

    private String version(Report r) {
        return messages.get("conflicts.revision", r.revision(), r.author(), when(r.surveyedAt()));
    }

    private String when(Instant at) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(messages.locale()).withZone(ZoneId.systemDefault()).format(at);
    }

    public ObservableList<Item> items() {
        return items;
    }

    public ObjectProperty<Item> selectedProperty() {
        return selected;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    /** What the last resolution did, or why it failed. */
    public StringProperty messageProperty() {
        return message;
    }
}
