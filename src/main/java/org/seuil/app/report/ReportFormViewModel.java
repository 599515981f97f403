package org.seuil.app.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.seuil.app.i18n.Messages;
import org.seuil.app.task.TaskExecutor;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Entrance;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.InvalidValueException;
import org.seuil.domain.Kerb;
import org.seuil.domain.LengthUnit;
import org.seuil.domain.Parking;
import org.seuil.domain.PathCondition;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Quantity;
import org.seuil.domain.Ramp;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.domain.Smoothness;
import org.seuil.domain.Surface;
import org.seuil.domain.Toilet;
import org.seuil.store.PlaceStore;

/**
 * The "report a place" form: every criterion of the domain model as editable text or choice,
 * checked field by field with the reason kept next to the field (in {@link #errors()}), saved
 * through the store (report and outbox row in one transaction) and recorded for Undo. Also makes
 * a new place when the report is for a spot that had none.
 */
public final class ReportFormViewModel {
    /** Field names, used as keys of {@link #errors()} and as ids in the view. */
    public static final String NAME = "name";
    public static final String CATEGORY = "category";
    public static final String STEP_COUNT = "stepCount";
    public static final String STEP_HEIGHT = "stepHeight";
    public static final String DOOR_WIDTH = "doorWidth";
    public static final String TOILET_DOOR_WIDTH = "toiletDoorWidth";
    public static final String TURNING_SPACE = "turningSpace";
    public static final String PARKING_SPACES = "parkingSpaces";
    public static final String INCLINE = "incline";
    public static final String COMMENT = "comment";
    public static final String PHOTOS = "photos";
    public static final String FORM = "form";

    private final PlaceStore store;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final UndoHistory undo;
    private final PhotoLibrary photoLibrary;
    private final String author;
    /** Null when reporting an existing place. */
    private final GeoPoint newPlaceAt;
    private final PlaceId placeId;
    private final Report editing;

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty category = new SimpleStringProperty("");
    private final ObjectProperty<Accessibility> wheelchair = new SimpleObjectProperty<>(Accessibility.UNKNOWN);
    private final ObjectProperty<Accessibility> toiletsWheelchair = new SimpleObjectProperty<>(Accessibility.UNKNOWN);
    private final StringProperty stepCount = new SimpleStringProperty("");
    private final StringProperty stepHeight = new SimpleStringProperty("");
    private final ObjectProperty<Ramp> ramp = new SimpleObjectProperty<>();
    private final StringProperty doorWidth = new SimpleStringProperty("");
    private final ObjectProperty<Boolean> automaticDoor = new SimpleObjectProperty<>();
    private final ObjectProperty<Boolean> doorbell = new SimpleObjectProperty<>();
    private final StringProperty toiletDoorWidth = new SimpleStringProperty("");
    private final StringProperty turningSpace = new SimpleStringProperty("");
    private final ObjectProperty<Boolean> grabBars = new SimpleObjectProperty<>();
    private final StringProperty parkingSpaces = new SimpleStringProperty("");
    private final ObjectProperty<Boolean> parkingStepFree = new SimpleObjectProperty<>();
    private final ObjectProperty<Kerb> kerb = new SimpleObjectProperty<>();
    private final ObjectProperty<Surface> surface = new SimpleObjectProperty<>();
    private final ObjectProperty<Smoothness> smoothness = new SimpleObjectProperty<>();
    private final StringProperty incline = new SimpleStringProperty("");
    private final BooleanProperty measured = new SimpleBooleanProperty(true);
    private final StringProperty comment = new SimpleStringProperty("");
    private final ObservableList<Path> photos = FXCollections.observableArrayList();
    private final ObservableMap<String, String> errors = FXCollections.observableMap(new LinkedHashMap<>());
    private final BooleanProperty saving = new SimpleBooleanProperty();

    private ReportFormViewModel(PlaceStore store, TaskExecutor tasks, Messages messages, UndoHistory undo, PhotoLibrary photos,
                                String author, GeoPoint newPlaceAt, PlaceId placeId, Report editing) {
        this.store = store;
        this.tasks = tasks;
        this.messages = messages;
        this.undo = undo;
        this.photoLibrary = photos;
        this.author = author;
        this.newPlaceAt = newPlaceAt;
        this.placeId = placeId;
        this.editing = editing;
    }

    /** A new report on a place that exists. */
    public static ReportFormViewModel forPlace(PlaceStore store, TaskExecutor tasks, Messages messages, UndoHistory undo,
                                               PhotoLibrary photos, String author, PlaceId place) {
        return new ReportFormViewModel(store, tasks, messages, undo, photos, author, null, place, null);
    }

    /** A new place at a point, with its first report. */
    public static ReportFormViewModel newPlace(PlaceStore store, TaskExecutor tasks, Messages messages, UndoHistory undo,
                                              PhotoLibrary photos, String author, GeoPoint at) {
        return new ReportFormViewModel(store, tasks, messages, undo, photos, author, at, PlaceId.generate(), null);
    }

