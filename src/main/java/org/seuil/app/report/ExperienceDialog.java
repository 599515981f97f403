package org.seuil.app.report;

import java.util.Optional;
import javafx.application.Platform;
import javafx.collections.MapChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.seuil.app.AppContext;
import org.seuil.app.i18n.Messages;
import org.seuil.app.main.Theme;
import org.seuil.domain.ExperienceKind;
import org.seuil.domain.Need;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Report;

/** "Share an experience": the view of {@link ExperienceFormViewModel}. */
public final class ExperienceDialog {
    private ExperienceDialog() {
    }

    public static Optional<Report> show(AppContext context, Window owner, PlaceId place) {
        Messages messages = context.messages();
        ExperienceFormViewModel vm = new ExperienceFormViewModel(context.store(), context.tasks(), messages, context.undo(), context.author(), place);
        Dialog<Report> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("experience.title"));
        dialog.setHeaderText(messages.get("experience.header"));

        Label kindLabel = new Label(messages.get("experience.kind"));
        kindLabel.getStyleClass().add("section-title");
        ToggleGroup kinds = new ToggleGroup();
        HBox kindBox = new HBox(12);
        for (ExperienceKind kind : ExperienceKind.values()) {
            RadioButton r = new RadioButton(messages.get("experience." + kind.name()));
            r.setId("kind-" + kind.name().toLowerCase(java.util.Locale.ROOT));
            r.setToggleGroup(kinds);
            r.setUserData(kind);
            kindBox.getChildren().add(r);
        }
        kinds.selectedToggleProperty().addListener((o, old, now) -> vm.kindProperty().set(now == null ? null : (ExperienceKind) now.getUserData()));
        Label textLabel = new Label(messages.get("experience.text"));
        textLabel.getStyleClass().add("section-title");
        TextArea text = new TextArea();
        text.setId("experience-text");
        text.setPrefRowCount(4);
        text.setWrapText(true);
        text.setAccessibleText(messages.get("experience.text"));
        textLabel.setLabelFor(text);
        text.textProperty().bindBidirectional(vm.textProperty());
        text.addEventFilter(KeyEvent.KEY_PRESSED, ReportDialog::tabLeavesTextArea);
        Label needsLabel = new Label(messages.get("experience.needs"));
        needsLabel.getStyleClass().add("section-title");
        VBox needsBox = new VBox(4);
        for (Need need : Need.values()) {
            CheckBox c = new CheckBox(messages.get("need." + need.name()));
            c.setId("need-" + need.name().toLowerCase(java.util.Locale.ROOT));
            c.selectedProperty().bindBidirectional(vm.needProperty(need));
            needsBox.getChildren().add(c);
        }
        Label kindError = error(vm, ExperienceFormViewModel.KIND);
        Label textError = error(vm, ExperienceFormViewModel.TEXT);
        Label needsError = error(vm, ExperienceFormViewModel.NEEDS);
        VBox content = new VBox(6, kindLabel, kindBox, kindError, textLabel, text, textError, needsLabel, needsBox, needsError);
        content.setPadding(new Insets(6));
        content.setPrefWidth(520);
        dialog.getDialogPane().setContent(content);
        ButtonType share = new ButtonType(messages.get("experience.share"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("report.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(share, cancel);
        Button shareButton = (Button) dialog.getDialogPane().lookupButton(share);
        shareButton.setId("share-save");
        shareButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            if (!vm.save(saved -> {
                dialog.setResult(saved);
                dialog.close();
            })) {
                if (vm.errors().containsKey(ExperienceFormViewModel.KIND)) {
                    kindBox.getChildren().get(0).requestFocus();
                } else if (vm.errors().containsKey(ExperienceFormViewModel.TEXT)) {
                    text.requestFocus();
                } else {
                    needsBox.getChildren().get(0).requestFocus();
                }
            }
        });
        dialog.setResultConverter(b -> null);
        Theme.apply(dialog.getDialogPane(), context.settings());
        Platform.runLater(() -> kindBox.getChildren().get(0).requestFocus());
        return dialog.showAndWait();
    }

    private static Label error(ExperienceFormViewModel vm, String field) {
        Label l = new Label();
        l.setId("error-" + field);
        l.getStyleClass().add("field-error");
        l.setAccessibleRole(AccessibleRole.TEXT);
        l.setWrapText(true);
        Runnable update = () -> {
            String m = vm.errors().get(field);
            l.setText(m == null ? "" : "⚠ " + m);
            l.setManaged(m != null);
            l.setVisible(m != null);
        };
        vm.errors().addListener((MapChangeListener<String, String>) c -> update.run());
        update.run();
        return l;
    }
}
