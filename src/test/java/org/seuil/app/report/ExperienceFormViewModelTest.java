package org.seuil.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.app.i18n.Messages;
import org.seuil.app.task.CurrentThreadTaskExecutor;
import org.seuil.app.testing.MemoryPlaceStore;
import org.seuil.app.testing.Seed;
import org.seuil.domain.Experience;
import org.seuil.domain.ExperienceKind;
import org.seuil.domain.Need;

class ExperienceFormViewModelTest {
    @TempDir
    Path dir;

    @Test
    void anExperienceNeedsAKindATextAndANeed() {
        MemoryPlaceStore store = new MemoryPlaceStore(dir.resolve("s.db"));
        Seed.monaco(store);
        ExperienceFormViewModel vm = new ExperienceFormViewModel(store, new CurrentThreadTaskExecutor(), new Messages(Locale.FRENCH),
                new UndoHistory(), "dina", Seed.MUSEUM);
        vm.needProperty(Need.WHEELCHAIR).set(false);
        assertFalse(vm.save(r -> { }));
        assertEquals(Set.of(ExperienceFormViewModel.KIND, ExperienceFormViewModel.TEXT, ExperienceFormViewModel.NEEDS), vm.errors().keySet());
        assertEquals("Cochez au moins un besoin", vm.errors().get(ExperienceFormViewModel.NEEDS));
    }

    @Test
    void aSharedTipTravelsAsAReportInThePersonsLanguage() {
        MemoryPlaceStore store = new MemoryPlaceStore(dir.resolve("s.db"));
        Seed.monaco(store);
        UndoHistory undo = new UndoHistory();
        ExperienceFormViewModel vm = new ExperienceFormViewModel(store, new CurrentThreadTaskExecutor(), new Messages(Locale.FRENCH),
                undo, "dina", Seed.MUSEUM);
        vm.kindProperty().set(ExperienceKind.TIP);
        vm.textProperty().set("  L’entrée latérale a une rampe  ");
        vm.needProperty(Need.WALKING_AID).set(true);
        assertTrue(vm.save(r -> { }));
        Experience e = store.reports(Seed.MUSEUM).stream().flatMap(r -> r.experiences().stream()).findFirst().orElseThrow();
        assertEquals(new Experience(ExperienceKind.TIP, "L’entrée latérale a une rampe", java.util.EnumSet.of(Need.WHEELCHAIR, Need.WALKING_AID), "fr"), e);
        assertTrue(undo.canUndoProperty().get());
    }
}
