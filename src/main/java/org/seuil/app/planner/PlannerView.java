package org.seuil.app.planner;

import static org.seuil.app.i18n.LocalizedControls.button;

import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import java.io.File;
import java.text.NumberFormat;
import java.time.Clock;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.scene.control.ChoiceDialog;
import org.seuil.audit.Campaign;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import org.seuil.analysis.CellShape;
import org.seuil.analysis.Kernel;
import org.seuil.analysis.RatedCriterion;
import org.seuil.app.AppContext;
import org.seuil.app.i18n.Messages;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.GeoPoint;
import org.seuil.formats.raster.ColourRamp;

/**
 * The planner mode: a panel of area, filters and parameters beside the map, the preview overlay
 * on the map with its legend, polygon drawing on the map, and the export dialog. The main window
 * only places the pieces: {@link #toggle()} in the toolbar, {@link #layer()} on the map,
 * {@link #legend()} over it and {@link #panel()} in place of the place panel while open.
 */
public final class PlannerView {
    private final AppContext context;
    private final Messages messages;
    private final Stage stage;
    private final MapView mapView;
    private final PlannerViewModel viewModel;
    private final PlannerLayer layer;
    private final ToggleButton toggle = new MnemonicToggle();
    /** Built when the planner is first opened: the window's first frame does not wait for it. */
    private ScrollPane panel;
    private final VBox legend;

    public PlannerView(AppContext context, Stage stage, MapView mapView) {
        this.context = context;
        this.messages = context.messages();
        this.stage = stage;
        this.mapView = mapView;
        this.viewModel = new PlannerViewModel(context.store(), context.tasks(), messages, Clock.systemUTC());
        this.layer = new PlannerLayer(mapView, viewModel);
        toggle.setId("planner-toggle");
        toggle.textProperty().bind(messages.bind("planner.toggle"));
        toggle.setMnemonicParsing(true);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(messages.bind("planner.toggle.help"));
        toggle.setTooltip(tip);
        toggle.accessibleHelpProperty().bind(messages.bind("planner.toggle.help"));
        toggle.selectedProperty().addListener((o, was, is) -> {
            if (is && viewModel.areaProperty().get() == null) {
                viewModel.areaProperty().set(PlannerArea.view(currentView()));
            }
            viewModel.activeProperty().set(is);
        });
        this.legend = buildLegend();
        installDrawing();
    }

    public PlannerViewModel viewModel() {
        return viewModel;
    }

    public ToggleButton toggle() {
        return toggle;
    }

    /**
     * A toggle button whose mnemonic toggles it. JavaFX answers a mnemonic (Alt+A for
     * "Pl_anner") by sending the button an ActionEvent, which only {@code fire()} turns into a
     * change of selection for a ToggleButton: without this, Alt+A focused the button and did
     * nothing else. An ActionEvent that does not come from {@code fire()} is the mnemonic's.
     */
    private static final class MnemonicToggle extends ToggleButton {
        private boolean firing;

        MnemonicToggle() {
            addEventHandler(ActionEvent.ACTION, e -> {
                if (!firing) {
                    setSelected(!isSelected());
                }
            });
        }

        @Override
        public void fire() {
            firing = true;
            try {
                super.fire();
            } finally {
                firing = false;
            }
        }
    }

    public PlannerLayer layer() {
        return layer;
    }

    public Node panel() {
        if (panel == null) {
            panel = buildPanel();
        }
        return panel;
    }

    public Node legend() {
        return legend;
    }

    /** The box the map shows now, clamped to the Web Mercator world. */
    BoundingBox currentView() {
        double w = mapView.getWidth() > 0 ? mapView.getWidth() : 800;
        double h = mapView.getHeight() > 0 ? mapView.getHeight() : 600;
        MapPoint topLeft = mapView.getMapPosition(0, 0);
        MapPoint bottomRight = mapView.getMapPosition(w, h);
        double minLon = Math.max(-180, Math.min(topLeft.getLongitude(), bottomRight.getLongitude()));
        double maxLon = Math.min(180, Math.max(topLeft.getLongitude(), bottomRight.getLongitude()));
        double minLat = Math.max(-85, Math.min(topLeft.getLatitude(), bottomRight.getLatitude()));
        double maxLat = Math.min(85, Math.max(topLeft.getLatitude(), bottomRight.getLatitude()));
        return new BoundingBox(minLon, minLat, maxLon, maxLat);
    }

