package org.seuil.app.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.app.AppContext;
import org.seuil.app.main.MainView;
import org.seuil.app.task.CurrentThreadTaskExecutor;
import org.seuil.app.testing.Seed;
import org.seuil.audit.Campaign;
import org.seuil.audit.CampaignVenue;
import org.seuil.audit.District;
import org.seuil.audit.VenueSelection;
import org.seuil.audit.VenueStatus;
import org.seuil.domain.Accessibility;
import org.seuil.domain.PlaceId;
import org.seuil.domain.Report;
import org.seuil.store.PlaceFilter;
import org.seuil.store.sqlite.SqlitePlaceStore;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The audit screens in the real window on a seeded SQLite store, headless: a campaign created
 * from a GeoJSON district, its venues in the round, a visit through the checklist with
 * measurements (grade and deciding rule shown live, report saved, coverage updated), status
 * changes read back from the SQLite file by a second connection, a venue found on the ground.
 */
@ExtendWith(ApplicationExtension.class)
class AuditFlowTest {
    /** Around the Café de Paris and the pharmacy, with some of the seeded shops. */
    static final String DISTRICT = """
            {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "Casino"},
              "geometry": {"type": "Polygon", "coordinates": [[[7.4225, 43.7365], [7.4300, 43.7365], [7.4300, 43.7415],
                [7.4225, 43.7415], [7.4225, 43.7365]]]}}]}
            """;

    @TempDir
    static Path dir;
    Path db;
    SqlitePlaceStore store;
    AppContext context;

