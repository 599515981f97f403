package org.seuil.app.places;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.app.i18n.Messages;
import org.seuil.app.task.CurrentThreadTaskExecutor;
import org.seuil.app.task.TaskExecutor;
import org.seuil.store.PlaceStore;
import org.seuil.store.sqlite.SqlitePlaceStore;
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
        List<String> searched = new ArrayList<>();
        PlaceStore counting = (PlaceStore) Proxy.newProxyInstance(PlaceStore.class.getClassLoader(), new Class<?>[] {PlaceStore.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("search")) {
                        searched.add((String) args[0]);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        // Both background threads busy: the searches wait, as they do behind a slow one.
        List<Runnable> waiting = new ArrayList<>();
        TaskExecutor busy = new TaskExecutor() {
            @Override
            public <T> void execute(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                waiting.add(() -> {
                    try {
                        onSuccess.accept(work.call());
                    } catch (Exception e) {
                        onFailure.accept(e);
                    }
                });
            }

            @Override
            public void runOnUi(Runnable action) {
                action.run();
            }
        };
        SearchViewModel search = new SearchViewModel(counting, busy);
        for (String typed : List.of("b", "bo", "bou", "boul")) {
            search.queryProperty().set(typed);
            search.search();
        }
        assertTrue(search.searchingProperty().get(), "the list says it is searching, not that nothing was found");
        waiting.forEach(Runnable::run);
        assertFalse(search.searchingProperty().get());
        assertEquals(List.of("boul"), searched);
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
