package org.seuil.app.audit;

import static org.seuil.app.i18n.LocalizedControls.button;
import static org.seuil.app.i18n.LocalizedControls.menuItem;

import com.gluonhq.maps.MapPoint;
import com.gluonhq.maps.MapView;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.seuil.app.AppContext;
import org.seuil.app.i18n.Messages;
import org.seuil.app.main.Theme;
import org.seuil.audit.Campaign;
import org.seuil.audit.CampaignVenue;
import org.seuil.audit.Coverage;
import org.seuil.audit.District;
import org.seuil.audit.VenueStatus;
import org.seuil.domain.GeoPoint;
import org.seuil.store.CampaignStore;
import org.seuil.store.PlaceStore;
import org.seuil.store.sqlite.SqlitePlaceStore;

/**
 * The audit screens in the main window: an "Audit" tab beside the places sidebar (campaigns, the
 * volunteer's round, coverage), an Audits menu, "Add a venue found here" on the map's right-click
 * menu, and the campaign drawn over the map. The main window only places these pieces.
 */
public final class AuditView {
    private final AppContext context;
    private final Messages messages;
    private final MapView mapView;
    private final AuditViewModel vm;
    private final AuditLayer layer;
    private final PolygonDrawing drawing;
    private final ReportExport export;
    private final ListView<CampaignVenue> round;
    private TabPane tabs;
    private Tab auditTab;

    public AuditView(AppContext context, MapView mapView) {
        this.context = context;
        this.messages = context.messages();
        this.mapView = mapView;
        this.vm = new AuditViewModel(campaignsOf(context.store()), context.tasks(), messages, context.settings().authorProperty(),
                Clock.systemUTC());
        this.layer = new AuditLayer(mapView, vm);
        this.drawing = new PolygonDrawing(mapView, layer);
        this.export = new ReportExport(vm, context.store(), context.tasks(), messages);
        this.round = new ListView<>(vm.round());
        vm.messageProperty().addListener((o, old, now) -> {
            if (!now.isEmpty()) {
                context.status().messageProperty().set(now);
            }
        });
        export.messageProperty().addListener((o, old, now) -> {
            if (!now.isEmpty()) {
                context.status().messageProperty().set(now);
            }
        });
        vm.refresh();
    }

    /** The store's campaigns: the SQLite store keeps them in its own file. */
    static CampaignStore campaignsOf(PlaceStore store) {
        if (store instanceof SqlitePlaceStore sqlite) {
            return sqlite.campaigns();
        }
        throw new IllegalArgumentException("this store keeps no campaigns: " + store.getClass().getName());
    }

    /** The campaign over the map; the main window adds it above the pins. */
    public com.gluonhq.maps.MapLayer layer() {
        return layer;
    }

    public AuditViewModel viewModel() {
        return vm;
    }

    /** The places sidebar and the audit pane as two tabs; places first, as before. */
    public Node withSidebar(Node places) {
        Tab placesTab = new Tab();
        placesTab.textProperty().bind(messages.bind("audit.tab.places"));
        placesTab.setContent(places);
        placesTab.setClosable(false);
        auditTab = new Tab();
        auditTab.textProperty().bind(messages.bind("audit.tab.audit"));
        // Built when the tab is first shown: the window's first frame does not wait for it.
        auditTab.selectedProperty().addListener((o, was, is) -> {
            if (is && auditTab.getContent() == null) {
                auditTab.setContent(pane());
            }
        });
        auditTab.setClosable(false);
        auditTab.setId("audit-tab");
        tabs = new TabPane(placesTab, auditTab);
        tabs.setId("sidebar-tabs");
        tabs.setPrefWidth(330);
        return tabs;
    }

    /** The Audits menu: new campaign from a file or drawn, coverage, report. */
    public Menu menu() {
        Menu menu = new Menu();
        menu.textProperty().bind(messages.bind("audit.menu"));
        menu.setMnemonicParsing(true);
        menu.setId("menu-audits");
        MenuItem campaigns = menuItem(messages, "audit.menu.campaigns", "menu-audit-campaigns", this::showPane);
        MenuItem fromFile = menuItem(messages, "audit.menu.newFromFile", "menu-audit-new-file", () -> create(null));
        MenuItem draw = menuItem(messages, "audit.menu.draw", "menu-audit-draw", this::draw);
        MenuItem coverage = menuItem(messages, "audit.menu.coverage", "menu-audit-coverage", this::showCoverage);
        MenuItem report = menuItem(messages, "audit.menu.report", "menu-audit-report", this::exportReport);
        coverage.disableProperty().bind(vm.currentProperty().isNull());
        report.disableProperty().bind(vm.currentProperty().isNull().or(export.runningProperty()));
        menu.getItems().addAll(campaigns, fromFile, draw, coverage, report);
        return menu;
    }