    @Start
    void start(Stage stage) throws IOException {
        org.seuil.app.map.ChainedTileRetriever.configure(new org.seuil.basemap.TileChain(List.of(
                new org.seuil.basemap.world.WorldOverviewSource(org.seuil.basemap.world.WorldOverview.loadBundled(), 256)), 256));
        db = dir.resolve("audit-" + System.nanoTime() + ".db");
        store = SqlitePlaceStore.open(db);
        Seed.monaco(store);
        context = new AppContext(store, new CurrentThreadTaskExecutor(), Locale.ENGLISH, null);
        context.settings().authorProperty().set("erin");
        MainView main = new MainView(context, stage);
        stage.setScene(main.createScene());
        stage.show();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** The venues the district should get, counted apart from the campaign code: seeded venues inside the polygon. */
    private long placesInside(District district) {
        return store.query(PlaceFilter.ALL, 10_000).stream().filter(v -> district.contains(v.place().location()))
                .filter(v -> VenueSelection.VENUES.accepts(v.place().category())).count();
    }

    private Campaign createFromFile(FxRobot robot) throws IOException {
        Path file = dir.resolve("casino-" + System.nanoTime() + ".geojson");
        Files.writeString(file, DISTRICT);
        robot.clickOn("Audit");
        robot.clickOn("#audit-new-file");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#campaign-district-file").write(file.toString());
        robot.clickOn("#campaign-name").write("Casino audit");
        robot.clickOn("#campaign-create");
        WaitForAsyncUtils.waitForFxEvents();
        List<Campaign> campaigns = store.campaigns().list();
        assertEquals(1, campaigns.size());
        return campaigns.get(0);
    }

    /** The line of a venue in the round, scrolled into view first (the list only makes cells for what shows). */
    @SuppressWarnings("unchecked")
    private Node cellWith(FxRobot robot, String name) {
        ListView<CampaignVenue> round = robot.lookup("#audit-round").query();
        CampaignVenue venue = round.getItems().stream().filter(v -> name.equals(v.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no venue " + name + " in the round"));
        robot.interact(() -> round.scrollTo(venue));
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#audit-round .list-cell").queryAll().stream()
                .filter(n -> n instanceof ListCell<?> c && c.getItem() == venue)
                .findFirst().orElseThrow(() -> new AssertionError("no venue line with " + name));
    }

    @Test
    void aCampaignFromAGeoJsonDistrictListsItsVenuesAndAVisitGradesThemAndCountsInCoverage(FxRobot robot) throws IOException {
        Campaign campaign = createFromFile(robot);
        assertEquals("Casino audit", campaign.name());
        long expected = placesInside(campaign.district());
        assertTrue(expected >= 2, "the seeded café and pharmacy are inside");
        ListView<?> round = robot.lookup("#audit-round").query();
        assertEquals(expected, round.getItems().size(), "every venue of the district is in the round (nobody assigned yet)");
        assertEquals("Audited 0 of " + expected + " venues (0 %); not found 0, closed 0, refused 0",
                ((Label) robot.lookup("#audit-coverage-total").query()).getText());

        robot.clickOn(cellWith(robot, "Café de Paris"));
        robot.clickOn("#audit-open-checklist");
        WaitForAsyncUtils.waitForFxEvents();
        Label grade = robot.lookup("#audit-grade").query();
        assertEquals("? Grade: unknown", grade.getText());
        robot.clickOn("#answer-entrance-step-count").write("1");
        robot.clickOn("#answer-entrance-step-height").write("6");
        robot.clickOn("#answer-entrance-door-width").write("0,95");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("! Grade: partly accessible", grade.getText());
        assertEquals("1 step of 6 cm → partly accessible (OSM wiki)", ((Label) robot.lookup("#audit-decided").query()).getText());
        robot.clickOn("#answer-entrance-step-height").eraseText(1).write("9");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("✕ Grade: not accessible", grade.getText(), "a 9 cm step is over the 7 cm of the OSM rule");
        robot.clickOn("#answer-entrance-step-height").eraseText(1).write("6");
        robot.clickOn("#audit-save");
        WaitForAsyncUtils.waitForFxEvents();

        Report saved = store.reports(Seed.CAFE).stream().filter(r -> r.author().equals("erin")).findFirst().orElseThrow();
        assertEquals(Accessibility.LIMITED, saved.wheelchair());
        assertEquals(1, saved.entrance().stepCount());
        assertEquals(0.06, saved.entrance().stepHeight().metres(), 1e-9);
        assertEquals(0.95, saved.entrance().doorWidth().metres(), 1e-9);
        assertEquals("Audited 1 of " + expected + " venues (" + percent(1, expected) + " %); not found 0, closed 0, refused 0",
                ((Label) robot.lookup("#audit-coverage-total").query()).getText());
        assertEquals("Visit of Café de Paris saved: partly accessible.", ((Label) robot.lookup("#status-message").query()).getText());
        assertEquals(VenueStatus.VISITED, statusInFile(campaign, Seed.CAFE));
    }

    private static String percent(long audited, long total) {
        return new java.text.DecimalFormat("#.#", java.text.DecimalFormatSymbols.getInstance(Locale.ENGLISH))
                .format(Math.round(audited * 1000.0 / total) / 10.0);
    }

    @Test
    void statusChangesAreKeptInTheSqliteFile(FxRobot robot) throws IOException {
        Campaign campaign = createFromFile(robot);
        robot.clickOn(cellWith(robot, "Pharmacie centrale"));
        robot.clickOn("#audit-set-status");
        robot.clickOn("✕ closed");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(VenueStatus.CLOSED, statusInFile(campaign, Seed.PHARMACY));
        assertTrue(((Label) robot.lookup("#audit-coverage-total").query()).getText().contains("closed 1"));
        assertTrue(cellWith(robot, "Pharmacie centrale") instanceof ListCell<?> c && c.getText().endsWith("amenity=pharmacy · closed"));

        robot.clickOn(cellWith(robot, "Pharmacie centrale"));
        robot.clickOn("#audit-set-status");
        robot.clickOn("○ to visit");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(VenueStatus.TO_VISIT, statusInFile(campaign, Seed.PHARMACY));
    }

    @Test
    void aVenueFoundOnTheGroundJoinsTheCampaignAsVisited(FxRobot robot) throws IOException {
        Campaign campaign = createFromFile(robot);
        long before = robot.lookup("#audit-round").queryAs(ListView.class).getItems().size();
        com.gluonhq.maps.MapView map = robot.lookup("#map").query();
        // A right click in the middle of the map, centred inside the district. The headless robot's
        // right button makes no context-menu request, so the test sends the one a right click makes.
        robot.interact(() -> map.setCenter(43.7390, 7.4262));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Bounds screen = map.localToScreen(map.getBoundsInLocal());
        double x = map.getWidth() / 2;
        double y = map.getHeight() / 2;
        javafx.geometry.Point2D scene = map.localToScene(x, y); // an event made here carries scene coordinates
        robot.interact(() -> map.fireEvent(new javafx.scene.input.ContextMenuEvent(javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                scene.getX(), scene.getY(), screen.getMinX() + x, screen.getMinY() + y, false, null)));
        robot.clickOn("Add a venue found here");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#venue-name").tryQuery().isPresent(),
                () -> "no venue dialog; status: " + ((Label) robot.lookup("#status-message").query()).getText());
        robot.clickOn("#venue-name").write("Kiosque du marché");
        robot.clickOn("#venue-category").write("shop=kiosk");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        // The checklist of the new venue opens at once; leave it.
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + 1, robot.lookup("#audit-round").queryAs(ListView.class).getItems().size());
        try (SqlitePlaceStore other = SqlitePlaceStore.open(db)) {
            CampaignVenue found = other.campaigns().venues(campaign.id()).stream()
                    .filter(v -> "Kiosque du marché".equals(v.name())).findFirst().orElseThrow();
            assertTrue(found.foundOnGround());
            assertEquals(VenueStatus.VISITED, found.status());
            assertEquals("erin", found.statusBy());
            assertTrue(campaign.district().contains(found.location()));
        }
    }

    @Test
    void aDistrictDrawnOnTheMapMakesACampaignOfThePlacesInside(FxRobot robot) {
        robot.clickOn("Audit");
        com.gluonhq.maps.MapView map = robot.lookup("#map").query();
        javafx.geometry.Bounds b = map.localToScreen(map.getBoundsInLocal());
        double cx = (b.getMinX() + b.getMaxX()) / 2;
        double cy = (b.getMinY() + b.getMaxY()) / 2;
        com.gluonhq.maps.MapPoint centre = map.getCenter();
        robot.clickOn("#audit-draw");
        robot.clickOn(new javafx.geometry.Point2D(cx - 80, cy - 80));
        robot.clickOn(new javafx.geometry.Point2D(cx + 80, cy - 80));
        robot.clickOn(new javafx.geometry.Point2D(cx + 80, cy + 80));
        robot.doubleClickOn(new javafx.geometry.Point2D(cx - 80, cy + 80));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#campaign-drawn").tryQuery().isPresent(),
                () -> "no dialog after closing the polygon; status: " + ((Label) robot.lookup("#status-message").query()).getText());
        robot.clickOn("#campaign-name").write("Drawn");
        robot.clickOn("#campaign-create");
        WaitForAsyncUtils.waitForFxEvents();
        Campaign campaign = store.campaigns().list().get(0);
        assertEquals("Drawn", campaign.name());
        assertTrue(campaign.district().contains(new org.seuil.domain.GeoPoint(centre.getLatitude(), centre.getLongitude())),
                "the polygon is around the map centre");
        assertEquals(4, campaign.district().area().getCoordinates().length - 1, "four corners, no duplicate from the double click");
        assertEquals(placesInside(campaign.district()), store.campaigns().venues(campaign.id()).size());
    }

    /** The venue's status as another connection to the same SQLite file reads it. */
    private VenueStatus statusInFile(Campaign campaign, PlaceId place) {
        try (SqlitePlaceStore other = SqlitePlaceStore.open(db)) {
            return other.campaigns().venues(campaign.id()).stream().filter(v -> v.placeId().equals(place))
                    .findFirst().orElseThrow().status();
        }
    }
}
