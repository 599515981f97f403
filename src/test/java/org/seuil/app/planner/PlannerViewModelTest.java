package org.seuil.app.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.analysis.CellShape;
import org.seuil.app.i18n.Messages;
import org.seuil.app.task.CurrentThreadTaskExecutor;
import org.seuil.app.testing.Seed;
import org.seuil.audit.Campaign;
import org.seuil.audit.CampaignId;
import org.seuil.audit.DefaultChecklist;
import org.seuil.audit.District;
import org.seuil.audit.RuleSetName;
import org.seuil.audit.VenueSelection;
import org.seuil.domain.BoundingBox;
import org.seuil.domain.GeoPoint;
import org.seuil.formats.GdalTools;
import org.seuil.store.PlaceFilter;
import org.seuil.store.sqlite.SqlitePlaceStore;

/** The planner's state on a real SQLite store, with the work run at once on the test thread. */
class PlannerViewModelTest {
    static final BoundingBox MONACO = new BoundingBox(7.405, 43.72, 7.44, 43.75);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-04T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    SqlitePlaceStore store;
    PlannerViewModel planner;

    @BeforeEach
    void open() {
        store = SqlitePlaceStore.open(dir.resolve("seuil.db"));
        Seed.monaco(store);
        planner = new PlannerViewModel(store, new CurrentThreadTaskExecutor(), new Messages(Locale.ENGLISH), CLOCK);
        planner.areaProperty().set(PlannerArea.view(MONACO));
        planner.activeProperty().set(true);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void openingThePlannerShowsAHeatmapWithItsLegendAndChangingTheBandwidthRecomputesIt() {
        Preview first = planner.previewProperty().get();
        assertEquals(1, planner.previewsProperty().get());
        assertEquals(PlannerMode.HEATMAP, first.mode());
        assertEquals(154, first.places());
        assertTrue(first.raster().coloured() > 1000, "pixels with data: " + first.raster().coloured());
        assertTrue(first.legend().max() > 0);
        assertEquals(first.legend().max(), first.legend().ticks()[4]);
        assertTrue(planner.messageProperty().get().startsWith("154 places, computed in "), planner.messageProperty().get());

        planner.bandwidthProperty().set(100.0);
        Preview narrower = planner.previewProperty().get();
        assertEquals(2, planner.previewsProperty().get());
        // Half the bandwidth: the same weight on a quarter of the area, so the peak rises.
        assertTrue(narrower.legend().max() > first.legend().max(), narrower.legend().max() + " vs " + first.legend().max());
        assertTrue(narrower.raster().coloured() < first.raster().coloured());
    }

    @Test
    void gridCellsHoldEveryPlaceOfTheAreaAndFreshnessSaysHowOldTheSurveysAre() {
        planner.modeProperty().set(PlannerMode.GRID);
        planner.shapeProperty().set(CellShape.SQUARE);
        planner.cellSizeProperty().set(300.0);
        Preview grid = planner.previewProperty().get();
        assertEquals(Preview.Legend.Kind.SHARE, grid.legend().kind());
        assertFalse(grid.cells().isEmpty());
        assertEquals(5, grid.cells().get(0).x().length, "a square's closed ring");

        planner.modeProperty().set(PlannerMode.FRESHNESS);
        Preview fresh = planner.previewProperty().get();
        assertEquals(Preview.Legend.Kind.AGE, fresh.legend().kind());
        // Every seeded survey is of 2024-05-04 10:00; the clock says 2026-05-04 10:00: 730 days.
        assertEquals(730, fresh.legend().max(), 1e-9);
        assertTrue(fresh.legend().unsurveyed(), "the unsurveyed shops make grey cells");
        assertTrue(fresh.cells().stream().anyMatch(c -> c.argb() == PreviewComputer.UNSURVEYED));
    }

    @Test
    void aDrawnPolygonBecomesTheAreaAndNarrowsThePlaces() {
        planner.startDrawing();
        planner.addVertex(new GeoPoint(43.725, 7.41));
        planner.addVertex(new GeoPoint(43.725, 7.425));
        planner.addVertex(new GeoPoint(43.74, 7.425));
        planner.addVertex(new GeoPoint(43.74, 7.425)); // the second click of a double-click
        assertEquals(3, planner.vertices().size());
        assertTrue(planner.finishDrawing());
        assertFalse(planner.drawingProperty().get());
        assertEquals(PlannerArea.Source.DRAWN, planner.areaProperty().get().source());
        long inside = store.stats(PlaceFilter.ALL.withArea(planner.areaProperty().get().polygon())).places();
        assertTrue(inside > 5 && inside < 154, "a triangle of Monaco: " + inside);
        assertEquals(inside, planner.previewProperty().get().places());
        // Pixels outside the triangle are nodata (transparent): its box's far corner holds nothing.
        Preview.Raster r = planner.previewProperty().get().raster();
        assertEquals(0, r.argb()[r.width() - 1 + (r.height() - 1) * r.width()] >>> 24 == 0 ? 0 : 1);
    }

    @Test
    void aPolygonThatCrossesItselfIsRefusedAndEscapeLeavesTheAreaAsItWas() {
        PlannerArea before = planner.areaProperty().get();
        planner.startDrawing();
        planner.addVertex(new GeoPoint(43.72, 7.41));
        planner.addVertex(new GeoPoint(43.74, 7.43));
        planner.addVertex(new GeoPoint(43.72, 7.43));
        planner.addVertex(new GeoPoint(43.74, 7.41));
        assertFalse(planner.finishDrawing());
        assertEquals("\u26a0 The polygon crosses itself: move on, or press Esc and start again.", planner.messageProperty().get());
        assertTrue(planner.drawingProperty().get());
        planner.cancelDrawing();
        assertEquals(before, planner.areaProperty().get());
        assertTrue(planner.vertices().isEmpty());
    }

    @Test
    void surveyDatesInTheWrongOrderSayWhichFieldsAndKeepThePreview() {
        planner.surveyedFromProperty().set(LocalDate.of(2025, 1, 1));
        Preview before = planner.previewProperty().get();
        assertEquals(0, before.places(), "nothing surveyed since 2025");
        planner.surveyedToProperty().set(LocalDate.of(2024, 1, 1));
        assertEquals("\u26a0 \u201cSurveyed from\u201d is after \u201cSurveyed until\u201d.", planner.messageProperty().get());
        assertEquals(before, planner.previewProperty().get());
        planner.surveyedFromProperty().set(LocalDate.of(2024, 5, 4));
        planner.surveyedToProperty().set(LocalDate.of(2024, 5, 4));
        // Only the surveyed places: the cafe, museum, bakery and one shop in three.
        assertEquals(3 + 50, planner.previewProperty().get().places());
    }

    @Test
    void aGeoPackageExportHoldsThePlacesAndTheCellsOfTheArea() throws Exception {
        planner.shapeProperty().set(CellShape.HEX_FLAT);
        planner.cellSizeProperty().set(200.0);
        Path out = dir.resolve("exports/monaco.gpkg");
        planner.export(out, ExportFormat.GEOPACKAGE);
        assertFalse(planner.exportingProperty().get());
        assertEquals(1, planner.exportsProperty().get(), planner.exportMessageProperty().get());
        int cells = PlannerAnalysis.cells(loadAll(), planner.settings(), CLOCK.instant()).cells().size();
        assertEquals("154 places in " + cells + " cells written to monaco.gpkg", planner.exportMessageProperty().get());
        try (GeoPackage gpkg = GeoPackageManager.open(out.toFile())) {
            assertEquals(List.of("cells", "places"), gpkg.getFeatureTables().stream().sorted().toList());
            assertEquals(154, gpkg.getFeatureDao("places").count());
            assertEquals(cells, gpkg.getFeatureDao("cells").count());
            assertEquals(3857, gpkg.getFeatureDao("cells").getSrs().getOrganizationCoordsysId());
        }
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertEquals(List.of(out), files.toList(), "no temporary file left beside it");
        }
    }

