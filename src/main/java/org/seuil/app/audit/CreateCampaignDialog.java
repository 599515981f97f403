package org.seuil.app.audit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.seuil.app.AppContext;
import org.seuil.app.i18n.Messages;
import org.seuil.app.main.Dialogs;
import org.seuil.app.main.Theme;
import org.seuil.audit.Checklist;
import org.seuil.audit.District;
import org.seuil.audit.RuleSetName;
import org.seuil.audit.VenueSelection;

/**
 * A new campaign: a name, the district (a GeoJSON or KML file, or the polygon just drawn on the
 * map), the checklist (the default one or a {@code seuil-checklist/1} file) and the rule set.
 * Street furniture (benches, viewpoints…) is left out unless asked for. File paths can be typed as well as chosen. The dialog stays open with the reason when a file
 * is wrong.
 */
final class CreateCampaignDialog {
    private final Dialog<Integer> dialog = new Dialog<>();
    private final AuditViewModel vm;
    private final Messages messages;
    private final District drawn;
    private final TextField name = new TextField();
    private final TextField districtFile = new TextField();
    private final RadioButton defaultChecklist = new RadioButton();
    private final RadioButton fileChecklist = new RadioButton();
    private final TextField checklistFile = new TextField();
    private final ComboBox<RuleSetName> rules = new ComboBox<>();
    private final CheckBox venuesOnly = new CheckBox();
    private final Label error = new Label();

