package org.seuil.app.planner;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import org.seuil.app.AppContext;
import org.seuil.app.i18n.Messages;
import org.seuil.app.main.Theme;

/**
 * The planner's export: a format, a file, then progress with Cancel. The dialog stays open while
 * the export runs in the background and says how it ended; Cancel stops it and no file is written.
 */
final class PlannerExportDialog {
    private PlannerExportDialog() {
    }

    static Dialog<Void> show(AppContext context, Stage owner, PlannerViewModel viewModel) {
        Messages messages = context.messages();
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(messages.get("planner.export.title"));
        dialog.setHeaderText(messages.get("planner.export.header"));

        ChoiceBox<ExportFormat> format = new ChoiceBox<>();
        format.setId("planner-export-format");
        format.getItems().setAll(List.of(ExportFormat.values()));
        format.setConverter(new StringConverter<>() {
            @Override
            public String toString(ExportFormat f) {
                return f == null ? "" : messages.get(f.key());
            }

            @Override
            public ExportFormat fromString(String s) {
                return null;
            }
        });
        format.setValue(viewModel.modeProperty().get() == PlannerMode.HEATMAP ? ExportFormat.GEOTIFF : ExportFormat.GEOPACKAGE);
        format.setAccessibleText(messages.get("planner.export.format"));
        Label what = new Label();
        what.setId("planner-export-what");
        what.setWrapText(true);
        what.setMaxWidth(460);
        what.getStyleClass().add("secondary");
        what.textProperty().bind(Bindings.createStringBinding(() -> format.getValue() == null ? ""
                : messages.get(format.getValue().key() + ".help"), format.valueProperty()));

        Path folder = context.store().file() == null ? Path.of(System.getProperty("user.home"))
                : context.store().file().toAbsolutePath().getParent();
        TextField file = new TextField(folder.resolve(format.getValue().fileName("seuil-planner")).toString());
        file.setId("planner-export-file");
        file.setPrefColumnCount(32);
        file.setAccessibleText(messages.get("planner.export.file"));
        format.valueProperty().addListener((o, old, now) -> {
            if (now != null && !file.getText().isBlank()) {
                Path p = Path.of(file.getText());
                file.setText(p.resolveSibling(now.fileName(p.getFileName().toString())).toString());
            }
        });
        Button browse = new Button(messages.get("planner.export.browse"));
        browse.setId("planner-export-browse");
        browse.setMnemonicParsing(true);
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(messages.get("planner.export.title"));
            ExportFormat f = format.getValue();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get(f.key()), "*." + f.extension()));
            Path current = Path.of(file.getText());
            if (current.getParent() != null && current.getParent().toFile().isDirectory()) {
                chooser.setInitialDirectory(current.getParent().toFile());
            }
            chooser.setInitialFileName(current.getFileName() == null ? f.fileName("seuil-planner") : current.getFileName().toString());
            File chosen = chooser.showSaveDialog(dialog.getDialogPane().getScene().getWindow());
            if (chosen != null) {
                file.setText(chosen.getPath());
            }
        });
        HBox fileRow = new HBox(6, file, browse);
        HBox.setHgrow(file, Priority.ALWAYS);

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        Label formatLabel = new Label(messages.get("planner.export.format"));
        formatLabel.setLabelFor(format);
        Label fileLabel = new Label(messages.get("planner.export.file"));
        fileLabel.setLabelFor(file);
        form.addRow(0, formatLabel, format);
        form.addRow(1, fileLabel, fileRow);
        GridPane.setHgrow(fileRow, Priority.ALWAYS);

        ProgressBar progress = new ProgressBar();
        progress.setId("planner-export-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(viewModel.exportProgressProperty());
        progress.visibleProperty().bind(viewModel.exportingProperty());
        progress.setAccessibleText(messages.get("transfer.progress.name"));
        Label outcome = new Label();
        outcome.setId("planner-export-message");
        outcome.setWrapText(true);
        outcome.setMaxWidth(460);
        outcome.textProperty().bind(viewModel.exportMessageProperty());
        viewModel.exportMessageProperty().set("");

        VBox content = new VBox(10, form, what, progress, outcome);
        content.setPadding(new Insets(4, 0, 0, 0));
        dialog.getDialogPane().setContent(content);

        ButtonType exportType = new ButtonType(messages.get("planner.export.start"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancelType = new ButtonType(messages.get("transfer.cancel"), ButtonBar.ButtonData.OTHER);
        dialog.getDialogPane().getButtonTypes().setAll(exportType, cancelType, ButtonType.CLOSE);
        Button start = (Button) dialog.getDialogPane().lookupButton(exportType);
        start.setId("planner-export-start");
        start.disableProperty().bind(viewModel.exportingProperty().or(file.textProperty().isEmpty()));
        // The dialog stays open: Export and Cancel act without closing it.
        start.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            String text = file.getText().strip();
            if (!text.toLowerCase(Locale.ROOT).endsWith("." + format.getValue().extension())) {
                text = format.getValue().fileName(text);
                file.setText(text);
            }
            viewModel.export(Path.of(text), format.getValue());
        });
        Button cancel = (Button) dialog.getDialogPane().lookupButton(cancelType);
        cancel.setId("planner-export-cancel");
        cancel.setMnemonicParsing(true);
        cancel.disableProperty().bind(viewModel.exportingProperty().not());
        cancel.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();
            viewModel.cancelExport();
        });
        Button close = (Button) dialog.getDialogPane().lookupButton(ButtonType.CLOSE);
        close.setId("planner-export-close");
        // Closing while it runs cancels it: no export goes on behind a closed dialog.
        dialog.setOnCloseRequest(e -> viewModel.cancelExport());
        Theme.apply(dialog.getDialogPane(), context.settings());
        dialog.show();
        return dialog;
    }
}