    private org.seuil.analysis.GradedPoints loadAll() {
        org.seuil.analysis.GradedPoints.Builder b = org.seuil.analysis.GradedPoints.builder();
        store.forEach(planner.settings().filter(), b);
        return b.build();
    }

    @Test
    void rasterExportsAreGeoreferencedAndThePngComesWithItsWorldFileAndLegend() {
        Path tif = dir.resolve("heat.tif");
        planner.export(tif, ExportFormat.GEOTIFF);
        assertEquals("Heatmap of 154 places written to heat.tif", planner.exportMessageProperty().get());
        String info = GdalTools.run("gdalinfo", "-stats", tif.toString());
        assertTrue(info.contains("ID[\"EPSG\",3857]"), info);
        assertTrue(info.contains("NoData Value=-9999"), info);
        Path png = dir.resolve("heat.png");
        planner.export(png, ExportFormat.PNG);
        assertTrue(Files.isRegularFile(png) && Files.isRegularFile(dir.resolve("heat.pgw")) && Files.isRegularFile(dir.resolve("heat-legend.png")));
        String pngInfo = GdalTools.run("gdalinfo", png.toString());
        double pixel = Double.parseDouble(pngInfo.replaceAll("(?s).*Pixel Size = \\(([0-9.]+),.*", "$1"));
        assertEquals(25 / Math.cos(Math.toRadians(43.735)), pixel, 0.01 * pixel, "25 ground metres at Monaco, from the world file");
    }