    private CreateCampaignDialog(AppContext context, Window owner, AuditViewModel vm, District drawn) {
        this.vm = vm;
        this.messages = context.messages();
        this.drawn = drawn;
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("audit.create.title"));
        dialog.setHeaderText(messages.get(drawn == null ? "audit.create.headerFile" : "audit.create.headerDrawn"));
        dialog.setResizable(true);
        build(owner);
        Theme.apply(dialog.getDialogPane(), context.settings());
    }

    /** Shows the dialog; the number of venues of the new campaign, or null when cancelled. */
    static Integer show(AppContext context, Window owner, AuditViewModel vm, District drawn) {
        return new CreateCampaignDialog(context, owner, vm, drawn).dialog.showAndWait().orElse(null);
    }

    private void build(Window owner) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        int row = 0;
        name.setId("campaign-name");
        name.setPrefColumnCount(28);
        row = add(grid, row, "audit.create.name", name);

        if (drawn == null) {
            districtFile.setId("campaign-district-file");
            districtFile.setPromptText("district.geojson");
            Button browse = browse(owner, districtFile, "audit.create.districtFiles", "*.geojson", "*.json", "*.kml");
            browse.setId("campaign-district-browse");
            HBox box = new HBox(6, districtFile, browse);
            HBox.setHgrow(districtFile, Priority.ALWAYS);
            row = add(grid, row, "audit.create.district", box, districtFile);
        } else {
            Label area = new Label(messages.get("audit.create.drawnArea", drawn.squareMetres() / 1_000_000));
            area.setId("campaign-drawn");
            row = add(grid, row, "audit.create.district", area);
        }

        ToggleGroup checklist = new ToggleGroup();
        defaultChecklist.setToggleGroup(checklist);
        fileChecklist.setToggleGroup(checklist);
        defaultChecklist.setSelected(true);
        defaultChecklist.setText(messages.get("audit.create.checklistDefault"));
        defaultChecklist.setId("campaign-checklist-default");
        fileChecklist.setText(messages.get("audit.create.checklistFile"));
        fileChecklist.setId("campaign-checklist-file");
        checklistFile.setId("campaign-checklist-path");
        checklistFile.disableProperty().bind(fileChecklist.selectedProperty().not());
        checklistFile.setAccessibleText(messages.get("audit.create.checklistFile"));
        Button browseChecklist = browse(owner, checklistFile, "audit.create.checklistFiles", "*.json");
        browseChecklist.disableProperty().bind(fileChecklist.selectedProperty().not());
        HBox fileRow = new HBox(6, fileChecklist, checklistFile, browseChecklist);
        HBox.setHgrow(checklistFile, Priority.ALWAYS);
        row = add(grid, row, "audit.create.checklist", new VBox(4, defaultChecklist, fileRow), defaultChecklist);

        rules.setId("campaign-rules");
        rules.getItems().setAll(RuleSetName.values());
        rules.setValue(RuleSetName.OSM);
        rules.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(RuleSetName item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : messages.get("audit.rules." + item.name()));
            }
        });
        rules.setButtonCell(rules.getCellFactory().call(null));
        row = add(grid, row, "audit.create.rules", rules);

        venuesOnly.setId("campaign-venues-only");
        venuesOnly.setSelected(true);
        venuesOnly.setText(messages.get("audit.create.venuesOnly"));
        venuesOnly.setWrapText(true);
        venuesOnly.setMaxWidth(420);
        row = add(grid, row, "audit.create.places", venuesOnly);

        error.setId("campaign-error");
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setMaxWidth(520);
        grid.add(error, 0, row, 2, 1);

        dialog.getDialogPane().setContent(grid);
        ButtonType create = new ButtonType(messages.get("audit.create.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("report.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(create, cancel);
        Button ok = (Button) dialog.getDialogPane().lookupButton(create);
        ok.setId("campaign-create");
        ok.disableProperty().bind(vm.busyProperty());
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            submit();
        });
        Dialogs.enterFiresDefault(dialog.getDialogPane(), ok);
        dialog.setResultConverter(button -> null);
        Platform.runLater(name::requestFocus);
    }

    private int add(GridPane grid, int row, String labelKey, javafx.scene.Node field) {
        return add(grid, row, labelKey, field, field instanceof javafx.scene.control.Control c ? c : null);
    }

    private int add(GridPane grid, int row, String labelKey, javafx.scene.Node field, javafx.scene.control.Control labelled) {
        Label label = new Label(messages.get(labelKey));
        if (labelled != null) {
            label.setLabelFor(labelled);
            labelled.setAccessibleText(label.getText());
        }
        grid.add(label, 0, row);
        grid.add(field, 1, row);
        return row + 1;
    }

    private Button browse(Window owner, TextField target, String filterKey, String... patterns) {
        Button b = new Button(messages.get("audit.create.browse"));
        b.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get(filterKey), patterns));
            File file = chooser.showOpenDialog(owner);
            if (file != null) {
                target.setText(file.getAbsolutePath());
            }
        });
        return b;
    }

    /** Reads the files (in the background), then creates the campaign; any error stays in the dialog. */
    private void submit() {
        error.setText("");
        if (drawn != null) {
            create(drawn, null);
            return;
        }
        String path = districtFile.getText() == null ? "" : districtFile.getText().strip();
        if (path.isEmpty() || !Files.isRegularFile(Path.of(path))) {
            fail(messages.get("audit.error.districtFile", path));
            districtFile.requestFocus();
            return;
        }
        vm.readDistrict(Path.of(path), read -> {
            if ((name.getText() == null || name.getText().isBlank()) && read.name() != null) {
                name.setText(read.name());
            }
            create(read.district(), read.name());
        }, this::fail);
    }

    private void create(District district, String fileName) {
        Checklist checklist;
        try {
            checklist = AuditViewModel.checklist(fileChecklist.isSelected() ? Path.of(checklistFile.getText().strip()) : null);
        } catch (RuntimeException e) {
            fail(AuditViewModel.reason(e));
            checklistFile.requestFocus();
            return;
        }
        String campaignName = name.getText() == null || name.getText().isBlank() ? fileName : name.getText();
        if (campaignName == null || campaignName.isBlank()) {
            fail(messages.get("audit.error.name"));
            name.requestFocus();
            return;
        }
        vm.create(campaignName, district, checklist, rules.getValue(), venuesOnly.isSelected() ? VenueSelection.VENUES : VenueSelection.ALL, count -> {
            dialog.setResult(count);
            dialog.close();
        }, this::fail);
    }

    private void fail(String reason) {
        error.setText("⚠ " + reason);
    }
}
