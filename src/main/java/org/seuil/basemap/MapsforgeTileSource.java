package org.seuil.basemap;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.mapsforge.core.graphics.TileBitmap;
import org.mapsforge.core.model.Tile;
import org.mapsforge.map.awt.graphics.AwtGraphicFactory;
import org.mapsforge.map.datastore.MapDataStore;
import org.mapsforge.map.datastore.MultiMapDataStore;
import org.mapsforge.map.layer.cache.InMemoryTileCache;
import org.mapsforge.map.layer.labels.TileBasedLabelStore;
import org.mapsforge.map.layer.renderer.DatabaseRenderer;
import org.mapsforge.map.layer.renderer.RendererJob;
import org.mapsforge.map.model.DisplayModel;
import org.mapsforge.map.reader.MapFile;
import org.mapsforge.map.reader.header.MapFileException;
import org.mapsforge.map.rendertheme.rule.RenderThemeFuture;
import org.seuil.domain.BoundingBox;
import org.seuil.geo.TileId;
import org.seuil.geo.WebMercator;

/**
 * Offline vector packs (mapsforge {@code .map} files) rendered on the fly with mapsforge-map-awt.
 * All packs are read through one {@link MultiMapDataStore} and one shared {@link DatabaseRenderer}:
 * a renderer per thread tears labels at tile edges. Safe to call from several threads.
 */
public final class MapsforgeTileSource implements TileSource {
    /** Below this zoom a city pack is a speck in a white tile; the world overview looks better. */
    public static final int DEFAULT_MIN_ZOOM = 10;

    private final List<Path> files;
    private final MapDataStore store;
    private final BoundingBox coverage;
    private final int tileSize;
    private final int minZoom;
    private final DisplayModel displayModel;
    private final RenderThemeFuture theme;
    private final DatabaseRenderer renderer;
    private final MapTheme mapTheme;

    /**
     * Opens the packs and parses the theme (about a second, once).
     *
     * @param tileSize 256, or 512 for HiDPI screens (drawn at twice the scale)
     */
    public MapsforgeTileSource(List<Path> files, MapTheme mapTheme, int tileSize, int minZoom) throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no .map file given");
        }
        if (tileSize != 256 && tileSize != 512) {
            throw new IllegalArgumentException("tile size must be 256 or 512, got " + tileSize);
        }
        this.files = List.copyOf(files);
        this.tileSize = tileSize;
        this.minZoom = minZoom;
        this.mapTheme = mapTheme;
        this.store = open(this.files);
        org.mapsforge.core.model.BoundingBox box = store.boundingBox();
        this.coverage = new BoundingBox(box.minLongitude, box.minLatitude, box.maxLongitude, box.maxLatitude);
        this.displayModel = new DisplayModel();
        displayModel.setFixedTileSize(tileSize);
        if (tileSize == 512) {
            displayModel.setUserScaleFactor(2f);
        }
        this.theme = new RenderThemeFuture(AwtGraphicFactory.INSTANCE, mapTheme.xml(), displayModel);
        theme.run();
        try {
            theme.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            store.close();
            throw new IOException("interrupted while parsing render theme " + mapTheme.id(), e);
        } catch (ExecutionException e) {
            store.close();
            throw new IOException("render theme " + mapTheme.id() + " is invalid: " + e.getCause().getMessage(), e.getCause());
        }
        this.renderer = new DatabaseRenderer(store, AwtGraphicFactory.INSTANCE, new InMemoryTileCache(64),
                new TileBasedLabelStore(256), true, true, null);
    }

    /** Opens one {@code .map} file to check it, with a message that names the file when it is not one. */
    public static MapFile openMapFile(Path file) throws IOException {
        try {
            return new MapFile(file.toFile());
        } catch (MapFileException e) {
            throw new IOException(file + " is not a readable mapsforge .map file: " + e.getMessage(), e);
        }
    }

    private static MapDataStore open(List<Path> files) throws IOException {
        if (files.size() == 1) {
            return openMapFile(files.get(0));
        }
        MultiMapDataStore multi = new MultiMapDataStore(MultiMapDataStore.DataPolicy.RETURN_ALL);
        try {
            for (Path file : files) {
                multi.addMapDataStore(openMapFile(file), false, false);
            }
        } catch (IOException e) {
            multi.close();
            throw e;
        }
        return multi;
    }

    /** The area covered by the packs together. */
    public BoundingBox coverage() {
        return coverage;
    }

    public int tileSize() {
        return tileSize;
    }

    public boolean covers(TileId id) {
        return id.zoom() >= minZoom && WebMercator.intersects(coverage, WebMercator.bounds(id));
    }

    @Override
    public Optional<TileImage> tile(TileId id) {
        if (!covers(id)) {
            return Optional.empty();
        }
        return Optional.of(TileImage.ofImage(render(id)));
    }

    /** Renders one tile, covered or not. */
    public BufferedImage render(TileId id) {
        Tile tile = new Tile(id.x(), id.y(), (byte) id.zoom(), tileSize);
        RendererJob job = new RendererJob(tile, store, theme, displayModel, 1f, false, false);
        TileBitmap bitmap = renderer.executeJob(job);
        return AwtGraphicFactory.getBitmap(bitmap);
    }

    @Override
    public String name() {
        return "mapsforge " + files.stream().map(p -> p.getFileName().toString()).toList() + " theme " + mapTheme.id()
                + " " + tileSize + " px";
    }

    @Override
    public void close() {
        theme.decrementRefCount();
        store.close();
    }
}