    @Test
    void aCancelledExportWritesNoFileAndKeepsThePreviousOne() throws Exception {
        Path out = dir.resolve("kept.kml");
        Files.writeString(out, "previous");
        // The flag is checked at every place: cancelled before the first one, nothing is written.
        planner.exportingProperty().addListener((o, was, is) -> {
            if (is) {
                planner.cancelExport();
            }
        });
        planner.export(out, ExportFormat.KML);
        assertEquals("Export cancelled: no file was written.", planner.exportMessageProperty().get());
        assertEquals("previous", Files.readString(out));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("kept.kml", "seuil.db"), files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("seuil.db-")).sorted().toList());
        }
    }

    @Test
    void theToiletRatingAndAPolygonFileAreFilters() throws Exception {
        planner.ratingProperty().set(org.seuil.analysis.RatedCriterion.TOILETS);
        planner.modeProperty().set(PlannerMode.GRID);
        Preview toilets = planner.previewProperty().get();
        assertEquals(154, toilets.places());
        Path file = dir.resolve("port.geojson");
        Files.writeString(file, "{\"type\":\"Polygon\",\"coordinates\":[[[7.418,43.733],[7.424,43.733],[7.424,43.737],[7.418,43.737],[7.418,43.733]]]}");
        planner.openPolygon(file);
        assertEquals("port.geojson", planner.areaProperty().get().name());
        assertTrue(planner.previewProperty().get().places() >= 1, "the bakery at 7.4210, 43.7350 at least");
        Path bad = dir.resolve("bad.geojson");
        Files.writeString(bad, "{\"type\":\"Point\",\"coordinates\":[7.4,43.7]}");
        planner.openPolygon(bad);
        assertEquals("\u26a0 " + bad + ": type: a Point is not a Polygon or MultiPolygon", planner.messageProperty().get());
        assertNotEquals(null, planner.areaProperty().get().polygon());
    }

    @Test
    void anAuditCampaignsDistrictBecomesTheAreaAndKeepsTheSamePlacesAsTheCommandLinesCampaignFilter() {
        List<List<Campaign>> loaded = new java.util.ArrayList<>();
        planner.loadCampaigns(loaded::add);
        assertEquals(List.of(List.of()), loaded, "no campaign yet");
        District district = District.fromWkt("POLYGON ((7.4225 43.7365, 7.43 43.7365, 7.43 43.7415, 7.4225 43.7415, 7.4225 43.7365))");
        Campaign casino = new Campaign(CampaignId.random(), "Casino", district, DefaultChecklist.get(), RuleSetName.OSM,
                CLOCK.instant(), 5, List.of("erin"));
        store.campaigns().create(casino, VenueSelection.VENUES);

        planner.loadCampaigns(loaded::add);
        assertEquals(List.of("Casino"), loaded.get(1).stream().map(Campaign::name).toList());
        planner.useCampaign(loaded.get(1).get(0));
        PlannerArea area = planner.areaProperty().get();
        assertEquals(PlannerArea.Source.CAMPAIGN, area.source());
        assertEquals("Casino", area.name());
        long inside = store.stats(PlaceFilter.ALL.withArea(district.area())).places();
        assertTrue(inside > 0 && inside < 154, "the Casino block of Monaco: " + inside);
        assertEquals(inside, planner.previewProperty().get().places());
    }
}