    /**
     * "Add a venue found here" for the map's right-click menu; shown while a campaign is open.
     * {@code clickedAt} holds the screen point of the right click when the item fires.
     */
    public MenuItem addVenueItem(double[] clickedAt) {
        MenuItem here = new MenuItem();
        here.textProperty().bind(messages.bind("audit.addVenueHere"));
        here.setId("menu-audit-add-venue");
        here.visibleProperty().bind(vm.currentProperty().isNotNull());
        here.setOnAction(e -> addVenueAt(clickedAt[0], clickedAt[1]));
        return here;
    }

    private Window window() {
        return mapView.getScene() == null ? null : mapView.getScene().getWindow();
    }

    private void showPane() {
        if (tabs != null) {
            tabs.getSelectionModel().select(auditTab);
        }
    }

    private ScrollPane pane() {
        Label title = sectionTitle("audit.campaigns");
        ListView<Campaign> campaigns = new ListView<>(vm.campaigns());
        campaigns.setId("audit-campaigns");
        campaigns.setPrefHeight(90);
        campaigns.setMinHeight(64);
        campaigns.accessibleTextProperty().bind(messages.bind("audit.campaigns"));
        Label none = new Label();
        none.textProperty().bind(messages.bind("audit.campaigns.none"));
        none.setWrapText(true);
        campaigns.setPlaceholder(none);
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM);
        campaigns.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Campaign c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : messages.get("audit.campaign.line", c.name(),
                        messages.get("audit.rules." + c.rules().name()),
                        date.withLocale(messages.locale()).format(c.created().atZone(ZoneId.systemDefault()))));
            }
        });
        campaigns.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now != null && (vm.currentProperty().get() == null || !vm.currentProperty().get().id().equals(now.id()))) {
                open(now);
            }
        });
        vm.currentProperty().addListener((o, old, now) -> {
            if (now != null && campaigns.getSelectionModel().getSelectedItem() != now) {
                campaigns.getSelectionModel().select(now);
            }
        });
        if (vm.currentProperty().get() != null) {
            campaigns.getSelectionModel().select(vm.currentProperty().get()); // opened before the pane was first shown
        }
        Button fromFile = button(messages, "audit.newFromFile", "audit-new-file", () -> create(null));
        Button draw = button(messages, "audit.draw", "audit-draw", this::draw);
        HBox createRow = new HBox(6, fromFile, draw);

        Label coverageTitle = sectionTitle("audit.coverage");
        Label total = new Label();
        total.setId("audit-coverage-total");
        total.setWrapText(true);
        ProgressBar bar = new ProgressBar(0);
        bar.setId("audit-coverage-bar");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.accessibleTextProperty().bind(total.textProperty());
        Label byVolunteer = new Label();
        byVolunteer.setId("audit-coverage-volunteers");
        byVolunteer.setWrapText(true);
        byVolunteer.getStyleClass().add("secondary");
        Runnable showCoverage = () -> {
            Coverage c = vm.coverageProperty().get();
            if (c == null) {
                total.setText(messages.get("audit.coverage.none"));
                bar.setProgress(0);
                byVolunteer.setText("");
                return;
            }
            total.setText(messages.get("audit.coverage.total", c.total().audited(), c.total().total(), c.total().percent(),
                    c.count(VenueStatus.NOT_FOUND), c.count(VenueStatus.CLOSED), c.count(VenueStatus.REFUSED)));
            bar.setProgress(c.total().total() == 0 ? 0 : c.total().audited() / (double) c.total().total());
            StringBuilder lines = new StringBuilder();
            for (Map.Entry<String, Coverage.Tally> e : c.byVolunteer().entrySet()) {
                lines.append(tallyLine(volunteerName(e.getKey()), e.getValue())).append('\n');
            }
            byVolunteer.setText(lines.toString().strip());
        };
        vm.coverageProperty().addListener((o, old, now) -> showCoverage.run());
        messages.localeProperty().addListener((o, old, now) -> showCoverage.run());
        showCoverage.run();
        Button dashboard = button(messages, "audit.dashboard", "audit-dashboard", this::showCoverage);
        Button report = button(messages, "audit.report", "audit-report", this::exportReport);
        report.disableProperty().bind(export.runningProperty());
        Button cancel = button(messages, "audit.report.cancel", "audit-report-cancel", export::cancel);
        cancel.visibleProperty().bind(export.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        ProgressBar exportProgress = new ProgressBar();
        exportProgress.progressProperty().bind(export.progressProperty());
        exportProgress.visibleProperty().bind(export.runningProperty());
        exportProgress.managedProperty().bind(exportProgress.visibleProperty());
        exportProgress.accessibleTextProperty().bind(messages.bind("audit.report.progress"));
        HBox actions = new HBox(6, dashboard, report, exportProgress, cancel);

        Label roundTitle = sectionTitle("audit.round");
        ComboBox<String> whose = new ComboBox<>();
        whose.setId("audit-whose");
        whose.accessibleTextProperty().bind(messages.bind("audit.whose"));
        Label whoseLabel = new Label();
        whoseLabel.textProperty().bind(messages.bind("audit.whose"));
        whoseLabel.setLabelFor(whose);
        whose.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.isEmpty() ? messages.get("audit.whose.everyone") : item);
            }
        });
        whose.setButtonCell(whose.getCellFactory().call(null));
        Runnable fillWhose = () -> {
            Campaign c = vm.currentProperty().get();
            java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
            names.add(AuditViewModel.EVERYONE);
            if (c != null) {
                names.addAll(c.volunteers());
            }
            vm.venues().stream().map(CampaignVenue::volunteer).filter(java.util.Objects::nonNull).forEach(names::add);
            names.add(vm.whoseProperty().get());
            if (!names.equals(new java.util.LinkedHashSet<>(whose.getItems()))) {
                whose.getItems().setAll(names);
            }
            whose.setValue(vm.whoseProperty().get());
        };
        vm.venues().addListener((javafx.collections.ListChangeListener<CampaignVenue>) ch -> fillWhose.run());
        vm.whoseProperty().addListener((o, old, now) -> fillWhose.run());
        fillWhose.run();
        whose.valueProperty().addListener((o, old, now) -> {
            if (now != null && !now.equals(vm.whoseProperty().get())) {
                vm.whoseProperty().set(now);
            }
        });
        Button fromHere = button(messages, "audit.orderFromCentre", "audit-order", () -> vm.orderFrom(mapCentre()));

        round.setId("audit-round");
        round.setMinHeight(140);
        round.accessibleTextProperty().bind(messages.bind("audit.round"));
        VBox.setVgrow(round, Priority.ALWAYS);
        Label empty = new Label();
        empty.textProperty().bind(messages.bind("audit.round.none"));
        empty.setWrapText(true);
        round.setPlaceholder(empty);
        round.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(CampaignVenue v, boolean isEmpty) {
                super.updateItem(v, isEmpty);
                if (isEmpty || v == null) {
                    setText(null);
                    setContextMenu(null);
                    return;
                }
                String status = messages.get("audit.status." + v.status().name());
                // Two short lines rather than one that scrolls sideways in a narrow sidebar.
                String what = v.name() == null || v.category() == null ? status : v.category() + " · " + status;
                setText(messages.get("audit.venue.line", getIndex() + 1, statusGlyph(v.status()), v.displayName(), what));
                setContextMenu(venueMenu(v));
            }
        });
        round.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now != null) {
                showOnMap(now);
            }
        });
        round.setOnKeyPressed(e -> {
            CampaignVenue v = round.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && v != null) {
                openChecklist(v);
                e.consume();
            }
        });
        round.setOnMouseClicked(e -> {
            CampaignVenue v = round.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && v != null) {
                openChecklist(v);
            }
        });
        Button checklist = button(messages, "audit.openChecklist", "audit-open-checklist", () -> selected().ifPresent(this::openChecklist));
        MenuButton status = new MenuButton();
        status.setId("audit-set-status");
        status.textProperty().bind(messages.bind("audit.setStatus"));
        status.setMnemonicParsing(true);
        for (VenueStatus s : VenueStatus.values()) {
            MenuItem item = new MenuItem();
            item.textProperty().bind(Bindings.createStringBinding(() -> statusGlyph(s) + " " + messages.get("audit.status." + s.name()),
                    messages.localeProperty()));
            item.setId("audit-status-" + s.code());
            item.setOnAction(e -> selected().ifPresent(v -> vm.setStatus(v, s)));
            status.getItems().add(item);
        }
        checklist.disableProperty().bind(round.getSelectionModel().selectedItemProperty().isNull());
        status.disableProperty().bind(round.getSelectionModel().selectedItemProperty().isNull());
        HBox venueActions = new HBox(6, checklist, status);
        Label legend = new Label();
        legend.textProperty().bind(messages.bind("audit.legend"));
        legend.setWrapText(true);
        legend.getStyleClass().add("secondary");

        VBox open = new VBox(6, coverageTitle, total, bar, byVolunteer, actions, roundTitle, new HBox(6, whoseLabel, whose),
                fromHere, round, venueActions, legend);
        open.visibleProperty().bind(vm.currentProperty().isNotNull());
        open.managedProperty().bind(open.visibleProperty());
        VBox.setVgrow(open, Priority.ALWAYS);
        VBox box = new VBox(6, title, campaigns, createRow, open);
        box.setPadding(new Insets(8));
        box.getStyleClass().add("sidebar");
        box.setId("audit-pane");
        // Texts keep their lines; when the window is short the pane scrolls instead of cutting them.
        for (Label l : List.of(total, byVolunteer, legend, none, empty)) {
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("place-scroll");
        return scroll;
    }

    private ContextMenu venueMenu(CampaignVenue v) {
        ContextMenu menu = new ContextMenu();
        MenuItem checklist = menuItem(messages, "audit.openChecklist", "audit-venue-checklist", () -> openChecklist(v));
        menu.getItems().add(checklist);
        for (VenueStatus s : VenueStatus.values()) {
            MenuItem item = new MenuItem(statusGlyph(s) + " " + messages.get("audit.status." + s.name()));
            item.setOnAction(e -> vm.setStatus(v, s));
            menu.getItems().add(item);
        }
        if (!vm.isMine(v)) {
            menu.getItems().add(menuItem(messages, "audit.assignToMe", "audit-venue-assign", () -> vm.assignToMe(v)));
        }
        return menu;
    }

    private Optional<CampaignVenue> selected() {
        return Optional.ofNullable(round.getSelectionModel().getSelectedItem());
    }

    /** Status words carry the meaning; the glyph repeats it at a glance. */
    static String statusGlyph(VenueStatus s) {
        return switch (s) {
            case TO_VISIT -> "○";
            case VISITED -> "✓";
            case NOT_FOUND -> "?";
            case CLOSED -> "✕";
            case REFUSED -> "⊘";
        };
    }

    private String volunteerName(String key) {
        return Coverage.UNASSIGNED.equals(key) ? messages.get("audit.unassigned")
                : Coverage.UNCATEGORISED.equals(key) ? messages.get("audit.uncategorised") : key;
    }

    private String tallyLine(String name, Coverage.Tally t) {
        return messages.get("audit.tally", name, t.audited(), t.total(), t.percent());
    }

    private Label sectionTitle(String key) {
        Label l = new Label();
        l.textProperty().bind(messages.bind(key));
        l.getStyleClass().add("section-title");
        return l;
    }

    private GeoPoint mapCentre() {
        MapPoint c = mapView.getCenter();
        return c == null ? null : new GeoPoint(c.getLatitude(), c.getLongitude());
    }

    private void open(Campaign campaign) {
        vm.mapCentreProperty().set(mapCentre());
        vm.open(campaign);
        fitTo(campaign.district());
        showPane();
    }

    /** The map on the whole district. */
    private void fitTo(District district) {
        var box = district.boundingBox();
        double w = Math.max(200, mapView.getWidth() > 0 ? mapView.getWidth() : 800);
        double h = Math.max(200, mapView.getHeight() > 0 ? mapView.getHeight() : 600);
        double dx = Math.max(1e-9, mercatorX(box.maxLon()) - mercatorX(box.minLon()));
        double dy = Math.max(1e-9, mercatorY(box.minLat()) - mercatorY(box.maxLat()));
        double zoom = Math.floor(Math.log(Math.min((w - 60) / (dx * 256), (h - 60) / (dy * 256))) / Math.log(2));
        mapView.setZoom(Math.max(1, Math.min(18, zoom)));
        mapView.setCenter((box.minLat() + box.maxLat()) / 2, (box.minLon() + box.maxLon()) / 2);
    }

    private static double mercatorX(double lon) {
        return org.seuil.geo.cluster.ClusterIndex.mercatorX(lon);
    }

    private static double mercatorY(double lat) {
        return org.seuil.geo.cluster.ClusterIndex.mercatorY(lat);
    }

    /** Selects the venue's place (its panel opens) and zooms in far enough that its pin is its own, not in a cluster. */
    private void showOnMap(CampaignVenue v) {
        context.map().selectedProperty().set(v.placeId());
        mapView.setZoom(Math.max(17, mapView.getZoom()));
        mapView.setCenter(v.location().lat(), v.location().lon());
    }

    private void create(District drawn) {
        Integer venues = CreateCampaignDialog.show(context, window(), vm, drawn);
        if (venues != null && vm.currentProperty().get() != null) {
            fitTo(vm.currentProperty().get().district());
            showPane();
        }
    }

    private void draw() {
        context.status().messageProperty().set(messages.get("audit.draw.help"));
        drawing.start(this::create, reason -> context.status().messageProperty().set(
                        "3".equals(reason) ? messages.get("audit.draw.tooFew") : messages.get("audit.draw.invalid", reason)),
                () -> context.status().messageProperty().set(messages.get("audit.draw.cancelled")));
    }

    private void openChecklist(CampaignVenue v) {
        Campaign campaign = vm.currentProperty().get();
        if (campaign == null) {
            return;
        }
        ChecklistViewModel form = new ChecklistViewModel(vm.store(), context.tasks(), messages, campaign, v,
                context.author(), vm.now());
        ChecklistDialog.show(context, window(), form).ifPresent(saved -> {
            context.map().placeChanged(saved.placeId());
            context.details().show(saved.placeId());
            context.status().refresh();
            vm.venueChanged();
            context.status().messageProperty().set(messages.get("audit.visitSaved", v.displayName(),
                    messages.get("grade." + saved.wheelchair().shown().name())));
        });
    }

    private void addVenueAt(double x, double y) {
        MapPoint p = mapView.getMapPosition(x, y);
        GeoPoint at = new GeoPoint(p.getLatitude(), p.getLongitude());
        Campaign campaign = vm.currentProperty().get();
        if (campaign == null) {
            return;
        }
        if (!campaign.district().contains(at)) {
            context.status().messageProperty().set("⚠ " + messages.get("audit.error.outside"));
            return;
        }
        Dialog<ButtonType> ask = new Dialog<>();
        ask.initOwner(window());
        ask.setTitle(messages.get("audit.addVenue.title"));
        ask.setHeaderText(messages.get("audit.addVenue.header"));
        TextField name = new TextField();
        name.setId("venue-name");
        TextField category = new TextField();
        category.setId("venue-category");
        category.setPromptText("shop=bakery");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        Label nameLabel = new Label(messages.get("audit.addVenue.name"));
        nameLabel.setLabelFor(name);
        Label categoryLabel = new Label(messages.get("audit.addVenue.category"));
        categoryLabel.setLabelFor(category);
        name.setAccessibleText(nameLabel.getText());
        category.setAccessibleText(categoryLabel.getText());
        grid.addRow(0, nameLabel, name);
        grid.addRow(1, categoryLabel, category);
        ask.getDialogPane().setContent(grid);
        ask.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        Theme.apply(ask.getDialogPane(), context.settings());
        javafx.application.Platform.runLater(name::requestFocus);
        if (ask.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
            return;
        }
        vm.addVenue(at, name.getText(), category.getText(), id -> {
            context.map().reload();
            context.status().refresh();
            vm.venues().stream().filter(v -> v.placeId().equals(id)).findFirst().ifPresent(this::openChecklist);
        }, reason -> context.status().messageProperty().set("⚠ " + reason));
    }

    private void showCoverage() {
        Coverage c = vm.coverageProperty().get();
        Campaign campaign = vm.currentProperty().get();
        if (c == null || campaign == null) {
            return;
        }
        CoverageDialog.show(context, window(), campaign, c, this::volunteerName);
    }

    private void exportReport() {
        if (vm.currentProperty().get() != null) {
            export.chooseAndExport(window());
        }
    }
}
