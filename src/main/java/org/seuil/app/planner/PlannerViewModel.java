package org.seuil.app.planner;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.seuil.analysis.CellShape;
import org.seuil.analysis.GradedPoints;
import org.seuil.analysis.Kernel;
import org.seuil.analysis.RatedCriterion;
import org.seuil.app.i18n.Messages;
import org.seuil.app.task.TaskExecutor;
import org.seuil.domain.GeoPoint;
import org.seuil.formats.InputException;
import org.seuil.formats.area.AreaReader;
import org.seuil.store.PlaceFilter;
import org.seuil.audit.Campaign;
import org.seuil.store.PlaceStore;
import org.seuil.store.sqlite.SqlitePlaceStore;

/**
 * The planner's state: area, filters and parameters, the live preview and the export. Every change
 * of a parameter asks for a new preview; a preview being computed is cancelled (its loading stops
 * at the next place, its result is dropped) and only the latest settings are computed next. The
 * places of the last filter are kept, so changing the bandwidth recomputes without reading the
 * store again.
 */
public final class PlannerViewModel {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final PlaceStore store;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final Clock clock;

    private final BooleanProperty active = new SimpleBooleanProperty();
    private final ObjectProperty<PlannerMode> mode = new SimpleObjectProperty<>(PlannerMode.HEATMAP);
    private final ObjectProperty<PlannerArea> area = new SimpleObjectProperty<>();
    private final ObjectProperty<RatedCriterion> rating = new SimpleObjectProperty<>(RatedCriterion.WHEELCHAIR);
    private final StringProperty category = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> surveyedFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> surveyedTo = new SimpleObjectProperty<>();
    private final ObjectProperty<Kernel> kernel = new SimpleObjectProperty<>(Kernel.QUARTIC);
    private final ObjectProperty<Double> bandwidth = new SimpleObjectProperty<>(200.0);
    private final ObjectProperty<Double> cell = new SimpleObjectProperty<>(25.0);
    private final ObjectProperty<Double> weightNo = new SimpleObjectProperty<>(1.0);
    private final ObjectProperty<Double> weightLimited = new SimpleObjectProperty<>(0.5);
    private final ObjectProperty<Double> weightYes = new SimpleObjectProperty<>(0.0);
    private final ObjectProperty<CellShape> shape = new SimpleObjectProperty<>(CellShape.HEX_FLAT);
    private final ObjectProperty<Double> cellSize = new SimpleObjectProperty<>(250.0);
    private final DoubleProperty opacity = new SimpleDoubleProperty(0.7);
    private final BooleanProperty showPlaces = new SimpleBooleanProperty();

    private final ObjectProperty<Preview> preview = new SimpleObjectProperty<>();
    private final BooleanProperty computing = new SimpleBooleanProperty();
    private final IntegerProperty previews = new SimpleIntegerProperty();
    private final StringProperty message = new SimpleStringProperty("");

    private final BooleanProperty drawing = new SimpleBooleanProperty();
    private final ObservableList<GeoPoint> vertices = FXCollections.observableArrayList();

    private final BooleanProperty exporting = new SimpleBooleanProperty();
    private final DoubleProperty exportProgress = new SimpleDoubleProperty(-1);
    private final StringProperty exportMessage = new SimpleStringProperty("");
    private final IntegerProperty exports = new SimpleIntegerProperty();
    private volatile AtomicBoolean exportCancelled = new AtomicBoolean();

    private Job running;
    private PlannerSettings pending;
    /** The places of the last filter and rating: read from the background threads, replaced whole. */
    private volatile Loaded loaded;
    /** Moves when the store changes, so places read before cannot be taken for current ones. */
    private volatile int storeVersion;

    private record Loaded(PlaceFilter filter, RatedCriterion rating, int storeVersion, GradedPoints points) {
    }

    private final class Job {
        final PlannerSettings settings;
        final AtomicBoolean cancelled = new AtomicBoolean();

        Job(PlannerSettings settings) {
            this.settings = settings;
        }

        Preview run() {
            GradedPoints points = points(settings, cancelled);
            if (cancelled.get()) {
                throw new CancellationException("parameters changed");
            }
            return PreviewComputer.compute(points, settings, clock.instant());
        }
    }

    public PlannerViewModel(PlaceStore store, TaskExecutor tasks, Messages messages, Clock clock) {
        this.store = store;
        this.tasks = tasks;
        this.messages = messages;
        this.clock = clock;
        Observable[] inputs = {mode, area, rating, category, surveyedFrom, surveyedTo, kernel, bandwidth, cell, weightNo,
            weightLimited, weightYes, shape, cellSize};
        for (Observable input : inputs) {
            input.addListener(o -> refresh());
        }
        active.addListener((o, was, is) -> {
            if (is) {
                storeVersion++; // the store may have changed while the planner was closed
                loaded = null;
                refresh();
            } else {
                cancelDrawing();
            }
        });
    }

