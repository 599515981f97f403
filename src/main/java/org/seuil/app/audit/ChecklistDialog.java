package org.seuil.app.audit;

import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.seuil.app.AppContext;
import org.seuil.app.i18n.Messages;
import org.seuil.app.main.Dialogs;
import org.seuil.app.main.Theme;
import org.seuil.app.places.PinStyle;
import org.seuil.audit.ChecklistItem;
import org.seuil.audit.DefaultChecklist;
import org.seuil.audit.Section;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Report;

/**
 * The checklist of one visit (view of {@link ChecklistViewModel}): the campaign's questions by
 * section, measurements with their unit, and above them the grade as the rule set computes it
 * while the volunteer types, with the finding that decided it.
 */
final class ChecklistDialog {
    private final Dialog<Report> dialog = new Dialog<>();
    private final ChecklistViewModel vm;
    private final Messages messages;
    private final java.util.Map<String, Control> fields = new java.util.LinkedHashMap<>();

    private ChecklistDialog(AppContext context, Window owner, ChecklistViewModel vm) {
        this.vm = vm;
        this.messages = context.messages();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("audit.checklist.title", vm.venue().displayName()));
        dialog.setResizable(true);
        build();
        Theme.apply(dialog.getDialogPane(), context.settings());
    }

    static Optional<Report> show(AppContext context, Window owner, ChecklistViewModel vm) {
        return new ChecklistDialog(context, owner, vm).dialog.showAndWait();
    }

    private void build() {
        Label venue = new Label(vm.venue().displayName() + (vm.venue().category() == null ? "" : " · " + vm.venue().category()));
        venue.getStyleClass().add("section-title");
        Label rules = new Label(messages.get("audit.checklist.rules", messages.get("audit.rules." + vm.campaign().rules().name())));
        rules.getStyleClass().add("secondary");
        Label grade = new Label();
        grade.setId("audit-grade");
        grade.getStyleClass().add("section-title");
        grade.setStyle("-fx-font-size: 1.3em;");
        grade.textProperty().bind(Bindings.createStringBinding(() -> {
            Accessibility a = vm.gradingProperty().get().overall().shown();
            return messages.get("audit.grade.overall", PinStyle.of(a).glyph(), messages.get("grade." + a.name()));
        }, vm.gradingProperty(), messages.localeProperty()));
        Label decided = new Label();
        decided.setId("audit-decided");
        decided.setWrapText(true);
        decided.textProperty().bind(vm.decidedByProperty());
        VBox findings = new VBox(2);
        findings.setId("audit-findings");
        Runnable showFindings = () -> {
            findings.getChildren().clear();
            for (String f : vm.findings()) {
                Label l = new Label("• " + f);
                l.setWrapText(true);
                l.getStyleClass().add("secondary");
                findings.getChildren().add(l);
            }
        };
        vm.findings().addListener((javafx.collections.ListChangeListener<String>) c -> showFindings.run());
        showFindings.run();
        VBox gradeBox = new VBox(4, grade, decided, findings);

        gradeBox.setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
        grade.accessibleTextProperty().bind(Bindings.concat(grade.textProperty(), ". ", decided.textProperty()));

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        ColumnConstraints q = new ColumnConstraints();
        q.setPercentWidth(58);
        ColumnConstraints a = new ColumnConstraints();
        a.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(q, a);
        int row = 0;
        for (Section section : Section.values()) {
            List<ChecklistViewModel.Answer> inSection = vm.answers().stream().filter(x -> x.item().section() == section).toList();
            if (inSection.isEmpty()) {
                continue;
            }
            Label title = new Label(messages.get("audit.section." + section.name()));
            title.getStyleClass().add("section-title");
            grid.add(title, 0, row++, 2, 1);
            for (ChecklistViewModel.Answer answer : inSection) {
                Label question = new Label(question(answer.item()));
                question.setWrapText(true);
                Control field = field(answer);
                question.setLabelFor(field);
                field.setAccessibleText(question.getText());
                Label error = new Label();
                error.getStyleClass().add("field-error");
                error.setId("error-" + answer.item().id());
                error.textProperty().bind(Bindings.createStringBinding(
                        () -> answer.errorProperty().get().isEmpty() ? "" : "⚠ " + answer.errorProperty().get(), answer.errorProperty()));
                error.managedProperty().bind(error.textProperty().isNotEmpty());
                field.accessibleHelpProperty().bind(answer.errorProperty());
                Node input = field;
                String unit = ChecklistViewModel.unit(answer.item());
                if (!unit.isEmpty()) {
                    HBox withUnit = new HBox(4, field, new Label(unit));
                    HBox.setHgrow(field, Priority.ALWAYS);
                    input = withUnit;
                }
                grid.add(question, 0, row);
                grid.add(new VBox(2, input, error), 1, row++);
                fields.put(answer.item().id(), field);
            }
        }
        TextArea comment = new TextArea();
        comment.setId("audit-comment");
        comment.setPrefRowCount(2);
        comment.setWrapText(true);
        comment.textProperty().bindBidirectional(vm.commentProperty());
        Label commentLabel = new Label(messages.get("audit.checklist.comment"));
        commentLabel.setLabelFor(comment);
        comment.setAccessibleText(commentLabel.getText());
        grid.add(commentLabel, 0, row);
        grid.add(comment, 1, row);
        Label formError = new Label();
        formError.setId("audit-form-error");
        formError.getStyleClass().add("field-error");
        formError.setWrapText(true);
        formError.textProperty().bind(Bindings.createStringBinding(
                () -> vm.formErrorProperty().get().isEmpty() ? "" : "⚠ " + vm.formErrorProperty().get(), vm.formErrorProperty()));

        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(420);
        scroll.setPrefViewportWidth(620);
        VBox content = new VBox(8, venue, rules, gradeBox, scroll, formError);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        dialog.getDialogPane().setContent(content);
        ButtonType save = new ButtonType(messages.get("audit.checklist.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("report.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(save, cancel);
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("audit-save");
        saveButton.disableProperty().bind(vm.savingProperty());
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            boolean started = vm.save(saved -> {
                dialog.setResult(saved);
                dialog.close();
            });
            if (!started) {
                vm.answers().stream().filter(x -> !x.errorProperty().get().isEmpty()).findFirst()
                        .ifPresent(x -> fields.get(x.item().id()).requestFocus());
            }
        });
        Dialogs.enterFiresDefault(dialog.getDialogPane(), saveButton);
        dialog.setResultConverter(button -> null);
        if (!fields.isEmpty()) {
            Platform.runLater(fields.values().iterator().next()::requestFocus);
        }
    }

    /** The default checklist's questions exist in the app's languages; a custom checklist's show as written. */
    private String question(ChecklistItem item) {
        if (!DefaultChecklist.ID.equals(vm.campaign().checklist().id())) {
            return item.question();
        }
        String translated = messages.get("audit.item." + item.id());
        return translated.startsWith("!") ? item.question() : translated;
    }

    private Control field(ChecklistViewModel.Answer answer) {
        String id = "answer-" + answer.item().id().replace('.', '-');
        if (answer.typed()) {
            TextField text = new TextField();
            text.setId(id);
            text.textProperty().bindBidirectional(answer.textProperty());
            text.setPrefColumnCount(answer.item().answer() == org.seuil.audit.AnswerKind.TEXT ? 20 : 6);
            return text;
        }
        ComboBox<Object> box = new ComboBox<>();
        box.setId(id);
        box.getItems().add(null);
        box.getItems().addAll(ChecklistViewModel.choices(answer.item()));
        box.valueProperty().bindBidirectional(answer.choiceProperty());
        box.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : label(item));
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private String label(Object value) {
        if (value == null) {
            return messages.get("audit.notAnswered");
        }
        if (value instanceof Boolean yes) {
            return messages.get(yes ? "audit.yes" : "audit.no");
        }
        if (value instanceof Accessibility a) {
            return messages.get("grade." + a.name());
        }
        if (value instanceof Enum<?> e) {
            return messages.get("enum." + e.getDeclaringClass().getSimpleName() + "." + e.name());
        }
        return value.toString();
    }
}
