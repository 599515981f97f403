package org.seuil.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

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
    void encodedTilesBecomeImagesToo() throws Exception {
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
        assertFalse(image.isError());
    }
}
