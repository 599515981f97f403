package org.seuil.app.i18n;

import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;

/**
 * Buttons and menu items whose text follows the chosen language (its underscore marks the
 * Alt mnemonic) and whose id the UI tests find them by.
 */
public final class LocalizedControls {
    private LocalizedControls() {
    }

    public static Button button(Messages messages, String key, String id, Runnable action) {
        Button b = new Button();
        b.setId(id);
        b.textProperty().bind(messages.bind(key));
        b.setMnemonicParsing(true);
        b.setOnAction(e -> action.run());
        return b;
    }

    public static MenuItem menuItem(Messages messages, String key, String id, Runnable action) {
        MenuItem item = new MenuItem();
        item.setId(id);
        item.textProperty().bind(messages.bind(key));
        item.setMnemonicParsing(true);
        item.setOnAction(e -> action.run());
        return item;
    }
}
