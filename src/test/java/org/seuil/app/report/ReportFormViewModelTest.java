package org.seuil.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.app.i18n.Messages;
import org.seuil.app.task.CurrentThreadTaskExecutor;
import org.seuil.app.testing.MemoryPlaceStore;
import org.seuil.app.testing.Seed;
import org.seuil.domain.Accessibility;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Ramp;
import org.seuil.domain.Report;

class ReportFormViewModelTest {
    @TempDir
    Path dir;
    MemoryPlaceStore store;
    Messages messages;
    UndoHistory undo;
    PhotoLibrary photos;

    @BeforeEach
    void seed() {
        store = new MemoryPlaceStore(dir.resolve("seuil.db"));
        Seed.monaco(store);
        messages = new Messages(Locale.ENGLISH);
        undo = new UndoHistory();
        photos = new PhotoLibrary(dir);
    }

    ReportFormViewModel form() {
        return ReportFormViewModel.forPlace(store, new CurrentThreadTaskExecutor(), messages, undo, photos, "carol", Seed.PHARMACY);
    }

    @Test
    void eachBadFieldGetsItsOwnReasonInThePersonsLanguage() {
        ReportFormViewModel vm = form();
        vm.stepCountProperty().set("two");
        vm.doorWidthProperty().set("5");
        vm.inclineProperty().set("12,5");
        assertNull(vm.validate());
        assertEquals("Enter a whole number between 0 and 500", vm.errors().get(ReportFormViewModel.STEP_COUNT));
        assertEquals("Must be between 30 and 500", vm.errors().get(ReportFormViewModel.DOOR_WIDTH));
        assertFalse(vm.errors().containsKey(ReportFormViewModel.INCLINE), "a decimal comma is a number");
        messages.localeProperty().set(Locale.FRENCH);
        vm.validate();
        assertEquals("Saisissez un nombre entier entre 0 et 500", vm.errors().get(ReportFormViewModel.STEP_COUNT));
    }

    @Test
    void aStepHeightWithNoStepIsRefusedNextToTheHeight() {
        ReportFormViewModel vm = form();
        vm.stepCountProperty().set("0");
        vm.stepHeightProperty().set("4");
        assertNull(vm.validate());
        assertEquals(java.util.Set.of(ReportFormViewModel.STEP_HEIGHT), vm.errors().keySet());
    }

    @Test
    void anEmptyFormSavesNothingAndSaysWhy() {
        ReportFormViewModel vm = form();
        assertFalse(vm.save(r -> { }));
        assertTrue(vm.errors().containsKey(ReportFormViewModel.FORM));
        assertEquals(0, store.reports(Seed.PHARMACY).size());
    }

    @Test
    void savingWritesTheReportAndItsOutboxRowThenUndoTakesItBack() {
        long before = store.pendingChanges();
        ReportFormViewModel vm = form();
        vm.wheelchairProperty().set(Accessibility.YES);
        vm.stepCountProperty().set("1");
        vm.stepHeightProperty().set("2.5");
        vm.rampProperty().set(Ramp.FIXED);
        vm.doorWidthProperty().set("85");
        vm.measuredProperty().set(false);
        vm.commentProperty().set("Ring at the side door");
        AtomicReference<Report> saved = new AtomicReference<>();
        assertTrue(vm.save(saved::set));
        Report stored = store.reports(Seed.PHARMACY).get(0);
        assertEquals(saved.get(), stored);
        assertEquals(0.025, stored.entrance().stepHeight().metres(), 1e-9);
        assertFalse(stored.entrance().doorWidth().measured());
        assertEquals("Ring at the side door", stored.descriptions().get("en"));
        assertEquals("carol", stored.author());
        assertEquals(before + 1, store.pendingChanges());
        assertEquals(Accessibility.YES, store.place(Seed.PHARMACY).orElseThrow().accessibility().wheelchair());

        assertTrue(undo.undoLast(store).isPresent());
        assertTrue(store.report(stored.id()).orElseThrow().deleted(), "undo of a new report is its tombstone");
        assertEquals(Accessibility.UNKNOWN, store.place(Seed.PHARMACY).orElseThrow().accessibility().wheelchair());
        assertEquals(before + 2, store.pendingChanges(), "the undo syncs too");
        assertTrue(undo.undoLast(store).isEmpty());
    }

    @Test
    void undoOfAnEditBringsThePreviousContentBackUnderANewRevision() {
        ReportFormViewModel first = form();
        first.wheelchairProperty().set(Accessibility.LIMITED);
        AtomicReference<Report> saved = new AtomicReference<>();
        first.save(saved::set);
        ReportFormViewModel edit = ReportFormViewModel.edit(store, new CurrentThreadTaskExecutor(), messages, undo, photos, saved.get());
        assertEquals(Accessibility.LIMITED, edit.wheelchairProperty().get(), "the form opens filled");
        edit.wheelchairProperty().set(Accessibility.NO);
        edit.save(r -> { });
        assertEquals(2, store.report(saved.get().id()).orElseThrow().revision());
        undo.undoLast(store);
        Report back = store.report(saved.get().id()).orElseThrow();
        assertEquals(3, back.revision());
        assertEquals(Accessibility.LIMITED, back.wheelchair());
    }

    @Test
    void aNewPlaceNeedsANameAndAValidCategory() {
        ReportFormViewModel vm = ReportFormViewModel.newPlace(store, new CurrentThreadTaskExecutor(), messages, undo, photos, "carol",
                new GeoPoint(43.73, 7.42));
        vm.wheelchairProperty().set(Accessibility.YES);
        vm.categoryProperty().set("a cafe");
        assertNull(vm.validate());
        assertTrue(vm.errors().containsKey(ReportFormViewModel.NAME));
        assertTrue(vm.errors().containsKey(ReportFormViewModel.CATEGORY));
        vm.nameProperty().set("Chez Marie");
        vm.categoryProperty().set("amenity=restaurant");
        assertTrue(vm.save(r -> { }));
        var place = store.place(vm.placeId()).orElseThrow();
        assertEquals("Chez Marie", place.place().name());
        assertEquals(Accessibility.YES, place.accessibility().wheelchair());
    }

    @Test
    void aPhotoIsCopiedIntoTheDataFolderUnderItsSha256() throws Exception {
        Path photo = dir.resolve("door.jpg");
        byte[] bytes = "not really a jpeg but bytes all the same".getBytes();
        Files.write(photo, bytes);
        ReportFormViewModel vm = form();
        vm.photos().add(photo);
        AtomicReference<Report> saved = new AtomicReference<>();
        assertTrue(vm.save(saved::set));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertEquals(java.util.List.of(sha), saved.get().photos());
        assertTrue(Files.exists(dir.resolve("photos").resolve(sha)));
        assertNotNull(store.report(saved.get().id()).orElseThrow());
    }

    @Test
    void aFileThatIsNotAPhotoIsRefusedNextToThePhotos() throws Exception {
        Path notPhoto = dir.resolve("notes.txt");
        Files.writeString(notPhoto, "hello");
        ReportFormViewModel vm = form();
        vm.wheelchairProperty().set(Accessibility.YES);
        vm.photos().add(notPhoto);
        vm.save(r -> { });
        assertTrue(vm.errors().get(ReportFormViewModel.PHOTOS).contains("not a JPEG"), vm.errors().toString());
        assertEquals(0, store.reports(Seed.PHARMACY).size(), "nothing saved when a photo fails");
    }
}
