package org.seuil.app.report;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.seuil.app.AppContext;
import org.seuil.app.i18n.Messages;
import org.seuil.app.main.Dialogs;
import org.seuil.app.main.Theme;
import org.seuil.domain.Accessibility;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Kerb;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Ramp;
import org.seuil.domain.Report;
import org.seuil.domain.Smoothness;
import org.seuil.domain.Surface;

/** The "report a place" dialog: the view of {@link ReportFormViewModel}. */
public final class ReportDialog {
    private final Dialog<Report> dialog = new Dialog<>();
    private final ReportFormViewModel vm;
    private final Messages messages;
    private final FormFields form;

    private ReportDialog(AppContext context, Window owner, ReportFormViewModel vm) {
        this.vm = vm;
        this.messages = context.messages();
        this.form = new FormFields(messages, vm.errors());
        dialog.initOwner(owner);
        dialog.setTitle(messages.get(vm.isNewPlace() ? "report.titleNew" : "report.title"));
        dialog.setHeaderText(messages.get("report.header"));
        dialog.setResizable(true);
        build(context);
        Theme.apply(dialog.getDialogPane(), context.settings());
    }

    public static Optional<Report> forPlace(AppContext c, Window owner, PlaceId place) {
        return new ReportDialog(c, owner, ReportFormViewModel.forPlace(c.store(), c.tasks(), c.messages(), c.undo(), c.photos(), c.author(), place)).show();
    }

    public static Optional<Report> newPlace(AppContext c, Window owner, GeoPoint at) {
        return new ReportDialog(c, owner, ReportFormViewModel.newPlace(c.store(), c.tasks(), c.messages(), c.undo(), c.photos(), c.author(), at)).show();
    }

    public static Optional<Report> edit(AppContext c, Window owner, Report report) {
        return new ReportDialog(c, owner, ReportFormViewModel.edit(c.store(), c.tasks(), c.messages(), c.undo(), c.photos(), report)).show();
    }

