package org.seuil.app.places;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.app.i18n.Messages;
import org.seuil.app.task.CurrentThreadTaskExecutor;
import org.seuil.store.PlaceStore;
import org.seuil.store.sqlite.SqlitePlaceStore;
import org.seuil.app.testing.QueuedTaskExecutor;
import org.seuil.app.testing.RecordingStore;
import org.seuil.app.testing.Seed;

class SearchAndDetailsViewModelTest {
    @TempDir
    Path dir;

    @Test
    void searchFindsPlacesByTheStartOfAWordInTheirName() {
        PlaceStore store = SqlitePlaceStore.open(dir.resolve("s.db"));
        Seed.monaco(store);
        SearchViewModel search = new SearchViewModel(store, new CurrentThreadTaskExecutor());
        search.queryProperty().set("boul");
        search.search();
        assertEquals(1, search.results().size());
        assertEquals(Seed.BAKERY, search.results().get(0).place().id());
        search.queryProperty().set("  ");
        search.search();
        assertTrue(search.results().isEmpty());
    }

    @Test
    void searchesTypedOverBeforeAThreadIsFreeAreNotRunOnlyTheLastTextIs() {
        PlaceStore real = SqlitePlaceStore.open(dir.resolve("s.db"));
        Seed.monaco(real);
        List<Object> searched = new ArrayList<>();
        // Both background threads busy: the searches wait, as they do behind a slow one.
        QueuedTaskExecutor busy = new QueuedTaskExecutor();
        SearchViewModel search = new SearchViewModel(RecordingStore.of(real, "search", searched), busy);
        for (String typed : List.of("b", "bo", "bou", "boul")) {
            search.queryProperty().set(typed);
            search.search();
        }
        assertTrue(search.searchingProperty().get(), "the list says it is searching, not that nothing was found");
        busy.runAll();
        assertFalse(search.searchingProperty().get());
        assertEquals(List.<Object>of("boul"), searched);
        assertEquals(Seed.BAKERY, search.results().get(0).place().id());
        real.close();
    }

    @Test
    void thePanelListsEachCriterionWithWhoAndWhenAndFollowsTheLanguage() {
        PlaceStore store = SqlitePlaceStore.open(dir.resolve("s.db"));
        Seed.monaco(store);
        Messages messages = new Messages(Locale.ENGLISH);
        PlaceDetailsViewModel vm = new PlaceDetailsViewModel(store, new CurrentThreadTaskExecutor(), messages, new SimpleStringProperty("bob"));
        vm.show(Seed.MUSEUM);
        assertEquals("Musée océanographique", vm.placeProperty().get().place().name());
        var ramp = vm.criteria().stream().filter(r -> r.criterion().equals("Ramp")).findFirst().orElseThrow();
        assertEquals("removable ramp on request", ramp.value());
        assertEquals("by bob, May 4, 2024", ramp.surveyedBy());
        assertEquals(1, vm.history().size());
        assertTrue(vm.history().get(0).mine(), "bob may edit his own report");
        messages.localeProperty().set(Locale.FRENCH);
        var rampFr = vm.criteria().stream().filter(r -> r.criterion().equals("Rampe")).findFirst().orElseThrow();
        assertEquals("rampe amovible sur demande", rampFr.value());
        assertEquals("par bob, le 4 mai 2024", rampFr.surveyedBy());
        vm.delete(vm.history().get(0).reportId(), () -> { });
        assertTrue(vm.history().get(0).deleted());
        assertTrue(vm.criteria().isEmpty(), "a deleted report no longer counts");
    }
}
