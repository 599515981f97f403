package org.seuil.app.main;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;

/**
 * Keeps the menu bar out of its keyboard mode after an Alt mnemonic. JavaFX's menu bar (a scene
 * filter in its skin) takes a release of Alt as "Alt alone", and highlights its first menu, when
 * it saw no other key pressed since Alt. A mnemonic's key press (A of Alt+A, the planner) is
 * consumed by the scene's shortcut handling before any scene filter, so the menu bar never saw it:
 * after Alt+A the Data menu was highlighted and took the arrow keys (Down opened it).
 *
 * <p>The window's filters see every key before the scene does. When a key was pressed with Alt
 * down, this guard hands the scene, just before Alt's release, a key press of no key
 * ({@link KeyCode#UNDEFINED}, no modifier): the menu bar forgets Alt, and nothing else acts on it.
 * Alt's release itself goes on as usual (the scene stops underlining mnemonics). Alt pressed and
 * released alone still enters the menu bar, as it should.
 */
final class AltReleaseGuard {
    private boolean keyPressedWithAlt;

    private AltReleaseGuard() {
    }

    static void install(Window window, Scene scene) {
        AltReleaseGuard guard = new AltReleaseGuard();
        window.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ALT) {
                guard.keyPressedWithAlt = false;
            } else if (e.isAltDown()) {
                guard.keyPressedWithAlt = true;
            }
        });
        window.addEventFilter(KeyEvent.KEY_RELEASED, e -> {
            if (e.getCode() == KeyCode.ALT && guard.keyPressedWithAlt) {
                guard.keyPressedWithAlt = false;
                scene.getRoot().fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, KeyEvent.CHAR_UNDEFINED, "", KeyCode.UNDEFINED,
                        false, false, false, false));
            }
        });
    }
}
