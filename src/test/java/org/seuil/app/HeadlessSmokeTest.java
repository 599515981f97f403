package org.seuil.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Proves that TestFX runs headless here (Monocle with JavaFX 21), so the UI flows can be tested in CI. */
@ExtendWith(ApplicationExtension.class)
class HeadlessSmokeTest {
    private int clicks;

    @Start
    void start(Stage stage) {
        Button button = new Button("Press");
        button.setId("press");
        button.setOnAction(e -> clicks++);
        stage.setScene(new Scene(new StackPane(button), 200, 100));
        stage.show();
    }

    @Test
    void aClickReachesTheButtonWithoutADisplay(FxRobot robot) {
        robot.clickOn("#press");
        robot.press(javafx.scene.input.KeyCode.SPACE).release(javafx.scene.input.KeyCode.SPACE);
        assertEquals(2, clicks);
    }
}
