package org.seuil.app.main;

import javafx.scene.Scene;
import org.seuil.app.settings.SettingsViewModel;

/**
 * Applies the style sheets and the text size. The whole UI is sized in em in the CSS, so one
 * font size on the root scales every control; high contrast is a second sheet on top.
 */
public final class Theme {
    static final double BASE_FONT_PX = 13;

    private Theme() {
    }

    public static void apply(Scene scene, SettingsViewModel settings) {
        String base = Theme.class.getResource("/org/seuil/app/seuil.css").toExternalForm();
        String contrast = Theme.class.getResource("/org/seuil/app/high-contrast.css").toExternalForm();
        Runnable update = () -> {
            scene.getStylesheets().setAll(base);
            if (settings.highContrastProperty().get()) {
                scene.getStylesheets().add(contrast);
            }
            scene.getRoot().setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT_PX * settings.textScaleProperty().get()));
        };
        settings.highContrastProperty().addListener((o, old, now) -> update.run());
        settings.textScaleProperty().addListener((o, old, now) -> update.run());
        update.run();
    }

    /** The same look for a dialog, which has a scene of its own. */
    public static void apply(javafx.scene.control.DialogPane pane, SettingsViewModel settings) {
        pane.getStylesheets().add(Theme.class.getResource("/org/seuil/app/seuil.css").toExternalForm());
        if (settings.highContrastProperty().get()) {
            pane.getStylesheets().add(Theme.class.getResource("/org/seuil/app/high-contrast.css").toExternalForm());
        }
        pane.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT_PX * settings.textScaleProperty().get()));
    }
}
