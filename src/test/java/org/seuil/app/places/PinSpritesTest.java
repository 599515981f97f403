package org.seuil.app.places;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pin and cluster images, made in one snapshot each time, on the headless toolkit (Monocle). */
class PinSpritesTest {

    @BeforeAll
    static void startToolkit() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        assertTrue(started.await(30, TimeUnit.SECONDS));
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }

    @Test
    void aClusterLabelIsDrawnAsShapesUntilItsImageIsMadeAndTheImageLooksTheSame() throws Exception {
        double[] worst = onFx(() -> {
            PinSprites sprites = new PinSprites(24);
            assertNull(sprites.cluster(125), "no image before the first frame that shows the label");
            assertTrue(sprites.hasPendingClusters());
            Canvas drawn = new Canvas(60, 60);
            sprites.drawCluster(drawn.getGraphicsContext2D(), 30, 30, 125);

            sprites.renderPendingClusters();
            assertFalse(sprites.hasPendingClusters());
            Image image = sprites.cluster(125);
            assertNotNull(image);
            Canvas stamped = new Canvas(60, 60);
            stamped.getGraphicsContext2D().drawImage(image, 30 - image.getWidth() / 2, 30 - image.getHeight() / 2);
            return difference(snapshot(drawn), snapshot(stamped));
        });
        assertTrue(worst[1] > 0.1, "the disc was not drawn at all");
        assertTrue(worst[0] <= 0.05, "the stamped image differs from the shapes by " + worst[0] + " in some channel");
    }

    @Test
    void newLabelsOfEverySizeAreCutToTheirOwnDisc() throws Exception {
        List<Double> sides = onFx(() -> {
            PinSprites sprites = new PinSprites(24);
            for (int count : new int[] {5, 50, 500, 5000, 50_000}) {
                sprites.cluster(count);
            }
            sprites.renderPendingClusters();
            return java.util.stream.IntStream.of(5, 50, 500, 5000, 50_000)
                    .mapToObj(count -> sprites.cluster(count).getWidth()).toList();
        });
        // 2 px of transparent margin around discs of radius 14, 17, 20, 24 and 24 ("50k").
        assertEquals(List.of(32.0, 38.0, 44.0, 52.0, 52.0), sides);
    }

    @Test
    void eachPinStyleHasItsOwnImageOfThePinSize() throws Exception {
        List<Image> images = onFx(() -> {
            PinSprites sprites = new PinSprites(24);
            return java.util.Arrays.stream(PinStyle.values()).map(sprites::pin).toList();
        });
        for (Image image : images) {
            assertEquals(28, image.getWidth());
            assertEquals(28, image.getHeight());
        }
        for (int a = 0; a < images.size(); a++) {
            for (int b = a + 1; b < images.size(); b++) {
                assertTrue(difference(images.get(a), images.get(b))[0] > 0.3, "pins " + a + " and " + b + " look alike");
            }
        }
    }

    private static Image snapshot(Canvas canvas) {
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.TRANSPARENT);
        return canvas.snapshot(params, null);
    }

    /** The largest difference of any channel at any pixel, and the largest opacity in the first image. */
    private static double[] difference(Image a, Image b) {
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        double worst = 0;
        double opaque = 0;
        for (int y = 0; y < (int) a.getHeight(); y++) {
            for (int x = 0; x < (int) a.getWidth(); x++) {
                Color ca = ra.getColor(x, y);
                Color cb = rb.getColor(x, y);
                worst = Math.max(worst, Math.max(Math.abs(ca.getOpacity() - cb.getOpacity()),
                        Math.max(Math.abs(ca.getRed() * ca.getOpacity() - cb.getRed() * cb.getOpacity()),
                                Math.max(Math.abs(ca.getGreen() * ca.getOpacity() - cb.getGreen() * cb.getOpacity()),
                                        Math.abs(ca.getBlue() * ca.getOpacity() - cb.getBlue() * cb.getOpacity())))));
                opaque = Math.max(opaque, ca.getOpacity());
            }
        }
        return new double[] {worst, opaque};
    }
}
