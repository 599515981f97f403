package org.seuil.app.main;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** Keyboard behaviour shared by the dialogs. */
public final class Dialogs {
    private Dialogs() {
    }

    /**
     * Enter on a closed drop-down list fires the dialog's main button, as it does in a text field;
     * a combo box would otherwise swallow it and keyboard users would have to hunt for the button.
     */
    public static void enterFiresDefault(DialogPane pane, Button defaultButton) {
        pane.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && pane.getScene() != null
                    && pane.getScene().getFocusOwner() instanceof ComboBox<?> box && !box.isShowing()) {
                e.consume();
                defaultButton.fire();
            }
        });
    }
}
