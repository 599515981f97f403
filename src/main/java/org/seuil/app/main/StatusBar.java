package org.seuil.app.main;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
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
        box = new HBox(18, path, places, unsynced, spacer, message);
        box.setPadding(new Insets(4, 10, 4, 10));
        box.getStyleClass().add("status-bar");
    }

    HBox node() {
        return box;
    }
}
