package org.seuil.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.app.i18n.Messages;
import org.seuil.domain.WheelchairProfile;

class SettingsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void settingsSurviveARestart() {
        Path file = dir.resolve("settings.properties");
        SettingsViewModel first = new SettingsViewModel(file, new Messages(Locale.ENGLISH));
        first.languageProperty().set(Locale.FRENCH);
        first.textScaleProperty().set(1.5);
        first.highContrastProperty().set(true);
        first.profileEnabledProperty().set(true);
        first.chairWidthProperty().set("66");
        first.highestStepProperty().set("2");
        first.steepestSlopeProperty().set("8");
        assertTrue(first.apply());
        Messages messages = new Messages(Locale.ENGLISH);
        SettingsViewModel again = new SettingsViewModel(file, messages);
        assertEquals(Locale.FRENCH, messages.locale());
        assertEquals(1.5, again.textScaleProperty().get());
        assertTrue(again.highContrastProperty().get());
        assertEquals(new WheelchairProfile(0.66, 0.02, 8), again.activeProfileProperty().get());
    }

    @Test
    void anImpossibleChairIsRefusedAndTheOldProfileStays() {
        SettingsViewModel vm = new SettingsViewModel(null, new Messages(Locale.ENGLISH));
        vm.profileEnabledProperty().set(true);
        vm.chairWidthProperty().set("300");
        assertFalse(vm.apply());
        assertEquals("A width between 40 and 150 cm", vm.errors().get(SettingsViewModel.CHAIR_WIDTH));
        assertNull(vm.activeProfileProperty().get());
        vm.chairWidthProperty().set("wide");
        assertFalse(vm.apply());
        vm.chairWidthProperty().set("70");
        vm.authorProperty().set("<script>");
        assertFalse(vm.apply());
        assertTrue(vm.errors().containsKey(SettingsViewModel.AUTHOR));
    }
}