    /** An edit of one of the person's own reports, the form filled with it. */
    public static ReportFormViewModel edit(PlaceStore store, TaskExecutor tasks, Messages messages, UndoHistory undo,
                                           PhotoLibrary photos, Report report) {
        ReportFormViewModel vm = new ReportFormViewModel(store, tasks, messages, undo, photos, report.author(), null, report.placeId(), report);
        vm.fill(report);
        return vm;
    }

    private void fill(Report r) {
        wheelchair.set(r.wheelchair());
        toiletsWheelchair.set(r.toiletsWheelchair());
        stepCount.set(r.entrance().stepCount() == null ? "" : r.entrance().stepCount().toString());
        stepHeight.set(centimetres(r.entrance().stepHeight()));
        ramp.set(r.entrance().ramp());
        doorWidth.set(centimetres(r.entrance().doorWidth()));
        automaticDoor.set(r.entrance().automaticDoor());
        doorbell.set(r.entrance().doorbell());
        toiletDoorWidth.set(centimetres(r.toilet().doorWidth()));
        turningSpace.set(centimetres(r.toilet().turningSpace()));
        grabBars.set(r.toilet().grabBars());
        parkingSpaces.set(r.parking().disabledSpaces() == null ? "" : r.parking().disabledSpaces().toString());
        parkingStepFree.set(r.parking().stepFreeToEntrance());
        kerb.set(r.path().kerb());
        surface.set(r.path().surface());
        smoothness.set(r.path().smoothness());
        incline.set(r.path().incline() == null ? "" : trim(r.path().incline().percent()));
        String lang = messages.locale().getLanguage();
        comment.set(r.descriptions().getOrDefault(lang, ""));
    }

    private static String centimetres(Quantity q) {
        return q == null ? "" : trim(q.metres() * 100);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(Math.round(v * 100) / 100.0);
    }

    public boolean isNewPlace() {
        return newPlaceAt != null;
    }

