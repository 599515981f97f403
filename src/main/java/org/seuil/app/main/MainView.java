package org.seuil.app.main;

import static org.seuil.app.i18n.LocalizedControls.menuItem;

import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.seuil.app.AppContext;
import org.seuil.app.audit.AuditView;
import org.seuil.app.i18n.Messages;
import org.seuil.app.map.ServerPacksDialog;
import org.seuil.app.places.FiltersViewModel;
import org.seuil.app.places.MapPlaces;
import org.seuil.app.places.PinLayer;
import org.seuil.app.places.PlacePanel;
import org.seuil.app.planner.PlannerView;
import org.seuil.app.report.ExperienceDialog;
import org.seuil.app.report.ReportDialog;
import org.seuil.app.settings.SettingsDialog;
import org.seuil.app.sync.ConflictsDialog;
import org.seuil.domain.Accessibility;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Need;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Report;
import org.seuil.geo.cluster.ClusterIndex;
import org.seuil.store.PlaceFilter;
import org.seuil.store.PlaceView;
import org.seuil.app.transfer.FileOpener;
import org.seuil.app.transfer.TransferViewModel;

/**
 * The main window: search and filters on the left, the map in the middle, the selected place on
 * the right, the status bar below. Every action has a button or menu item and a keyboard
 * shortcut; the map itself takes arrows, +/- and F when focused.
 */
public final class MainView {
    static final double PAN_STEP = 100;

    private final AppContext context;
    private final Messages messages;
    private final Stage stage;
    private final BorderPane root = new BorderPane();
    private final MapView mapView = new MapView();
    private final PinLayer pins;
    private final PlacePanel placePanel;
    private final PlannerView planner;
    private final FileOpener opener;
    private final AuditView audit;
    private final ListView<PlaceView> searchResults;
    private boolean fittedOnce;

    public MainView(AppContext context, Stage stage) {
        this.context = context;
        this.messages = context.messages();
        this.stage = stage;
        this.pins = new PinLayer(mapView, context.map());
        this.placePanel = new PlacePanel(context, this::reportSelected, this::shareExperience, this::editReport);
        this.planner = new PlannerView(context, stage, mapView);
        this.opener = new FileOpener(context.transfer(), context.dataFolder(), messages);
        this.audit = new AuditView(context, mapView);
        this.searchResults = new ListView<>(context.search().results());
        build();
    }

    public Scene createScene() {
        Scene scene = new Scene(root, 1280, 800);
        Theme.apply(scene, context.settings());
        installShortcuts(scene);
        AltReleaseGuard.install(stage, scene);
        installFileDrop(scene);
        stage.titleProperty().bind(messages.bind("app.title"));
        return scene;
    }

    private void build() {
        root.getStyleClass().add("seuil-root");
        root.setTop(new VBox(menuBar(), toolbar()));
        root.setLeft(audit.withSidebar(sidebar()));
        root.setCenter(mapArea());
        ScrollPane right = new ScrollPane(placePanel.node());
        right.setFitToWidth(true);
        right.setPrefWidth(340);
        right.getStyleClass().add("place-scroll");
        root.setRight(right);
        planner.viewModel().activeProperty().addListener((o, was, is) -> root.setRight(is ? planner.panel() : right));
        pins.visibleProperty().bind(planner.viewModel().activeProperty().not().or(planner.viewModel().showPlacesProperty()));
        root.setBottom(new StatusBar(context).node());

        context.map().placesProperty().addListener((o, old, now) -> {
            if (!fittedOnce && now.size() > 0) {
                fittedOnce = true;
                fitToData();
            }
            updateMapDescription();
        });
        context.map().reload();
        context.status().refresh();
        // After an import: reload, then fit the map to what is there now. A search typed meanwhile
        // (it found nothing new while the import ran) is run again on what the store now holds.
        context.transfer().importsProperty().addListener((o, old, now) -> {
            fittedOnce = false;
            context.map().reload();
            context.status().refresh();
            context.search().search();
            planner.viewModel().storeChanged();
        });
        context.sync().syncsProperty().addListener((o, old, now) -> {
            context.map().reload();
            context.status().refresh();
            context.search().search();
            planner.viewModel().storeChanged();
        });
        context.sync().messageProperty().addListener((o, old, now) -> {
            if (!now.isEmpty()) {
                context.status().messageProperty().set(now);
            }
        });
        context.sync().refresh();
        // Automatic sync: a try every minute when a server is set; the view model backs off after failures.
        Timeline automatic = new Timeline(new KeyFrame(javafx.util.Duration.minutes(1), e -> context.sync().autoSync()));
        automatic.setCycleCount(Animation.INDEFINITE);
        automatic.play();
        context.transfer().messageProperty().addListener((o, old, now) -> {
            if (!now.isEmpty()) {
                context.status().messageProperty().set(now);
            }
        });
    }