    // Drawing: clicks add vertices, a double-click closes, Esc cancels. Filters run before the
    // main window's click handler, so a click while drawing never selects a place.
    private void installDrawing() {
        mapView.addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (!viewModel.drawingProperty().get() || e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
                return;
            }
            e.consume();
            mapView.requestFocus();
            if (e.getClickCount() >= 2) {
                if (viewModel.finishDrawing()) {
                    mapView.setCursor(null);
                }
            } else {
                MapPoint p = mapView.getMapPosition(e.getX(), e.getY());
                viewModel.addVertex(new GeoPoint(Math.max(-85, Math.min(85, p.getLatitude())), Math.max(-180, Math.min(180, p.getLongitude()))));
            }
        });
        mapView.addEventFilter(MouseEvent.MOUSE_MOVED, e -> layer.mouseAt(e.getX(), e.getY()));
        mapView.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (viewModel.drawingProperty().get() && e.getCode() == KeyCode.ESCAPE) {
                viewModel.cancelDrawing();
                e.consume();
            } else if (viewModel.drawingProperty().get() && e.getCode() == KeyCode.ENTER) {
                viewModel.finishDrawing();
                e.consume();
            }
        });
        viewModel.drawingProperty().addListener((o, was, is) -> mapView.setCursor(is ? javafx.scene.Cursor.CROSSHAIR : null));
    }

    private ScrollPane buildPanel() {
        VBox box = new VBox(8);
        box.setPadding(new Insets(10));
        box.setId("planner-panel");
        Label title = label("planner.title");
        title.getStyleClass().add("section-title");

        Label areaLabel = label("planner.area");
        areaLabel.getStyleClass().add("section-title");
        Label area = new Label();
        area.setId("planner-area");
        area.setWrapText(true);
        area.textProperty().bind(Bindings.createStringBinding(() -> describe(viewModel.areaProperty().get()),
                messages.localeProperty(), viewModel.areaProperty()));
        Button useView = button(messages, "planner.area.view", "planner-use-view",
                () -> viewModel.areaProperty().set(PlannerArea.view(currentView())));
        Button draw = button(messages, "planner.area.draw", "planner-draw", () -> {
            viewModel.startDrawing();
            mapView.requestFocus();
        });
        draw.disableProperty().bind(viewModel.drawingProperty());
        Button cancelDraw = button(messages, "planner.area.drawCancel", "planner-draw-cancel", viewModel::cancelDrawing);
        cancelDraw.visibleProperty().bind(viewModel.drawingProperty());
        cancelDraw.managedProperty().bind(viewModel.drawingProperty());
        Button open = button(messages, "planner.area.file", "planner-open-polygon", this::openPolygon);
        Button campaign = button(messages, "planner.area.campaign", "planner-use-campaign", this::chooseCampaign);
        VBox areaButtons = new VBox(4, useView, draw, cancelDraw, open, campaign);
        areaButtons.getChildren().forEach(n -> ((Button) n).setMaxWidth(Double.MAX_VALUE));

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        int row = 0;
        ChoiceBox<PlannerMode> mode = choice("planner-mode", List.of(PlannerMode.values()), viewModel.modeProperty(),
                m -> messages.get("planner.mode." + m.name().toLowerCase(Locale.ROOT)));
        row = addRow(form, row, "planner.mode", mode);
        ChoiceBox<RatedCriterion> rating = choice("planner-rating", List.of(RatedCriterion.values()), viewModel.ratingProperty(),
                r -> messages.get("planner.rating." + r.label()));
        row = addRow(form, row, "planner.rating", rating);
        TextField category = new TextField();
        category.setId("planner-category");
        category.promptTextProperty().bind(messages.bind("filter.category.prompt"));
        category.setOnAction(e -> viewModel.categoryProperty().set(category.getText()));
        category.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                viewModel.categoryProperty().set(category.getText());
            }
        });
        row = addRow(form, row, "filter.category", category);
        DatePicker from = new DatePicker();
        from.setId("planner-from");
        from.valueProperty().bindBidirectional(viewModel.surveyedFromProperty());
        row = addRow(form, row, "planner.from", from);
        DatePicker to = new DatePicker();
        to.setId("planner-to");
        to.valueProperty().bindBidirectional(viewModel.surveyedToProperty());
        row = addRow(form, row, "planner.to", to);

        GridPane heat = new GridPane();
        heat.setHgap(8);
        heat.setVgap(6);
        int h = 0;
        ChoiceBox<Kernel> kernel = choice("planner-kernel", List.of(Kernel.values()), viewModel.kernelProperty(),
                k -> messages.get("planner.kernel." + k.name().toLowerCase(Locale.ROOT)));
        h = addRow(heat, h, "planner.kernel", kernel);
        h = addRow(heat, h, "planner.bandwidth", spinner("planner-bandwidth", 10, 5000, 25, viewModel.bandwidthProperty()));
        h = addRow(heat, h, "planner.cell", spinner("planner-cell", 1, 1000, 5, viewModel.cellProperty()));
        h = addRow(heat, h, "planner.weight.no", spinner("planner-weight-no", 0, 10, 0.25, viewModel.weightNoProperty()));
        h = addRow(heat, h, "planner.weight.limited", spinner("planner-weight-limited", 0, 10, 0.25, viewModel.weightLimitedProperty()));
        addRow(heat, h, "planner.weight.yes", spinner("planner-weight-yes", 0, 10, 0.25, viewModel.weightYesProperty()));
        heat.visibleProperty().bind(viewModel.modeProperty().isEqualTo(PlannerMode.HEATMAP));
        heat.managedProperty().bind(heat.visibleProperty());

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        ChoiceBox<CellShape> shape = choice("planner-shape", List.of(CellShape.values()), viewModel.shapeProperty(),
                s -> messages.get("planner.shape." + s.name().toLowerCase(Locale.ROOT)));
        int g = addRow(grid, 0, "planner.shape", shape);
        addRow(grid, g, "planner.size", spinner("planner-size", 10, 10_000, 50, viewModel.cellSizeProperty()));
        grid.visibleProperty().bind(viewModel.modeProperty().isNotEqualTo(PlannerMode.HEATMAP));
        grid.managedProperty().bind(grid.visibleProperty());

        Slider opacity = new Slider(0, 1, 0.7);
        opacity.setId("planner-opacity");
        opacity.valueProperty().bindBidirectional(viewModel.opacityProperty());
        opacity.accessibleTextProperty().bind(messages.bind("planner.opacity"));
        Label opacityLabel = label("planner.opacity");
        opacityLabel.setLabelFor(opacity);

        javafx.scene.control.CheckBox places = new javafx.scene.control.CheckBox();
        places.setId("planner-show-places");
        places.textProperty().bind(messages.bind("planner.showPlaces"));
        places.selectedProperty().bindBidirectional(viewModel.showPlacesProperty());

        Label status = new Label();
        status.setId("planner-status");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.messageProperty());
        status.getStyleClass().add("secondary");

        Button export = button(messages, "planner.export", "planner-export", () -> PlannerExportDialog.show(context, stage, viewModel));
        export.disableProperty().bind(viewModel.exportingProperty().or(viewModel.areaProperty().isNull()));
        export.setMaxWidth(Double.MAX_VALUE);

        box.getChildren().addAll(title, areaLabel, area, areaButtons, form, heat, grid, opacityLabel, opacity, places, status, export);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(340);
        scroll.getStyleClass().add("place-scroll");
        return scroll;
    }

    private String describe(PlannerArea area) {
        if (area == null) {
            return "";
        }
        return switch (area.source()) {
            case VIEW -> messages.get("planner.area.isView");
            case DRAWN -> messages.get("planner.area.isDrawn", area.polygon().getCoordinates().length - 1);
            case FILE -> messages.get("planner.area.isFile", area.name());
            case CAMPAIGN -> messages.get("planner.area.isCampaign", area.name());
        };
    }

    private void openPolygon() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("planner.area.file").replace("_", ""));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("planner.chooser.polygon"), "*.geojson", "*.json", "*.kml"));
        File file = chooser.showOpenDialog(stage);
        if (file != null) {
            viewModel.openPolygon(file.toPath());
        }
    }

    private void chooseCampaign() {
        viewModel.loadCampaigns(this::chooseCampaign);
    }

    private void chooseCampaign(List<Campaign> campaigns) {
        if (campaigns.isEmpty()) {
            viewModel.messageProperty().set(messages.get("planner.area.noCampaign"));
            return;
        }
        // Names may repeat; the short id tells two campaigns of the same name apart.
        List<String> labels = campaigns.stream().map(c -> c.name() + " (" + c.id().value().substring(0, 8) + ")").toList();
        ChoiceDialog<String> dialog = new ChoiceDialog<>(labels.get(0), labels);
        dialog.initOwner(stage);
        dialog.setTitle(messages.get("planner.area.campaign").replace("_", "").replace("\u2026", ""));
        dialog.setHeaderText(null);
        dialog.setContentText(messages.get("planner.area.chooseCampaign"));
        dialog.getDialogPane().setId("planner-campaign-choice");
        dialog.showAndWait().ifPresent(label -> viewModel.useCampaign(campaigns.get(labels.indexOf(label))));
    }

    private VBox buildLegend() {
        Label title = new Label();
        title.setId("planner-legend-title");
        Canvas bar = new Canvas(220, 12);
        GraphicsContext g = bar.getGraphicsContext2D();
        for (int x = 0; x < 220; x++) {
            int c = ColourRamp.viridis(x / 219.0);
            g.setFill(Color.rgb((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff));
            g.fillRect(x, 0, 1, 12);
        }
        HBox ticks = new HBox();
        ticks.setPrefWidth(220);
        ticks.setMaxWidth(220);
        Label[] labels = new Label[5];
        for (int i = 0; i < 5; i++) {
            labels[i] = new Label();
            labels[i].setId("planner-legend-tick-" + i);
            labels[i].getStyleClass().add("legend-tick");
            ticks.getChildren().add(labels[i]);
            if (i < 4) {
                Region gap = new Region();
                HBox.setHgrow(gap, Priority.ALWAYS);
                ticks.getChildren().add(gap);
            }
        }
        Label unsurveyed = new Label();
        unsurveyed.setId("planner-legend-unsurveyed");
        Region swatch = new Region();
        swatch.setMinSize(12, 12);
        swatch.setStyle("-fx-background-color: #9e9e9e; -fx-border-color: #4a4a4a;");
        unsurveyed.setGraphic(swatch);
        unsurveyed.textProperty().bind(messages.bind("planner.legend.unsurveyed"));
        Label note = new Label();
        note.setId("planner-legend-note");
        note.getStyleClass().add("secondary");
        VBox box = new VBox(3, title, bar, ticks, unsurveyed, note);
        box.setId("planner-legend");
        box.getStyleClass().add("map-note");
        box.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        box.setPadding(new Insets(6, 10, 6, 10));
        StackPane.setAlignment(box, Pos.BOTTOM_LEFT);
        StackPane.setMargin(box, new Insets(0, 0, 48, 10));
        Runnable update = () -> {
            Preview p = viewModel.previewProperty().get();
            box.setVisible(p != null && viewModel.activeProperty().get());
            if (p == null) {
                return;
            }
            Preview.Legend l = p.legend();
            title.setText(messages.get(switch (l.kind()) {
                case DENSITY -> "planner.legend.density";
                case SHARE -> "planner.legend.share";
                case AGE -> "planner.legend.age";
            }));
            double[] values = l.ticks();
            for (int i = 0; i < 5; i++) {
                labels[i].setText(formatTick(l, values[i]));
            }
            unsurveyed.setVisible(l.unsurveyed());
            unsurveyed.setManaged(l.unsurveyed());
            boolean coarser = p.mode() == PlannerMode.HEATMAP && p.previewMetres() > viewModel.cellProperty().get() + 1e-9;
            note.setText(coarser ? messages.get("planner.legend.coarser", p.previewMetres()) : "");
            note.setVisible(coarser);
            note.setManaged(coarser);
            box.setAccessibleText(title.getText() + ": " + labels[0].getText() + " \u2013 " + labels[4].getText());
        };
        viewModel.previewProperty().addListener((o, old, now) -> update.run());
        viewModel.activeProperty().addListener((o, old, now) -> update.run());
        messages.localeProperty().addListener((o, old, now) -> update.run());
        box.setVisible(false);
        box.setMouseTransparent(true);
        return box;
    }

    String formatTick(Preview.Legend legend, double value) {
        Locale locale = messages.locale();
        return switch (legend.kind()) {
            case SHARE -> NumberFormat.getPercentInstance(locale).format(value);
            case AGE -> NumberFormat.getIntegerInstance(locale).format(Math.round(value));
            case DENSITY -> {
                NumberFormat f = NumberFormat.getNumberInstance(locale);
                f.setMaximumFractionDigits(legend.max() < 10 ? 2 : legend.max() < 100 ? 1 : 0);
                yield f.format(value);
            }
        };
    }

    private Label label(String key) {
        Label l = new Label();
        l.textProperty().bind(messages.bind(key));
        return l;
    }

    private int addRow(GridPane grid, int row, String key, Node control) {
        Label l = label(key);
        l.setLabelFor(control);
        l.setMinWidth(Region.USE_PREF_SIZE);
        if (control instanceof javafx.scene.control.Control c) {
            c.accessibleTextProperty().bind(messages.bind(key));
            c.setMaxWidth(Double.MAX_VALUE);
            GridPane.setHgrow(c, Priority.ALWAYS);
        }
        grid.addRow(row, l, control);
        return row + 1;
    }

    private <T> ChoiceBox<T> choice(String id, List<T> values, ObjectProperty<T> property, Function<T, String> text) {
        ChoiceBox<T> box = new ChoiceBox<>();
        box.setId(id);
        box.getItems().setAll(values);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(property);
        // Relabel the items when the language changes.
        messages.localeProperty().addListener((o, old, now) -> {
            T selected = box.getValue();
            box.getItems().setAll(values);
            box.setValue(selected);
        });
        return box;
    }

    private Spinner<Double> spinner(String id, double min, double max, double step, ObjectProperty<Double> property) {
        SpinnerValueFactory.DoubleSpinnerValueFactory factory = new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, property.get(), step);
        Spinner<Double> spinner = new Spinner<>(factory);
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(110);
        factory.valueProperty().bindBidirectional(property);
        // A typed number counts when the field is left, not only on Enter.
        spinner.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                spinner.commitValue();
            }
        });
        return spinner;
    }
}
