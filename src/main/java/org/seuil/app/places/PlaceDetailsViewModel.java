package org.seuil.app.places;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.seuil.app.i18n.Messages;
import org.seuil.app.task.TaskExecutor;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Criterion;
import org.seuil.domain.Experience;
import org.seuil.domain.Observation;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Quantity;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.store.PlaceStore;
import org.seuil.store.PlaceView;

/**
 * The place panel: name, category, address, each surveyed criterion with who surveyed it and
 * when, the shared experiences, and the full report history (the person's own reports can be
 * deleted). Texts are formatted here, in the current language, so the view only lays them out.
 */
public final class PlaceDetailsViewModel {
    public record CriterionRow(String criterion, String value, String surveyedBy) {
    }

    public record ExperienceRow(String kind, String text, String needs, String when) {
    }

    public record HistoryRow(ReportId reportId, String when, String author, String summary, boolean deleted, boolean mine) {
    }

    private final PlaceStore store;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final StringProperty author;
    private final ObjectProperty<PlaceView> place = new SimpleObjectProperty<>();
    private final ObservableList<CriterionRow> criteria = FXCollections.observableArrayList();
    private final ObservableList<ExperienceRow> experiences = FXCollections.observableArrayList();
    private final ObservableList<HistoryRow> history = FXCollections.observableArrayList();
    private final StringProperty error = new SimpleStringProperty();
    private List<Report> reports = List.of();

    public PlaceDetailsViewModel(PlaceStore store, TaskExecutor tasks, Messages messages, StringProperty author) {
        this.store = store;
        this.tasks = tasks;
        this.messages = messages;
        this.author = author;
        messages.localeProperty().addListener((o, old, now) -> rebuildRows());
    }

    public void show(PlaceId id) {
        if (id == null) {
            place.set(null);
            reports = List.of();
            rebuildRows();
            return;
        }
        tasks.execute(() -> new Loaded(store.place(id), store.reports(id)), loaded -> {
            place.set(loaded.view().orElse(null));
            reports = loaded.reports();
            rebuildRows();
        }, failure -> error.set(failure.getMessage()));
    }

    private record Loaded(Optional<PlaceView> view, List<Report> reports) {
    }

    /** Re-reads the shown place, after a save or an undo. */
    public void refresh() {
        PlaceView shown = place.get();
        if (shown != null) {
            show(shown.place().id());
        }
    }

    /** Deletes one of the person's own reports (a tombstone, so the deletion syncs). */
    public void delete(ReportId id, Runnable afterwards) {
        tasks.execute(() -> {
            store.deleteReport(id, Instant.now());
            return id;
        }, done -> {
            refresh();
            afterwards.run();
        }, failure -> error.set(failure.getMessage()));
    }

    private void rebuildRows() {
        criteria.clear();
        experiences.clear();
        history.clear();
        PlaceView view = place.get();
        if (view == null) {
            return;
        }
        for (Criterion c : Criterion.values()) {
            Observation o = view.accessibility().current().get(c);
            if (o != null) {
                criteria.add(new CriterionRow(messages.get("criterion." + c.name()), value(o.value()),
                        messages.get("place.surveyedBy", o.author(), date(o.surveyedAt()))));
            }
        }
        List<Report> newestFirst = new ArrayList<>(reports);
        newestFirst.sort(Comparator.comparing(Report::surveyedAt).reversed());
        for (Report r : newestFirst) {
            if (!r.deleted()) {
                for (Experience e : r.experiences()) {
                    experiences.add(new ExperienceRow(messages.get("experience." + e.kind().name()), e.text(),
                            e.needs().stream().map(n -> messages.get("need." + n.name())).sorted().collect(Collectors.joining(", ")),
                            date(r.surveyedAt())));
                }
            }
            history.add(new HistoryRow(r.id(), date(r.surveyedAt()), r.author(), summary(r), r.deleted(),
                    !r.deleted() && r.author().equals(author.get())));
        }
    }

    private String summary(Report r) {
        if (r.deleted()) {
            return messages.get("history.deleted");
        }
        List<String> parts = new ArrayList<>();
        if (r.wheelchair() != Accessibility.UNKNOWN) {
            parts.add(messages.get("criterion.WHEELCHAIR") + ": " + value(r.wheelchair()));
        }
        int surveyed = 0;
        for (Criterion c : Criterion.values()) {
            if (c != Criterion.WHEELCHAIR && c.valueIn(r) != null) {
                surveyed++;
            }
        }
        if (surveyed > 0) {
            parts.add(messages.get("history.criteria", surveyed));
        }
        if (!r.experiences().isEmpty()) {
            parts.add(messages.get("history.experiences", r.experiences().size()));
        }
        String comment = r.descriptions().get(messages.locale().getLanguage());
        if (comment == null && !r.descriptions().isEmpty()) {
            comment = r.descriptions().values().iterator().next();
        }
        if (comment != null) {
            parts.add("“" + comment + "”");
        }
        return parts.isEmpty() ? messages.get("history.empty") : String.join(" · ", parts);
    }

    /** A criterion value in words: grades and yes/no translated, measures with their unit. */
    public String value(Object value) {
        if (value instanceof Accessibility a) {
            return messages.get("grade." + a.shown().name());
        }
        if (value instanceof Boolean b) {
            return messages.get(b ? "value.yes" : "value.no");
        }
        if (value instanceof Quantity q) {
            String text = q.toString().replace(" (estimated)", "");
            return q.measured() ? text : text + " " + messages.get("value.estimated");
        }
        if (value instanceof Enum<?> e) {
            return messages.get("enum." + e.getDeclaringClass().getSimpleName() + "." + e.name());
        }
        return String.valueOf(value);
    }

    String date(Instant when) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(messages.locale() == null ? Locale.ENGLISH : messages.locale())
                .format(when.atZone(ZoneId.systemDefault()));
    }

    public ObjectProperty<PlaceView> placeProperty() {
        return place;
    }

    public List<Report> reports() {
        return reports;
    }

    public ObservableList<CriterionRow> criteria() {
        return criteria;
    }

    public ObservableList<ExperienceRow> experiences() {
        return experiences;
    }

    public ObservableList<HistoryRow> history() {
        return history;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
