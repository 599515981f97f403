package org.seuil.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gluonhq.maps.tile.TileRetriever;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.image.Image;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.seuil.basemap.TileChain;
import org.seuil.basemap.TileImage;
import org.seuil.basemap.TileSource;
import org.seuil.geo.TileId;

/** The Gluon bridge, with the JavaFX toolkit started headless (Monocle, set by surefire). */
class ChainedTileRetrieverTest {

    @BeforeAll
    static void startToolkit() throws InterruptedException {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        started.await(30, TimeUnit.SECONDS);
    }

    @Test
    void gluonFindsOurRetrieverThroughServiceLoader() {
        List<String> found = ServiceLoader.load(TileRetriever.class).stream().map(p -> p.type().getName()).toList();
        assertEquals(List.of(ChainedTileRetriever.class.getName()), found);
    }

    @Test
    void aFailingChainStillGivesAnImageNeverAFailedFuture() throws Exception {
        TileSource crashing = new TileSource() {
            @Override
            public Optional<TileImage> tile(TileId id) {
                throw new IllegalStateException("renderer crashed");
            }

            @Override
            public String name() {
                return "crashing";
            }
        };
        ChainedTileRetriever.configure(new TileChain(List.of(crashing), 256));
        ChainedTileRetriever retriever = new ChainedTileRetriever();
        Image image = retriever.loadTile(15, 17059, 11948).get(30, TimeUnit.SECONDS);
        assertNotNull(image);
        assertFalse(image.isError());
        assertEquals(256, image.getWidth());
        Image outside = retriever.loadTile(2, 9, 0).get(30, TimeUnit.SECONDS);
        assertFalse(outside.isError(), "a tile outside the grid gets a plain image");
    }

    @Test
    void encodedTilesBecomeWritableImagesTooSoThatARedrawCanReachThem() throws Exception {
        TileSource png = new TileSource() {
            @Override
            public Optional<TileImage> tile(TileId id) {
                return Optional.of(TileImage.ofEncoded(TileChain.plainTile(256).encoded()));
            }

            @Override
            public String name() {
                return "png";
            }
        };
        ChainedTileRetriever.configure(new TileChain(List.of(png), 256));
        Image image = new ChainedTileRetriever().loadTile(3, 4, 2).get(30, TimeUnit.SECONDS);
        assertEquals(256, image.getHeight());
        assertTrue(image instanceof javafx.scene.image.WritableImage);
        assertFalse(image.isError());
    }

    /** A tile source that paints every tile one colour, to tell which chain answered. */
    private static TileSource painted(java.awt.Color colour) {
        return new TileSource() {
            @Override
            public Optional<TileImage> tile(TileId id) {
                java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(256, 256, java.awt.image.BufferedImage.TYPE_INT_RGB);
                java.awt.Graphics2D g = image.createGraphics();
                g.setColor(colour);
                g.fillRect(0, 0, 256, 256);
                g.dispose();
                return Optional.of(TileImage.ofImage(image));
            }

            @Override
            public String name() {
                return "painted";
            }
        };
    }

    @Test
    void tilesAskedForBeforeALateChainIsBuiltWaitForItInsteadOfTakingALesserTile() throws Exception {
        java.util.concurrent.CompletableFuture<TileChain> later = new java.util.concurrent.CompletableFuture<>();
        ChainedTileRetriever.configureLater(later);
        java.util.concurrent.CompletableFuture<Image> asked = new ChainedTileRetriever().loadTile(15, 17059, 11948);
        Thread.sleep(300);
        assertFalse(asked.isDone(), "the tile waits for the chain (on a render thread)");
        later.complete(new TileChain(List.of(painted(java.awt.Color.RED)), 256));
        Image image = asked.get(30, TimeUnit.SECONDS);
        javafx.scene.paint.Color pixel = image.getPixelReader().getColor(10, 10);
        assertEquals(1.0, pixel.getRed(), 0.01);
        assertEquals(0.0, pixel.getGreen(), 0.01);
        Image next = new ChainedTileRetriever().loadTile(15, 17060, 11948).get(30, TimeUnit.SECONDS);
        assertEquals(1.0, next.getPixelReader().getColor(10, 10).getRed(), 0.01);
    }

    @Test
    void aLateChainThatCannotBeBuiltLeavesTheWorldOverview() throws Exception {
        java.util.concurrent.CompletableFuture<TileChain> later = new java.util.concurrent.CompletableFuture<>();
        ChainedTileRetriever.configure(null);
        ChainedTileRetriever.configureLater(later);
        java.util.concurrent.CompletableFuture<Image> asked = new ChainedTileRetriever().loadTile(3, 4, 2);
        later.complete(null);
        Image image = asked.get(30, TimeUnit.SECONDS);
        assertFalse(image.isError());
        assertEquals(256, image.getWidth());
    }
    @Test
    void aTileAlreadyHandedToGluonIsPaintedAgainInPlaceFromTheChainConfiguredAfterIt() throws Exception {
        ChainedTileRetriever.configure(new TileChain(List.of(painted(java.awt.Color.RED)), 256));
        Image shown = new ChainedTileRetriever().loadTile(16, 34119, 23897).get(30, TimeUnit.SECONDS);
        assertEquals(1.0, shown.getPixelReader().getColor(10, 10).getRed(), 0.01);

        ChainedTileRetriever.configure(new TileChain(List.of(painted(java.awt.Color.BLUE)), 256));
        java.util.concurrent.CountDownLatch redrawn = new java.util.concurrent.CountDownLatch(1);
        Platform.runLater(() -> ChainedTileRetriever.redraw(java.util.Set.of(shown), redrawn::countDown));
        assertTrue(redrawn.await(30, TimeUnit.SECONDS));
        javafx.scene.paint.Color pixel = shown.getPixelReader().getColor(10, 10);
        assertEquals(0.0, pixel.getRed(), 0.01, "the image Gluon holds now shows the new chain's tile");
        assertEquals(1.0, pixel.getBlue(), 0.01);
    }

    @Test
    void theImagesOnScreenAreThoseOfTheImageViewsInTheMapsSceneGraph() {
        javafx.scene.image.WritableImage a = new javafx.scene.image.WritableImage(4, 4);
        javafx.scene.image.WritableImage b = new javafx.scene.image.WritableImage(4, 4);
        javafx.scene.image.WritableImage elsewhere = new javafx.scene.image.WritableImage(4, 4);
        javafx.scene.Group map = new javafx.scene.Group(new javafx.scene.image.ImageView(a),
                new javafx.scene.layout.Pane(new javafx.scene.image.ImageView(b), new javafx.scene.image.ImageView()));
        java.util.Set<Image> shown = ChainedTileRetriever.shownIn(map);
        assertEquals(2, shown.size());
        assertTrue(shown.contains(a) && shown.contains(b) && !shown.contains(elsewhere));
    }
}