    private <E extends Enum<E>> String enumLabel(E value) {
        return messages.get("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    private String grade(Accessibility a) {
        return messages.get("grade." + a.name());
    }

    private void build(AppContext context) {
        List<Accessibility> grades = Arrays.asList(Accessibility.UNKNOWN, Accessibility.YES, Accessibility.LIMITED, Accessibility.NO);
        if (vm.isNewPlace()) {
            form.section("report.section.place");
            form.text(ReportFormViewModel.NAME, "report.name", vm.nameProperty());
            form.text(ReportFormViewModel.CATEGORY, "report.category", vm.categoryProperty()).setPromptText("amenity=cafe");
        }
        form.section("report.section.overall");
        form.choice("wheelchair", "report.wheelchair", vm.wheelchairProperty(), grades, this::grade, false);
        form.section("report.section.entrance");
        form.text(ReportFormViewModel.STEP_COUNT, "report.stepCount", vm.stepCountProperty());
        form.text(ReportFormViewModel.STEP_HEIGHT, "report.stepHeight", vm.stepHeightProperty());
        form.choice("ramp", "report.ramp", vm.rampProperty(), Arrays.asList(Ramp.values()), this::enumLabel, true);
        form.text(ReportFormViewModel.DOOR_WIDTH, "report.doorWidth", vm.doorWidthProperty());
        form.yesNo("automaticDoor", "report.automaticDoor", vm.automaticDoorProperty());
        form.yesNo("doorbell", "report.doorbell", vm.doorbellProperty());
        form.section("report.section.toilet");
        form.choice("toiletsWheelchair", "report.toiletsWheelchair", vm.toiletsWheelchairProperty(), grades, this::grade, false);
        form.text(ReportFormViewModel.TOILET_DOOR_WIDTH, "report.toiletDoorWidth", vm.toiletDoorWidthProperty());
        form.text(ReportFormViewModel.TURNING_SPACE, "report.turningSpace", vm.turningSpaceProperty());
        form.yesNo("grabBars", "report.grabBars", vm.grabBarsProperty());
        form.section("report.section.parking");
        form.text(ReportFormViewModel.PARKING_SPACES, "report.parkingSpaces", vm.parkingSpacesProperty());
        form.yesNo("parkingStepFree", "report.parkingStepFree", vm.parkingStepFreeProperty());
        form.section("report.section.path");
        form.choice("kerb", "report.kerb", vm.kerbProperty(), Arrays.asList(Kerb.values()), this::enumLabel, true);
        form.choice("surface", "report.surface", vm.surfaceProperty(), Arrays.asList(Surface.values()), this::enumLabel, true);
        form.choice("smoothness", "report.smoothness", vm.smoothnessProperty(), Arrays.asList(Smoothness.values()), this::enumLabel, true);
        form.text(ReportFormViewModel.INCLINE, "report.incline", vm.inclineProperty());
        CheckBox measured = new CheckBox(messages.get("report.measured"));
        measured.setId("field-measured");
        measured.selectedProperty().bindBidirectional(vm.measuredProperty());
        form.full(measured);
        form.section("report.section.comment");
        TextArea comment = new TextArea();
        comment.setPrefRowCount(3);
        comment.setWrapText(true);
        comment.textProperty().bindBidirectional(vm.commentProperty());
        form.add(ReportFormViewModel.COMMENT, "report.comment", comment);
        comment.addEventFilter(KeyEvent.KEY_PRESSED, ReportDialog::tabLeavesTextArea);
        ListView<Path> photos = new ListView<>(vm.photos());
        photos.setPrefHeight(60);
        Button addPhoto = new Button(messages.get("report.addPhoto"));
        addPhoto.setId("add-photo");
        addPhoto.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(messages.get("report.addPhoto"));
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("report.photoFiles"), "*.jpg", "*.jpeg", "*.png", "*.webp"));
            List<File> chosen = chooser.showOpenMultipleDialog(dialog.getOwner());
            if (chosen != null) {
                chosen.forEach(f -> vm.photos().add(f.toPath()));
            }
        });
        form.add(ReportFormViewModel.PHOTOS, "report.photos", photos);
        form.full(new HBox(addPhoto));
        Label formError = new Label();
        formError.setId("error-form");
        formError.getStyleClass().add("field-error");
        formError.setWrapText(true);
        vm.errors().addListener((javafx.collections.MapChangeListener<String, String>) c -> {
            String m = vm.errors().get(ReportFormViewModel.FORM);
            formError.setText(m == null ? "" : "⚠ " + m);
        });
        ScrollPane scroll = new ScrollPane(new VBox(8, form.grid(), formError));
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(560);
        scroll.setPrefViewportWidth(560);
        dialog.getDialogPane().setContent(scroll);
        ButtonType save = new ButtonType(messages.get("report.save"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("report.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(save, cancel);
        Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
        saveButton.setId("save");
        saveButton.disableProperty().bind(vm.savingProperty());
        saveButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            boolean started = vm.save(saved -> {
                dialog.setResult(saved);
                dialog.close();
            });
            if (!started) {
                Control invalid = form.firstInvalid();
                if (invalid != null) {
                    invalid.requestFocus();
                }
            }
        });
        Dialogs.enterFiresDefault(dialog.getDialogPane(), saveButton);
        dialog.setResultConverter(button -> null);
        Control first = vm.isNewPlace() ? form.control(ReportFormViewModel.NAME) : form.control("wheelchair");
        Platform.runLater(first::requestFocus);
    }

    /**
     * Tab in a text area would type a tab and trap keyboard users; make it move on as in every
     * other field (the text area's own Ctrl+Tab traversal, re-fired).
     */
    static void tabLeavesTextArea(KeyEvent e) {
        if (e.getCode() == KeyCode.TAB && !e.isControlDown() && e.getTarget() instanceof TextArea area) {
            e.consume();
            area.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, e.isShiftDown(), true, false, false));
        }
    }

    private Optional<Report> show() {
        return dialog.showAndWait();
    }
}
