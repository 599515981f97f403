package org.seuil.app.settings;

import java.util.Locale;
import javafx.collections.MapChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.seuil.app.AppContext;
import org.seuil.app.i18n.Messages;
import org.seuil.app.main.Dialogs;
import org.seuil.app.main.Theme;

/** The settings dialog: language, text size, high contrast, author name, personal profile. */
public final class SettingsDialog {
    private SettingsDialog() {
    }

    public static void show(AppContext context, Window owner) {
        SettingsViewModel vm = context.settings();
        Messages messages = context.messages();
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("settings.title"));
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        int row = 0;

        ComboBox<Locale> language = new ComboBox<>();
        language.setId("settings-language");
        language.getItems().setAll(Messages.SUPPORTED);
        StringConverter<Locale> names = new StringConverter<>() {
            @Override
            public String toString(Locale l) {
                if (l == null) {
                    return "";
                }
                String name = l.getDisplayLanguage(l);
                return name.substring(0, 1).toUpperCase(l) + name.substring(1);
            }

            @Override
            public Locale fromString(String s) {
                return null;
            }
        };
        language.setConverter(names);
        language.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Locale item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : names.toString(item));
            }
        });
        language.setValue(messages.locale());
        row = add(grid, row, messages.get("settings.language"), language);

        ComboBox<Double> scale = new ComboBox<>();
        scale.setId("settings-text-size");
        for (double s : SettingsViewModel.TEXT_SCALES) {
            scale.getItems().add(s);
        }
        scale.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double d) {
                return d == null ? "" : Math.round(d * 100) + " %";
            }

            @Override
            public Double fromString(String s) {
                return null;
            }
        });
        scale.setValue(vm.textScaleProperty().get());
        row = add(grid, row, messages.get("settings.textSize"), scale);

        CheckBox contrast = new CheckBox(messages.get("settings.highContrast"));
        contrast.setId("settings-contrast");
        contrast.setSelected(vm.highContrastProperty().get());
        grid.add(contrast, 1, row++);

        CheckBox online = new CheckBox(messages.get("settings.onlineTiles"));
        online.setId("settings-online-tiles");
        online.setSelected(vm.onlineTilesProperty().get());
        grid.add(online, 1, row++);

        TextField author = new TextField(vm.authorProperty().get());
        author.setId("settings-author");
        row = add(grid, row, messages.get("settings.author"), author);
        row = error(grid, row, vm, SettingsViewModel.AUTHOR);

        Label profileTitle = new Label(messages.get("settings.profile"));
        profileTitle.getStyleClass().add("section-title");
        grid.add(profileTitle, 0, row++, 2, 1);
        CheckBox profile = new CheckBox(messages.get("settings.profileEnabled"));
        profile.setId("settings-profile");
        profile.setSelected(vm.profileEnabledProperty().get());
        grid.add(profile, 1, row++);
        TextField width = new TextField(vm.chairWidthProperty().get());
        width.setId("settings-chair-width");
        row = add(grid, row, messages.get("settings.chairWidth"), width);
        row = error(grid, row, vm, SettingsViewModel.CHAIR_WIDTH);
        TextField step = new TextField(vm.highestStepProperty().get());
        step.setId("settings-step");
        row = add(grid, row, messages.get("settings.highestStep"), step);
        row = error(grid, row, vm, SettingsViewModel.HIGHEST_STEP);
        TextField slope = new TextField(vm.steepestSlopeProperty().get());
        slope.setId("settings-slope");
        row = add(grid, row, messages.get("settings.steepestSlope"), slope);
        row = error(grid, row, vm, SettingsViewModel.STEEPEST_SLOPE);

        Label syncTitle = new Label(messages.get("settings.sync"));
        syncTitle.getStyleClass().add("section-title");
        grid.add(syncTitle, 0, row++, 2, 1);
        TextField server = new TextField(vm.serverUrlProperty().get());
        server.setId("settings-server");
        row = add(grid, row, messages.get("settings.serverUrl"), server);
        row = error(grid, row, vm, SettingsViewModel.SERVER_URL);
        PasswordField token = new PasswordField();
        token.setText(vm.tokenProperty().get());
        token.setId("settings-token");
        add(grid, row, messages.get("settings.token"), token);

        dialog.getDialogPane().setContent(grid);
        ButtonType ok = new ButtonType(messages.get("settings.apply"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("report.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, cancel);
        Button okButton = (Button) dialog.getDialogPane().lookupButton(ok);
        okButton.setId("settings-apply");
        okButton.addEventFilter(ActionEvent.ACTION, e -> {
            vm.authorProperty().set(author.getText());
            vm.profileEnabledProperty().set(profile.isSelected());
            vm.chairWidthProperty().set(width.getText());
            vm.highestStepProperty().set(step.getText());
            vm.steepestSlopeProperty().set(slope.getText());
            vm.serverUrlProperty().set(server.getText());
            vm.tokenProperty().set(token.getText());
            vm.textScaleProperty().set(scale.getValue() == null ? 1.0 : scale.getValue());
            vm.highContrastProperty().set(contrast.isSelected());
            vm.onlineTilesProperty().set(online.isSelected());
            if (language.getValue() != null) {
                vm.languageProperty().set(language.getValue());
            }
            if (!vm.apply()) {
                e.consume();
            }
        });
        Dialogs.enterFiresDefault(dialog.getDialogPane(), okButton);
        Theme.apply(dialog.getDialogPane(), vm);
        javafx.application.Platform.runLater(language::requestFocus);
        dialog.showAndWait();
    }

    private static int add(GridPane grid, int row, String label, javafx.scene.control.Control control) {
        Label l = new Label(label);
        l.setLabelFor(control);
        control.setAccessibleText(label);
        grid.add(l, 0, row);
        grid.add(control, 1, row);
        return row + 1;
    }

    private static int error(GridPane grid, int row, SettingsViewModel vm, String field) {
        Label l = new Label();
        l.getStyleClass().add("field-error");
        l.setId("error-" + field);
        vm.errors().addListener((MapChangeListener<String, String>) c -> l.setText(vm.errors().containsKey(field) ? "⚠ " + vm.errors().get(field) : ""));
        grid.add(l, 1, row);
        return row + 1;
    }
}