    private MenuBar menuBar() {
        Menu data = new Menu();
        data.textProperty().bind(messages.bind("menu.data"));
        data.setMnemonicParsing(true);
        data.setId("menu-data");
        MenuItem osm = menuItem(messages, "menu.import.osm", "menu-import-osm", () -> importFile(TransferViewModel.ImportKind.OSM));
        MenuItem geojson = menuItem(messages, "menu.import.geojson", "menu-import-geojson", () -> importFile(TransferViewModel.ImportKind.GEOJSON));
        MenuItem csv = menuItem(messages, "menu.import.csv", "menu-import-csv", () -> importFile(TransferViewModel.ImportKind.CSV));
        MenuItem exportGeojson = menuItem(messages, "menu.export.geojson", "menu-export-geojson", () -> exportFile(TransferViewModel.ExportKind.GEOJSON));
        MenuItem exportCsv = menuItem(messages, "menu.export.csv", "menu-export-csv", () -> exportFile(TransferViewModel.ExportKind.CSV));
        for (MenuItem item : List.of(osm, geojson, csv, exportGeojson, exportCsv)) {
            // One import or export at a time: the store runs one write transaction anyway.
            item.disableProperty().bind(context.transfer().runningProperty());
        }
        MenuItem conflicts = menuItem(messages, "menu.conflicts", "menu-conflicts", this::showConflicts);
        data.getItems().addAll(osm, geojson, csv, new SeparatorMenuItem(), exportGeojson, exportCsv, new SeparatorMenuItem(), conflicts);
        MenuBar bar = new MenuBar(data, audit.menu());
        bar.setId("menu-bar");
        bar.accessibleTextProperty().bind(messages.bind("menu.data.help"));
        return bar;
    }

    /** The kept sync conflicts, mine beside theirs, each settled with "Keep mine" or "Keep theirs". */
    private void showConflicts() {
        ConflictsDialog.show(context, stage, place -> {
            context.map().placeChanged(place);
            context.details().refresh();
            context.status().refresh();
            context.sync().refresh();
        });
    }

    private FileChooser.ExtensionFilter extensions(TransferViewModel.ImportKind kind) {
        return switch (kind) {
            case OSM -> new FileChooser.ExtensionFilter(messages.get("chooser.osm"), "*.osm", "*.osm.gz", "*.osm.pbf", "*.pbf");
            case GEOJSON -> new FileChooser.ExtensionFilter(messages.get("chooser.geojson"), "*.geojson", "*.json");
            case CSV -> new FileChooser.ExtensionFilter(messages.get("chooser.csv"), "*.csv");
        };
    }

