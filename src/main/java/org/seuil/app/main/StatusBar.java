package org.seuil.app.main;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import org.seuil.app.transfer.TransferViewModel;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.seuil.app.AppContext;
import org.seuil.app.i18n.Messages;

/** The status bar: store path, number of places, unsynced changes, and the last message. */
final class StatusBar {
    private final HBox box;

    StatusBar(AppContext context) {
        Messages messages = context.messages();
        StatusViewModel vm = context.status();
        Label path = new Label();
        path.setId("status-store");
        path.textProperty().bind(Bindings.createStringBinding(() -> messages.get("status.store", vm.storePathProperty().get()),
                messages.localeProperty(), vm.storePathProperty()));
        Label places = new Label();
        places.setId("status-places");
        places.textProperty().bind(Bindings.createStringBinding(() -> messages.get("status.places", vm.placesProperty().get()),
                messages.localeProperty(), vm.placesProperty()));
        Label unsynced = new Label();
        unsynced.setId("status-unsynced");
        unsynced.textProperty().bind(Bindings.createStringBinding(() -> messages.get("status.unsynced", vm.unsyncedProperty().get()),
                messages.localeProperty(), vm.unsyncedProperty()));
        Label message = new Label();
        message.setId("status-message");
        message.textProperty().bind(vm.messageProperty());
        // A changing label with a text role is read out by screen readers as it changes.
        message.setAccessibleRole(AccessibleRole.TEXT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        box = new HBox(18, path, places, unsynced, spacer, transfer(context), message);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(4, 10, 4, 10));
        box.getStyleClass().add("status-bar");
    }

    /** Progress and Cancel of an import or export, shown only while one runs. */
    private static HBox transfer(AppContext context) {
        Messages messages = context.messages();
        TransferViewModel vm = context.transfer();
        ProgressBar bar = new ProgressBar();
        bar.setId("transfer-progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.accessibleTextProperty().bind(messages.bind("transfer.progress.name"));
        bar.setPrefWidth(160);
        Label what = new Label();
        what.setId("transfer-text");
        what.textProperty().bind(vm.progressTextProperty());
        Button cancel = new Button();
        cancel.setId("transfer-cancel");
        cancel.textProperty().bind(messages.bind("transfer.cancel"));
        cancel.setMnemonicParsing(true);
        cancel.accessibleHelpProperty().bind(messages.bind("transfer.cancel.help"));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(messages.bind("transfer.cancel.help"));
        cancel.setTooltip(tip);
        cancel.setOnAction(e -> vm.cancel());
        HBox strip = new HBox(8, what, bar, cancel);
        strip.setAlignment(Pos.CENTER_LEFT);
        strip.visibleProperty().bind(vm.runningProperty());
        strip.managedProperty().bind(vm.runningProperty());
        return strip;
    }

    HBox node() {
        return box;
    }
}
