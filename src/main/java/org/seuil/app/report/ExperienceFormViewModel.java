package org.seuil.app.report;

import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.seuil.app.i18n.Messages;
import org.seuil.app.task.TaskExecutor;
import org.seuil.domain.Experience;
import org.seuil.domain.ExperienceKind;
import org.seuil.domain.Need;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.store.PlaceStore;

/**
 * "Share an experience", as I Wheel Share does: it went well ("ça roule"), badly ("bâton dans
 * les roues"), or a tip ("bon plan"), tagged with the needs it concerns. It travels as a report
 * that carries only the experience, so it syncs and shows in the history like any survey.
 */
public final class ExperienceFormViewModel {
    public static final String KIND = "kind";
    public static final String TEXT = "text";
    public static final String NEEDS = "needs";

    private final PlaceStore store;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final UndoHistory undo;
    private final String author;
    private final PlaceId placeId;
    private final ObjectProperty<ExperienceKind> kind = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final Map<Need, BooleanProperty> needs = new EnumMap<>(Need.class);
    private final ObservableMap<String, String> errors = FXCollections.observableMap(new LinkedHashMap<>());

    public ExperienceFormViewModel(PlaceStore store, TaskExecutor tasks, Messages messages, UndoHistory undo, String author, PlaceId placeId) {
        this.store = store;
        this.tasks = tasks;
        this.messages = messages;
        this.undo = undo;
        this.author = author;
        this.placeId = placeId;
        for (Need need : Need.values()) {
            needs.put(need, new SimpleBooleanProperty(need == Need.WHEELCHAIR));
        }
    }

    public Report validate() {
        errors.clear();
        if (kind.get() == null) {
            errors.put(KIND, messages.get("experience.error.kind"));
        }
        String t = text.get() == null ? "" : text.get().strip();
        if (t.isEmpty()) {
            errors.put(TEXT, messages.get("experience.error.text"));
        } else if (t.length() > 10_000) {
            errors.put(TEXT, messages.get("form.error.tooLong", 10_000));
        }
        Set<Need> chosen = EnumSet.noneOf(Need.class);
        needs.forEach((need, on) -> {
            if (on.get()) {
                chosen.add(need);
            }
        });
        if (chosen.isEmpty()) {
            errors.put(NEEDS, messages.get("experience.error.needs"));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        Experience experience = new Experience(kind.get(), t, chosen, messages.locale().getLanguage());
        Report blank = Report.blank(ReportId.generate(), placeId, author, Instant.now());
        return new Report(blank.id(), placeId, author, blank.surveyedAt(), 1, null, null, null, null, null, null,
                Map.of(), List.of(), List.of(experience), false);
    }

    public boolean save(Consumer<Report> onSaved) {
        Report report = validate();
        if (report == null) {
            return false;
        }
        tasks.execute(() -> {
            store.saveReport(report);
            undo.record(report, null);
            return report;
        }, onSaved, failure -> errors.put(TEXT, messages.get("form.error.saveFailed", failure.getMessage())));
        return true;
    }

    public ObjectProperty<ExperienceKind> kindProperty() {
        return kind;
    }

    public StringProperty textProperty() {
        return text;
    }

    public BooleanProperty needProperty(Need need) {
        return needs.get(need);
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }
}