    private void importFile(TransferViewModel.ImportKind kind) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("menu.import." + kind.name().toLowerCase(java.util.Locale.ROOT)).replace("_", ""));
        chooser.getExtensionFilters().add(extensions(kind));
        java.io.File file = chooser.showOpenDialog(stage);
        if (file != null) {
            context.transfer().importFile(file.toPath(), kind, false);
        }
    }

    private void exportFile(TransferViewModel.ExportKind kind) {
        FileChooser chooser = new FileChooser();
        String extension = kind == TransferViewModel.ExportKind.GEOJSON ? "geojson" : "csv";
        chooser.setTitle(messages.get("menu.export." + extension).replace("_", ""));
        chooser.getExtensionFilters().add(kind == TransferViewModel.ExportKind.GEOJSON
                ? extensions(TransferViewModel.ImportKind.GEOJSON) : extensions(TransferViewModel.ImportKind.CSV));
        chooser.setInitialFileName("seuil." + extension);
        java.io.File file = chooser.showSaveDialog(stage);
        if (file != null) {
            context.transfer().exportFile(file.toPath(), kind, PlaceFilter.ALL);
        }
    }

    private ToolBar toolbar() {
        Button fit = button("action.fit", "action.fit.help", this::fitToData);
        fit.setId("fit");
        Button report = button("action.report", "action.report.help", this::reportSelected);
        report.setId("report");
        report.disableProperty().bind(context.map().selectedProperty().isNull());
        Button share = button("action.share", "action.share.help", this::shareExperience);
        share.setId("share");
        share.disableProperty().bind(context.map().selectedProperty().isNull());
        Button newPlace = button("action.newPlace", "action.newPlace.help", this::newPlaceAtCentre);
        newPlace.setId("new-place");
        Button undo = button("action.undo", "action.undo.help", this::undo);
        undo.setId("undo");
        undo.disableProperty().bind(context.undo().canUndoProperty().not());
        Button settings = button("action.settings", "action.settings.help", this::openSettings);
        settings.setId("settings");
        Button packs = button("action.packs", "action.packs.help", () -> ServerPacksDialog.show(context, stage));
        packs.setId("server-packs");
        Button sync = button("sync.action", "sync.action.help", context.sync()::sync);
        sync.setId("sync");
        sync.disableProperty().bind(context.sync().runningProperty());
        Label syncStatus = new Label();
        syncStatus.setId("sync-status");
        syncStatus.textProperty().bind(context.sync().statusProperty());
        syncStatus.getStyleClass().add("secondary");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        // Settings before the spacer: at large text sizes the toolbar may overflow, and the
        // overflow menu must not swallow the way to the text size setting itself.
        ToolBar bar = new ToolBar(fit, newPlace, report, share, new Separator(), undo, settings, packs, planner.toggle(), new Separator(),
                sync, syncStatus, spacer);
        bar.setAccessibleRole(AccessibleRole.TOOL_BAR);
        return bar;
    }

    private Button button(String key, String helpKey, Runnable action) {
        Button b = new Button();
        b.textProperty().bind(messages.bind(key));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(messages.bind(helpKey));
        b.setTooltip(tip);
        b.accessibleHelpProperty().bind(messages.bind(helpKey));
        b.setOnAction(e -> action.run());
        b.setMnemonicParsing(true);
        return b;
    }

    private VBox sidebar() {
        Label searchLabel = new Label();
        searchLabel.textProperty().bind(messages.bind("search.label"));
        searchLabel.getStyleClass().add("section-title");
        TextField search = new TextField();
        search.setId("search");
        search.promptTextProperty().bind(messages.bind("search.prompt"));
        search.accessibleTextProperty().bind(messages.bind("search.label"));
        searchLabel.setLabelFor(search);
        search.textProperty().bindBidirectional(context.search().queryProperty());
        search.textProperty().addListener((o, old, now) -> context.search().search());
        ListView<PlaceView> results = searchResults;
        results.setId("search-results");
        results.setPrefHeight(200);
        results.accessibleTextProperty().bind(messages.bind("search.results"));
        results.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(PlaceView item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setAccessibleText(null);
                } else {
                    String grade = messages.get("grade." + item.accessibility().wheelchair().shown().name());
                    String category = item.place().category() == null ? "" : " · " + item.place().category();
                    setText(item.place().displayName() + category + " — " + grade);
                }
            }
        });
        Label placeholder = new Label();
        placeholder.textProperty().bind(Bindings.when(context.search().searchingProperty())
                .then(messages.bind("search.searching")).otherwise(messages.bind("search.none")));
        results.setPlaceholder(placeholder);
        search.setOnAction(e -> {
            if (!results.getItems().isEmpty()) {
                goTo(results.getItems().get(0));
            }
        });
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !results.getItems().isEmpty()) {
                results.requestFocus();
                results.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        results.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && results.getSelectionModel().getSelectedItem() != null) {
                goTo(results.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        results.setOnMouseClicked(e -> {
            if (results.getSelectionModel().getSelectedItem() != null) {
                goTo(results.getSelectionModel().getSelectedItem());
            }
        });

        VBox box = new VBox(6, searchLabel, search, results, filters());
        box.setPadding(new Insets(8));
        box.setPrefWidth(280);
        box.getStyleClass().add("sidebar");
        return box;
    }

    private TitledPane filters() {
        FiltersViewModel f = context.filters();
        VBox content = new VBox(6);
        Label gradesLabel = new Label();
        gradesLabel.textProperty().bind(messages.bind("filter.grades"));
        content.getChildren().add(gradesLabel);
        for (Accessibility grade : FiltersViewModel.GRADES) {
            CheckBox box = new CheckBox();
            box.setId("filter-" + grade.name().toLowerCase(java.util.Locale.ROOT));
            box.textProperty().bind(Bindings.createStringBinding(() -> org.seuil.app.places.PinStyle.of(grade).glyph() + "  "
                    + messages.get("grade." + grade.name()), messages.localeProperty()));
            box.selectedProperty().bindBidirectional(f.gradeProperty(grade));
            content.getChildren().add(box);
        }
        CheckBox stepFree = new CheckBox();
        stepFree.setId("filter-step-free");
        stepFree.textProperty().bind(messages.bind("filter.stepFree"));
        stepFree.selectedProperty().bindBidirectional(f.stepFreeProperty());
        CheckBox toilet = new CheckBox();
        toilet.setId("filter-toilet");
        toilet.textProperty().bind(messages.bind("filter.toilet"));
        toilet.selectedProperty().bindBidirectional(f.accessibleToiletProperty());
        Label categoryLabel = new Label();
        categoryLabel.textProperty().bind(messages.bind("filter.category"));
        TextField category = new TextField();
        category.setId("filter-category");
        category.promptTextProperty().bind(messages.bind("filter.category.prompt"));
        category.accessibleTextProperty().bind(messages.bind("filter.category"));
        categoryLabel.setLabelFor(category);
        // Typing each letter would re-query the store; apply on Enter or when leaving the field.
        category.setOnAction(e -> f.categoryProperty().set(category.getText()));
        category.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                f.categoryProperty().set(category.getText());
            }
        });
        Label sinceLabel = new Label();
        sinceLabel.textProperty().bind(messages.bind("filter.since"));
        DatePicker since = new DatePicker();
        since.setId("filter-since");
        since.accessibleTextProperty().bind(messages.bind("filter.since"));
        sinceLabel.setLabelFor(since);
        since.valueProperty().bindBidirectional(f.surveyedSinceProperty());
        Label experiencesLabel = new Label();
        experiencesLabel.textProperty().bind(messages.bind("filter.experiences"));
        ComboBox<Need> experiences = new ComboBox<>();
        experiences.setId("filter-experiences");
        experiences.getItems().add(null);
        experiences.getItems().addAll(Need.values());
        experiences.setMaxWidth(Double.MAX_VALUE);
        experiences.accessibleTextProperty().bind(messages.bind("filter.experiences"));
        experiencesLabel.setLabelFor(experiences);
        javafx.util.StringConverter<Need> needNames = new javafx.util.StringConverter<>() {
            @Override
            public String toString(Need need) {
                return need == null ? messages.get("filter.experiences.any") : messages.get("need." + need.name());
            }

            @Override
            public Need fromString(String text) {
                return null;
            }
        };
        experiences.setConverter(needNames);
        // The names are worded when cells are drawn: redraw them in the new language.
        messages.localeProperty().addListener((o, old, now) -> {
            experiences.setConverter(null);
            experiences.setConverter(needNames);
        });
        experiences.valueProperty().bindBidirectional(f.experiencesForProperty());
        Button clear = new Button();
        clear.setId("filter-clear");
        clear.textProperty().bind(messages.bind("filter.clear"));
        clear.setOnAction(e -> {
            f.clear();
            category.clear();
        });
        Label shown = new Label();
        shown.setId("shown-count");
        shown.textProperty().bind(Bindings.createStringBinding(() -> messages.get("filter.shown", context.map().places().size()),
                messages.localeProperty(), context.map().placesProperty()));
        content.getChildren().addAll(stepFree, toilet, categoryLabel, category, sinceLabel, since, experiencesLabel, experiences, clear, shown);
        TitledPane pane = new TitledPane();
        pane.textProperty().bind(messages.bind("filter.title"));
        pane.setContent(content);
        pane.setExpanded(true);
        return pane;
    }

    private StackPane mapArea() {
        mapView.addLayer(planner.layer()); // under the pins: places stay clickable and visible on the overlay
        mapView.addLayer(pins);
        mapView.addLayer(audit.layer());
        // Until the store has places to fit, show the inhabited world rather than the open sea.
        mapView.setZoom(2);
        mapView.setCenter(30, 10);
        mapView.setFocusTraversable(true);
        mapView.setId("map");
        mapView.setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        mapView.getStyleClass().add("map");
        mapView.setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case LEFT -> pan(-PAN_STEP, 0);
                case RIGHT -> pan(PAN_STEP, 0);
                case UP -> pan(0, -PAN_STEP);
                case DOWN -> pan(0, PAN_STEP);
                case PLUS, ADD, EQUALS -> zoomBy(1);
                case MINUS, SUBTRACT -> zoomBy(-1);
                case F -> fitToData();
                case N -> newPlaceAtCentre();
                case ENTER, SPACE -> selectNearestToCentre();
                default -> {
                    return;
                }
            }
            e.consume();
        });
        ContextMenu menu = new ContextMenu();
        MenuItem here = new MenuItem();
        here.textProperty().bind(messages.bind("action.newPlaceHere"));
        double[] clickedAt = new double[2];
        menu.getItems().addAll(here, audit.addVenueItem(clickedAt));
        here.setOnAction(e -> newPlaceAt(clickedAt[0], clickedAt[1]));
        mapView.setOnMouseClicked(e -> {
            mapView.requestFocus();
            if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                clickOn(e.getX(), e.getY());
            }
        });
        mapView.setOnContextMenuRequested(e -> {
            clickedAt[0] = e.getX();
            clickedAt[1] = e.getY();
            menu.show(mapView, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        Label attribution = new Label("© OpenStreetMap contributors");
        attribution.setId("attribution");
        attribution.getStyleClass().add("attribution");
        StackPane.setAlignment(attribution, Pos.BOTTOM_RIGHT);
        Label loading = new Label();
        loading.textProperty().bind(messages.bind("map.loading"));
        loading.visibleProperty().bind(context.map().loadingProperty());
        loading.getStyleClass().add("map-note");
        Label help = new Label();
        help.textProperty().bind(messages.bind("map.keys"));
        help.getStyleClass().add("map-note");
        help.visibleProperty().bind(mapView.focusedProperty());
        // Top left, one under the other, wrapped beside the legend: centred at the top, "Loading
        // places..." ran under the legend when the map was narrow, and so did the key help. Hidden
        // notes take no room, and the box lets clicks through to the map.
        VBox notes = new VBox(4, help, loading);
        for (Label note : List.of(help, loading)) {
            note.managedProperty().bind(note.visibleProperty());
            note.setWrapText(true);
        }
        notes.setMaxHeight(Double.MAX_VALUE);
        notes.setPickOnBounds(false);
        StackPane.setAlignment(notes, Pos.TOP_LEFT);
        Label legend = new Label();
        legend.setId("legend");
        legend.textProperty().bind(Bindings.createStringBinding(() -> context.map().profileProperty().get() == null
                ? messages.get("legend.grades") : messages.get("legend.profile"), messages.localeProperty(), context.map().profileProperty()));
        legend.getStyleClass().addAll("legend", "map-note");
        StackPane.setAlignment(legend, Pos.TOP_RIGHT);
        legend.visibleProperty().bind(pins.visibleProperty()); // no pins under the planner's overlay, no pin legend
        StackPane stack = new StackPane(mapView, attribution, notes, legend, planner.legend());
        notes.maxWidthProperty().bind(Bindings.max(120, stack.widthProperty().subtract(legend.widthProperty()).subtract(24)));
        stack.getStyleClass().add("map-area");
        mapView.focusedProperty().addListener((o, was, is) -> stack.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("map-focused"), is));
        return stack;
    }

    private void updateMapDescription() {
        mapView.setAccessibleText(messages.get("map.description", context.map().places().size()));
    }

    private void clickOn(double x, double y) {
        long hit = pins.hit(x, y);
        if (hit == Long.MIN_VALUE) {
            return;
        }
        MapPlaces places = context.map().places();
        if (hit >= 0) {
            context.map().selectedProperty().set(places.view((int) hit).place().id());
        } else {
            long clusterId = -(hit + 1);
            int zoom = places.index().expansionZoom(clusterId);
            MapPoint point = mapView.getMapPosition(x, y);
            mapView.setZoom(Math.min(19, zoom));
            mapView.setCenter(point.getLatitude(), point.getLongitude());
        }
    }

    /** Enter on the focused map selects the place nearest the centre: keyboard users pick places too. */
    private void selectNearestToCentre() {
        long hit = pins.hit(mapView.getWidth() / 2, mapView.getHeight() / 2);
        if (hit != Long.MIN_VALUE) {
            clickOn(mapView.getWidth() / 2, mapView.getHeight() / 2);
        }
    }

    void pan(double dx, double dy) {
        MapPoint target = mapView.getMapPosition(mapView.getWidth() / 2 + dx, mapView.getHeight() / 2 + dy);
        mapView.setCenter(target.getLatitude(), target.getLongitude());
    }

    void zoomBy(int delta) {
        MapPoint centre = mapView.getCenter();
        mapView.setZoom(Math.max(1, Math.min(19, Math.round(pins.zoom()) + delta)));
        if (centre != null) {
            mapView.setCenter(centre.getLatitude(), centre.getLongitude());
        }
    }

    public void fitToData() {
        BoundingBox box = context.map().places().bounds();
        if (box == null) {
            return;
        }
        double w = Math.max(200, mapView.getWidth() > 0 ? mapView.getWidth() : 800);
        double h = Math.max(200, mapView.getHeight() > 0 ? mapView.getHeight() : 600);
        double dx = Math.max(1e-9, ClusterIndex.mercatorX(box.maxLon()) - ClusterIndex.mercatorX(box.minLon()));
        double dy = Math.max(1e-9, ClusterIndex.mercatorY(box.minLat()) - ClusterIndex.mercatorY(box.maxLat()));
        double zoom = Math.floor(Math.log(Math.min((w - 60) / (dx * 256), (h - 60) / (dy * 256))) / Math.log(2));
        double cx = (ClusterIndex.mercatorX(box.minLon()) + ClusterIndex.mercatorX(box.maxLon())) / 2;
        double cy = (ClusterIndex.mercatorY(box.minLat()) + ClusterIndex.mercatorY(box.maxLat())) / 2;
        mapView.setZoom(Math.max(1, Math.min(18, zoom)));
        mapView.setCenter(ClusterIndex.latitude(cy), ClusterIndex.longitude(cx));
    }

    /** Opens the window on one place (for {@code seuil app --place ID}) instead of fitting all data. */
    public void openOn(PlaceId id) {
        context.tasks().execute(() -> context.store().place(id), found -> {
            if (found.isPresent()) {
                fittedOnce = true;
                goTo(found.get());
            } else {
                context.status().messageProperty().set(messages.get("status.noSuchPlace", id.value()));
            }
        }, failure -> context.status().messageProperty().set(messages.get("status.failed", failure.getMessage())));
    }

    private void goTo(PlaceView view) {
        context.map().selectedProperty().set(view.place().id());
        mapView.setZoom(Math.max(17, pins.zoom()));
        mapView.setCenter(view.place().location().lat(), view.place().location().lon());
        context.status().messageProperty().set(messages.get("status.centred", view.place().displayName()));
    }

    /**
     * The window's shortcuts. They are checked in an event filter, before the focused control sees
     * the key: as scene accelerators they ran only for keys the focused control left unconsumed,
     * so a text field or a list could swallow them. Ctrl+Z stays an accelerator, so that in a text
     * field it undoes typing, as everywhere.
     */
    private void installShortcuts(Scene scene) {
        Map<KeyCombination, Runnable> shortcuts = new LinkedHashMap<>();
        shortcuts.put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> root.lookup("#search").requestFocus());
        shortcuts.put(new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN), mapView::requestFocus);
        shortcuts.put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), this::reportSelected);
        shortcuts.put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), this::shareExperience);
        shortcuts.put(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), this::newPlaceAtCentre);
        shortcuts.put(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN), this::openSettings);
        shortcuts.put(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), this::fitToData);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            for (Map.Entry<KeyCombination, Runnable> shortcut : shortcuts.entrySet()) {
                if (shortcut.getKey().match(e)) {
                    e.consume();
                    shortcut.getValue().run();
                    return;
                }
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), this::undo);
    }

    /** Files dropped anywhere on the window are opened: packs installed, places imported. */
    private void installFileDrop(Scene scene) {
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && opener.accepts(paths(e.getDragboard().getFiles()))) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean opened = e.getDragboard().hasFiles() && openFiles(paths(e.getDragboard().getFiles()));
            e.setDropCompleted(opened);
            e.consume();
        });
    }

    private static List<Path> paths(List<java.io.File> files) {
        return files.stream().map(java.io.File::toPath).toList();
    }

    /**
     * What a drop does (the drop handler calls it with the dragboard's files): opens the first file
     * Seuil can open, with progress in the status bar; says in the status bar why not otherwise.
     * Returns whether something was started.
     */
    public boolean openFiles(List<Path> files) {
        FileOpener.Outcome outcome = opener.open(files);
        if (outcome.message() != null) {
            context.status().messageProperty().set(outcome.message());
        }
        return outcome.started();
    }

    /**
     * Opens a file the app was started with ({@code seuil FILE}, as a file manager does on a
     * double-click) after asking: a file should not change the map without the user's yes.
     */
    public void confirmAndOpen(Path file) {
        FileOpener.Plan plan = FileOpener.plan(file);
        if (plan.action() == FileOpener.Action.UNSUPPORTED) {
            context.status().messageProperty().set(opener.question(plan));
            return;
        }
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, opener.question(plan), ButtonType.OK, ButtonType.CANCEL);
        ask.initOwner(stage);
        ask.setTitle(messages.get("open.title"));
        ask.setHeaderText(null);
        ask.getDialogPane().setId("open-confirm");
        ask.getDialogPane().setMinHeight(Region.USE_PREF_SIZE); // else the question is cut at two lines
        ask.getDialogPane().setPrefWidth(520);
        Theme.apply(ask.getDialogPane(), context.settings());
        ask.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> openFiles(List.of(file)));
    }

    private void newPlaceAtCentre() {
        newPlaceAt(mapView.getWidth() / 2, mapView.getHeight() / 2);
    }

    private void newPlaceAt(double x, double y) {
        MapPoint p = mapView.getMapPosition(x, y);
        GeoPoint at = new GeoPoint(Math.max(-90, Math.min(90, p.getLatitude())), Math.max(-180, Math.min(180, p.getLongitude())));
        ReportDialog.newPlace(context, stage, at).ifPresent(this::afterSave);
    }

    /**
     * Reports the selected place; with none selected, the search result highlighted (or else the
     * best match), which is what a person who typed a name and pressed Ctrl+R means.
     */
    private void reportSelected() {
        if (context.map().selectedProperty().get() == null && !context.search().results().isEmpty()) {
            PlaceView highlighted = searchResults.getSelectionModel().getSelectedItem();
            goTo(highlighted != null ? highlighted : context.search().results().get(0));
        }
        PlaceId id = context.map().selectedProperty().get();
        if (id != null) {
            ReportDialog.forPlace(context, stage, id).ifPresent(this::afterSave);
        }
    }

    private void editReport(Report report) {
        ReportDialog.edit(context, stage, report).ifPresent(this::afterSave);
    }

    private void shareExperience() {
        PlaceId id = context.map().selectedProperty().get();
        if (id != null) {
            ExperienceDialog.show(context, stage, id).ifPresent(this::afterSave);
        }
    }

    private void afterSave(Report saved) {
        context.map().placeChanged(saved.placeId());
        context.map().selectedProperty().set(saved.placeId());
        context.details().show(saved.placeId());
        context.status().refresh();
        context.status().messageProperty().set(messages.get("status.saved"));
        // Back to the map, where the saved place is; from there Ctrl+Z undoes the save (in a
        // text field Ctrl+Z undoes typing, as everywhere).
        mapView.requestFocus();
    }

    void undo() {
        context.tasks().execute(() -> context.undo().undoLast(context.store()), undone -> {
            context.undo().refreshState();
            undone.ifPresent(save -> {
                context.map().placeChanged(save.saved().placeId());
                context.details().refresh();
                context.status().refresh();
                context.status().messageProperty().set(messages.get("status.undone"));
            });
        }, failure -> context.status().messageProperty().set(messages.get("status.failed", failure.getMessage())));
    }

    private void openSettings() {
        SettingsDialog.show(context, stage);
        context.sync().refresh(); // the server or token may have changed
    }

    public MapView mapView() {
        return mapView;
    }
}