    /** The settings the fields describe now. */
    public PlannerSettings settings() {
        return new PlannerSettings(mode.get(), area.get(), rating.get(), category.get(), surveyedFrom.get(), surveyedTo.get(),
                kernel.get(), value(bandwidth), value(cell), value(weightNo), value(weightLimited), value(weightYes), shape.get(),
                value(cellSize));
    }

    private static double value(ObjectProperty<Double> p) {
        return p.get() == null ? Double.NaN : p.get();
    }

    /** The store changed (an import, a sync): forget the places read so far and recompute if open. */
    public void storeChanged() {
        storeVersion++;
        loaded = null;
        refresh();
    }

    /** Asks for a preview of the current settings; cancels the one being computed. */
    public void refresh() {
        if (!active.get() || area.get() == null) {
            return;
        }
        if (surveyedFrom.get() != null && surveyedTo.get() != null && surveyedFrom.get().isAfter(surveyedTo.get())) {
            message.set(messages.get("planner.invalid.dates"));
            return;
        }
        PlannerSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            message.set(messages.get("planner.invalid", e.getMessage()));
            return;
        }
        if (running != null) {
            running.cancelled.set(true);
            pending = settings;
            return;
        }
        start(settings);
    }

    private void start(PlannerSettings settings) {
        Job job = new Job(settings);
        running = job;
        computing.set(true);
        message.set(messages.get("planner.computing"));
        tasks.execute(job::run, result -> finished(job, result, null), failure -> finished(job, null, failure));
    }

    private void finished(Job job, Preview result, Throwable failure) {
        running = null;
        if (pending != null) {
            PlannerSettings next = pending;
            pending = null;
            start(next);
            return;
        }
        computing.set(false);
        if (job.cancelled.get()) {
            return;
        }
        if (failure != null) {
            message.set(messages.get("planner.failed", oneLine(failure)));
            return;
        }
        preview.set(result);
        previews.set(previews.get() + 1);
        message.set(messages.get("planner.summary", result.places(), result.millis()));
    }

    private GradedPoints points(PlannerSettings settings, AtomicBoolean cancelled) {
        PlaceFilter filter = settings.filter();
        int version = storeVersion;
        Loaded cached = loaded;
        if (cached != null && cached.filter().equals(filter) && cached.rating() == settings.rating() && cached.storeVersion() == version) {
            return cached.points();
        }
        GradedPoints.Builder builder = GradedPoints.builder(settings.rating());
        store.forEach(filter, record -> {
            if (cancelled.get()) {
                throw new CancellationException("parameters changed");
            }
            builder.accept(record);
        });
        GradedPoints points = builder.build();
        loaded = new Loaded(filter, settings.rating(), version, points);
        return points;
    }

    static String oneLine(Throwable failure) {
        String text = failure.getMessage();
        return text == null || text.isBlank() ? failure.getClass().getSimpleName() : text.lines().findFirst().orElse(text);
    }

    // Drawing a polygon on the map: click vertices, double-click (or finish) to close, Esc to cancel.

    public void startDrawing() {
        vertices.clear();
        drawing.set(true);
        message.set(messages.get("planner.draw.help"));
    }

    public void addVertex(GeoPoint at) {
        if (!drawing.get()) {
            return;
        }
        if (!vertices.isEmpty() && vertices.get(vertices.size() - 1).equals(at)) {
            return; // the second click of a double-click lands where the first did
        }
        vertices.add(at);
    }

    /** Closes the polygon and makes it the area; false (with a message) when it is not a valid polygon yet. */
    public boolean finishDrawing() {
        if (!drawing.get()) {
            return false;
        }
        if (vertices.size() < 3) {
            message.set(messages.get("planner.draw.tooFew"));
            return false;
        }
        List<Coordinate> ring = new ArrayList<>();
        for (GeoPoint p : vertices) {
            ring.add(new Coordinate(p.lon(), p.lat()));
        }
        ring.add(ring.get(0));
        Geometry polygon = GEOMETRY.createPolygon(ring.toArray(Coordinate[]::new));
        if (!polygon.isValid() || polygon.getArea() == 0) {
            message.set(messages.get("planner.draw.crosses"));
            return false;
        }
        drawing.set(false);
        vertices.clear();
        area.set(PlannerArea.drawn(polygon));
        return true;
    }

    public void cancelDrawing() {
        if (drawing.get()) {
            drawing.set(false);
            vertices.clear();
            message.set(messages.get("planner.draw.cancelled"));
        }
    }

    /** Reads a GeoJSON or KML polygon as the area; a bad file is one line naming the file, feature and field. */
    public void openPolygon(Path file) {
        tasks.execute(() -> AreaReader.read(file), polygon -> {
            try {
                area.set(PlannerArea.file(polygon, file.getFileName().toString()));
            } catch (IllegalArgumentException e) {
                message.set(messages.get("planner.failed", e.getMessage()));
            }
        }, failure -> message.set(messages.get("planner.failed", failure instanceof InputException ? failure.getMessage() : oneLine(failure))));
    }

    /**
     * Reads the store's audit campaigns (newest first; none when the store keeps no campaigns) on
     * the background threads and hands them to {@code then} on the UI thread.
     */
    public void loadCampaigns(Consumer<List<Campaign>> then) {
        tasks.execute(() -> store instanceof SqlitePlaceStore sqlite ? sqlite.campaigns().list() : List.<Campaign>of(), then,
                failure -> message.set(messages.get("planner.failed", oneLine(failure))));
    }

    /** A campaign's district becomes the area: the planner sees what the association audits. */
    public void useCampaign(Campaign campaign) {
        area.set(PlannerArea.campaign(campaign.district().area(), campaign.name()));
    }

    // Export with progress and Cancel.

    public void export(Path target, ExportFormat format) {
        if (exporting.get()) {
            throw new IllegalStateException("an export is already running");
        }
        PlannerSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException | NullPointerException e) {
            exportMessage.set(messages.get("planner.invalid", oneLine(e)));
            return;
        }
        AtomicBoolean flag = new AtomicBoolean();
        exportCancelled = flag;
        exporting.set(true);
        exportProgress.set(-1);
        exportMessage.set(messages.get("transfer.writing", target.getFileName()));
        String legendTitle = messages.get("planner.legend.density");
        PlannerExport export = new PlannerExport(store, flag, fraction -> tasks.runOnUi(() -> exportProgress.set(fraction)));
        tasks.execute(() -> export.write(settings, format, target, legendTitle, clock.instant()), result -> {
            exporting.set(false);
            exportProgress.set(1);
            exportMessage.set(format == ExportFormat.GEOTIFF || format == ExportFormat.PNG
                    ? messages.get("planner.exported.raster", result.places(), target.getFileName())
                    : result.cells() > 0 ? messages.get("planner.exported.cells", result.places(), result.cells(), target.getFileName())
                    : messages.get("transfer.exported", result.places(), target.getFileName()));
            exports.set(exports.get() + 1);
        }, failure -> {
            exporting.set(false);
            exportProgress.set(0);
            exportMessage.set(flag.get() || failure instanceof CancellationException || failure.getCause() instanceof CancellationException
                    ? messages.get("transfer.exportCancelled") : messages.get("transfer.failed", oneLine(failure)));
        });
    }

    public void cancelExport() {
        exportCancelled.set(true);
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    public ObjectProperty<PlannerMode> modeProperty() {
        return mode;
    }

    public ObjectProperty<PlannerArea> areaProperty() {
        return area;
    }

    public ObjectProperty<RatedCriterion> ratingProperty() {
        return rating;
    }

    public StringProperty categoryProperty() {
        return category;
    }

    public ObjectProperty<LocalDate> surveyedFromProperty() {
        return surveyedFrom;
    }

    public ObjectProperty<LocalDate> surveyedToProperty() {
        return surveyedTo;
    }

    public ObjectProperty<Kernel> kernelProperty() {
        return kernel;
    }

    public ObjectProperty<Double> bandwidthProperty() {
        return bandwidth;
    }

    public ObjectProperty<Double> cellProperty() {
        return cell;
    }

    public ObjectProperty<Double> weightNoProperty() {
        return weightNo;
    }

    public ObjectProperty<Double> weightLimitedProperty() {
        return weightLimited;
    }

    public ObjectProperty<Double> weightYesProperty() {
        return weightYes;
    }

    public ObjectProperty<CellShape> shapeProperty() {
        return shape;
    }

    public ObjectProperty<Double> cellSizeProperty() {
        return cellSize;
    }

    /** Opacity of the overlay, 0 to 1. */
    public DoubleProperty opacityProperty() {
        return opacity;
    }

    /** Whether the place pins stay on the map while the planner is open (off: they would hide the overlay). */
    public BooleanProperty showPlacesProperty() {
        return showPlaces;
    }

    public ObjectProperty<Preview> previewProperty() {
        return preview;
    }

    public BooleanProperty computingProperty() {
        return computing;
    }

    /** Counts the previews shown, so a view or a test can tell a new one arrived. */
    public IntegerProperty previewsProperty() {
        return previews;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty drawingProperty() {
        return drawing;
    }

    public ObservableList<GeoPoint> vertices() {
        return vertices;
    }

    public BooleanProperty exportingProperty() {
        return exporting;
    }

    /** 0 to 1, or -1 while not known. */
    public DoubleProperty exportProgressProperty() {
        return exportProgress;
    }

    public StringProperty exportMessageProperty() {
        return exportMessage;
    }

    public IntegerProperty exportsProperty() {
        return exports;
    }
}
