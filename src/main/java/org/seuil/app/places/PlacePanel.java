package org.seuil.app.places;

import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.seuil.app.AppContext;
import org.seuil.app.i18n.Messages;
import org.seuil.domain.Report;
import org.seuil.store.PlaceView;

/**
 * The place panel: what the selected place is, what is known about its accessibility and from
 * whom, what people experienced there, and every report ever made on it.
 */
public final class PlacePanel {
    private final AppContext context;
    private final Messages messages;
    private final PlaceDetailsViewModel vm;
    private final Consumer<Report> onEdit;
    private final VBox box = new VBox(8);
    private final Label name = new Label();
    private final Label category = new Label();
    private final Label address = new Label();
    private final Label grade = new Label();
    private final GridPane criteria = new GridPane();
    private final VBox experiences = new VBox(6);
    private final VBox history = new VBox(6);
    private final Label empty = new Label();

    public PlacePanel(AppContext context, Runnable onReport, Runnable onShare, Consumer<Report> onEdit) {
        this.context = context;
        this.messages = context.messages();
        this.vm = context.details();
        this.onEdit = onEdit;
        box.setPadding(new Insets(10));
        box.setId("place-panel");
        box.getStyleClass().add("place-panel");
        name.setId("place-name");
        name.getStyleClass().add("place-name");
        name.setWrapText(true);
        name.setAccessibleRole(AccessibleRole.TEXT);
        category.setId("place-category");
        address.setWrapText(true);
        grade.setId("place-grade");
        grade.getStyleClass().add("place-grade");
        criteria.setHgap(8);
        criteria.setVgap(4);
        criteria.setId("place-criteria");
        empty.textProperty().bind(messages.bind("place.none"));
        empty.setWrapText(true);
        Button report = new Button();
        report.setId("panel-report");
        report.textProperty().bind(messages.bind("action.report"));
        report.setOnAction(e -> onReport.run());
        Button share = new Button();
        share.setId("panel-share");
        share.textProperty().bind(messages.bind("action.share"));
        share.setOnAction(e -> onShare.run());
        HBox actions = new HBox(8, report, share);
        Label criteriaTitle = title("place.criteria");
        Label experiencesTitle = title("place.experiences");
        Label historyTitle = title("place.history");
        VBox details = new VBox(8, name, category, address, grade, actions, criteriaTitle, criteria, experiencesTitle, experiences, historyTitle, history);
        details.visibleProperty().bind(vm.placeProperty().isNotNull());
        details.managedProperty().bind(details.visibleProperty());
        empty.visibleProperty().bind(vm.placeProperty().isNull());
        empty.managedProperty().bind(empty.visibleProperty());
        box.getChildren().addAll(empty, details);
        vm.placeProperty().addListener((o, old, now) -> showPlace(now));
        vm.criteria().addListener((ListChangeListener<PlaceDetailsViewModel.CriterionRow>) c -> showCriteria());
        vm.experiences().addListener((ListChangeListener<PlaceDetailsViewModel.ExperienceRow>) c -> showExperiences());
        vm.history().addListener((ListChangeListener<PlaceDetailsViewModel.HistoryRow>) c -> showHistory());
        messages.localeProperty().addListener((o, old, now) -> showPlace(vm.placeProperty().get()));
    }

    private Label title(String key) {
        Label l = new Label();
        l.textProperty().bind(messages.bind(key));
        l.getStyleClass().add("section-title");
        return l;
    }

    public VBox node() {
        return box;
    }

    private void showPlace(PlaceView view) {
        if (view == null) {
            return;
        }
        name.setText(view.place().displayName());
        category.setText(view.place().category() == null ? messages.get("place.noCategory") : view.place().category());
        address.setText(view.place().address() == null ? "" : view.place().address());
        address.setVisible(view.place().address() != null);
        address.setManaged(view.place().address() != null);
        PinStyle style = context.map().style(view);
        String gradeText = messages.get("grade." + view.accessibility().wheelchair().shown().name());
        grade.setText(style.glyph() + "  " + (context.map().profileProperty().get() == null ? messages.get("place.grade", gradeText)
                : messages.get("place.fit", messages.get("fit." + style.name()), gradeText)));
    }

    private void showCriteria() {
        criteria.getChildren().clear();
        int row = 0;
        for (PlaceDetailsViewModel.CriterionRow r : vm.criteria()) {
            Label label = new Label(r.criterion());
            label.getStyleClass().add("criterion-label");
            Label value = new Label(r.value());
            value.getStyleClass().add("criterion-value");
            Label who = new Label(r.surveyedBy());
            who.getStyleClass().add("criterion-who");
            // One accessible sentence per row, so a screen reader reads label, value and source together.
            value.setAccessibleText(r.criterion() + ": " + r.value() + ", " + r.surveyedBy());
            criteria.addRow(row++, label, new VBox(value, who));
        }
        if (row == 0) {
            criteria.addRow(0, new Label(messages.get("place.noCriteria")));
        }
    }

    private void showExperiences() {
        experiences.getChildren().clear();
        for (PlaceDetailsViewModel.ExperienceRow r : vm.experiences()) {
            Label head = new Label(r.kind() + " · " + r.when());
            head.getStyleClass().add("experience-kind");
            Label text = new Label(r.text());
            text.setWrapText(true);
            Label needs = new Label(r.needs());
            needs.getStyleClass().add("criterion-who");
            VBox card = new VBox(2, head, text, needs);
            card.getStyleClass().add("card");
            experiences.getChildren().add(card);
        }
        if (vm.experiences().isEmpty()) {
            experiences.getChildren().add(new Label(messages.get("place.noExperiences")));
        }
    }

    private void showHistory() {
        history.getChildren().clear();
        for (PlaceDetailsViewModel.HistoryRow r : vm.history()) {
            Label head = new Label(r.when() + " · " + r.author());
            head.getStyleClass().add("experience-kind");
            Label summary = new Label(r.summary());
            summary.setWrapText(true);
            VBox card = new VBox(2, head, summary);
            card.getStyleClass().add(r.deleted() ? "card-deleted" : "card");
            if (r.mine()) {
                Button edit = new Button();
                edit.textProperty().bind(messages.bind("history.edit"));
                edit.setAccessibleText(messages.get("history.edit") + " " + r.when());
                edit.setOnAction(e -> vm.reports().stream().filter(rep -> rep.id().equals(r.reportId())).findFirst().ifPresent(onEdit));
                Button delete = new Button();
                delete.textProperty().bind(messages.bind("history.delete"));
                delete.setAccessibleText(messages.get("history.delete") + " " + r.when());
                delete.setOnAction(e -> vm.delete(r.reportId(), () -> {
                    context.map().placeChanged(vm.placeProperty().get().place().id());
                    context.status().refresh();
                }));
                card.getChildren().add(new HBox(6, edit, delete));
            }
            history.getChildren().add(card);
        }
    }
}