    /**
     * Checks every field; each problem is put in {@link #errors()} under its field, in the
     * person's language. Returns the report to save, or null when something must be fixed.
     */
    public Report validate() {
        errors.clear();
        Integer steps = integer(STEP_COUNT, stepCount.get(), 0, 500);
        Double stepCm = number(STEP_HEIGHT, stepHeight.get(), 0, 100);
        Double doorCm = number(DOOR_WIDTH, doorWidth.get(), 30, 500);
        Double toiletDoorCm = number(TOILET_DOOR_WIDTH, toiletDoorWidth.get(), 30, 500);
        Double turningCm = number(TURNING_SPACE, turningSpace.get(), 50, 500);
        Integer spaces = integer(PARKING_SPACES, parkingSpaces.get(), 0, 10_000);
        Double inclinePct = number(INCLINE, incline.get(), -100, 100);
        if (steps != null && steps == 0 && stepCm != null && stepCm > 0) {
            errors.put(STEP_HEIGHT, messages.get("form.error.stepHeightWithoutSteps"));
        }
        String text = comment.get() == null ? "" : comment.get().strip();
        if (text.length() > 10_000) {
            errors.put(COMMENT, messages.get("form.error.tooLong", 10_000));
        }
        if (isNewPlace()) {
            if (name.get() == null || name.get().isBlank()) {
                errors.put(NAME, messages.get("form.error.nameRequired"));
            }
            String cat = category.get() == null ? "" : category.get().strip();
            if (!cat.isEmpty() && !cat.matches("[a-z_:]{1,40}=[^=\\s]{1,100}")) {
                errors.put(CATEGORY, messages.get("form.error.category"));
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        boolean m = measured.get();
        try {
            Entrance entrance = new Entrance(steps, cm(stepCm, m), ramp.get(), cm(doorCm, m), automaticDoor.get(), doorbell.get());
            Toilet toilet = new Toilet(cm(toiletDoorCm, m), cm(turningCm, m), grabBars.get());
            Parking parking = new Parking(spaces, parkingStepFree.get());
            PathCondition path = new PathCondition(kerb.get(), surface.get(), smoothness.get(),
                    inclinePct == null ? null : new Quantity(inclinePct, LengthUnit.PERCENT, m));
            Map<String, String> descriptions = new LinkedHashMap<>();
            if (editing != null) {
                descriptions.putAll(editing.descriptions());
            }
            String lang = messages.locale().getLanguage();
            if (text.isEmpty()) {
                descriptions.remove(lang);
            } else {
                descriptions.put(lang, text);
            }
            Report report = new Report(editing == null ? ReportId.generate() : editing.id(), placeId, author, Instant.now(),
                    editing == null ? 1 : editing.revision() + 1, wheelchair.get(), toiletsWheelchair.get(),
                    entrance, toilet, parking, path, descriptions, editing == null ? List.of() : editing.photos(),
                    editing == null ? List.of() : editing.experiences(), false);
            if (isEmptySurvey(report) && photos.isEmpty()) {
                errors.put(FORM, messages.get("form.error.empty"));
                return null;
            }
            return report;
        } catch (InvalidValueException e) {
            // The form's own checks should catch everything first; if the domain still refuses, say where.
            errors.put(fieldOf(e.field()), e.getMessage());
            return null;
        }
    }

    private static boolean isEmptySurvey(Report r) {
        return r.wheelchair() == Accessibility.UNKNOWN && r.toiletsWheelchair() == Accessibility.UNKNOWN && r.entrance().isEmpty()
                && r.toilet().isEmpty() && r.parking().isEmpty() && r.path().isEmpty() && r.descriptions().isEmpty()
                && r.experiences().isEmpty() && r.photos().isEmpty();
    }

    private static String fieldOf(String domainField) {
        return switch (domainField) {
            case "stepCount", "stepHeight", "doorWidth", "incline" -> domainField;
            case "author" -> FORM;
            default -> FORM;
        };
    }

    private static Quantity cm(Double value, boolean measured) {
        return value == null ? null : new Quantity(value, LengthUnit.CENTIMETRE, measured);
    }

    private Double number(String field, String text, double min, double max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        double v;
        try {
            v = Double.parseDouble(text.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.put(field, messages.get("form.error.number", trim(min), trim(max)));
            return null;
        }
        if (!Double.isFinite(v) || v < min || v > max) {
            errors.put(field, messages.get("form.error.range", trim(min), trim(max)));
            return null;
        }
        return v;
    }

    private Integer integer(String field, String text, int min, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int v = Integer.parseInt(text.strip());
            if (v < min || v > max) {
                errors.put(field, messages.get("form.error.range", min, max));
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            errors.put(field, messages.get("form.error.integer", min, max));
            return null;
        }
    }

    /**
     * Validates, then in the background copies the photos in, creates the place if new and saves
     * the report; {@code onSaved} gets the saved report on the UI thread.
     */
    public boolean save(Consumer<Report> onSaved) {
        Report report = validate();
        if (report == null) {
            return false;
        }
        saving.set(true);
        List<Path> toCopy = new ArrayList<>(photos);
        String placeName = name.get();
        String placeCategory = category.get();
        tasks.execute(() -> {
            List<String> hashes = new ArrayList<>(report.photos());
            for (Path photo : toCopy) {
                try {
                    String sha = photoLibrary.add(photo);
                    if (!hashes.contains(sha)) {
                        hashes.add(sha);
                    }
                } catch (IOException e) {
                    throw new PhotoException(e.getMessage());
                }
            }
            Report withPhotos = new Report(report.id(), report.placeId(), report.author(), report.surveyedAt(), report.revision(),
                    report.wheelchair(), report.toiletsWheelchair(), report.entrance(), report.toilet(), report.parking(), report.path(),
                    report.descriptions(), hashes, report.experiences(), false);
            if (isNewPlace()) {
                store.savePlace(new Place(placeId, newPlaceAt, placeName, placeCategory == null || placeCategory.isBlank() ? null : placeCategory.strip(), null));
            }
            store.saveReport(withPhotos);
            undo.record(withPhotos, editing);
            return withPhotos;
        }, saved -> {
            saving.set(false);
            onSaved.accept(saved);
        }, failure -> {
            saving.set(false);
            errors.put(failure instanceof PhotoException ? PHOTOS : FORM, messages.get("form.error.saveFailed", failure.getMessage()));
        });
        return true;
    }

    private static final class PhotoException extends RuntimeException {
        PhotoException(String message) {
            super(message);
        }
    }

    public PlaceId placeId() {
        return placeId;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty categoryProperty() {
        return category;
    }

    public ObjectProperty<Accessibility> wheelchairProperty() {
        return wheelchair;
    }

    public ObjectProperty<Accessibility> toiletsWheelchairProperty() {
        return toiletsWheelchair;
    }

    public StringProperty stepCountProperty() {
        return stepCount;
    }

    public StringProperty stepHeightProperty() {
        return stepHeight;
    }

    public ObjectProperty<Ramp> rampProperty() {
        return ramp;
    }

    public StringProperty doorWidthProperty() {
        return doorWidth;
    }

    public ObjectProperty<Boolean> automaticDoorProperty() {
        return automaticDoor;
    }

    public ObjectProperty<Boolean> doorbellProperty() {
        return doorbell;
    }

    public StringProperty toiletDoorWidthProperty() {
        return toiletDoorWidth;
    }

    public StringProperty turningSpaceProperty() {
        return turningSpace;
    }

    public ObjectProperty<Boolean> grabBarsProperty() {
        return grabBars;
    }

    public StringProperty parkingSpacesProperty() {
        return parkingSpaces;
    }

    public ObjectProperty<Boolean> parkingStepFreeProperty() {
        return parkingStepFree;
    }

    public ObjectProperty<Kerb> kerbProperty() {
        return kerb;
    }

    public ObjectProperty<Surface> surfaceProperty() {
        return surface;
    }

    public ObjectProperty<Smoothness> smoothnessProperty() {
        return smoothness;
    }

    public StringProperty inclineProperty() {
        return incline;
    }

    public BooleanProperty measuredProperty() {
        return measured;
    }

    public StringProperty commentProperty() {
        return comment;
    }

    public ObservableList<Path> photos() {
        return photos;
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }

    public BooleanProperty savingProperty() {
        return saving;
    }
}
