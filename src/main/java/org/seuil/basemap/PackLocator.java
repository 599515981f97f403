package org.seuil.basemap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds offline packs: mapsforge {@code .map} files and raster {@code .mbtiles} files in the
 * folders given (the application's shipped {@code maps/} folder and {@code <data folder>/maps}).
 */
public final class PackLocator {
    public enum Kind { VECTOR_MAP, RASTER_MBTILES }

    public record Pack(Path file, Kind kind) {
    }

    private PackLocator() {
    }

    /** The folder packs are installed into. */
    public static Path installFolder(Path dataFolder) {
        return dataFolder.resolve("maps");
    }

    /** The folder for disk caches; kept apart from {@code maps/} so caches are never taken for packs. */
    public static Path cacheFolder(Path dataFolder) {
        return dataFolder.resolve("cache");
    }

    /**
     * The shipped {@code maps/} folder: the system property {@code seuil.maps.dir}, else
     * {@code maps/} beside the jar, else {@code maps/} in the working directory.
     */
    public static Path shippedFolder() {
        String property = System.getProperty("seuil.maps.dir");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        try {
            Path code = Path.of(PackLocator.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path beside = code.getParent() == null ? null : code.getParent().resolve("maps");
            if (beside != null && Files.isDirectory(beside)) {
                return beside;
            }
        } catch (Exception e) {
            // no code source (odd class loaders): fall back to the working directory
        }
        return Path.of("maps");
    }

    /**
     * Opens a pack as the renderer will and reads its header ({@code kind}: {@code mapsforge} or
     * {@code mbtiles}, as the server lists packs); throws, saying why, when it does not read.
     */
    public static void checkReadable(Path file, String kind) throws IOException {
        if ("mapsforge".equals(kind)) {
            MapsforgeTileSource.openMapFile(file).close();
        } else if ("mbtiles".equals(kind)) {
            try (MBTiles mbtiles = MBTiles.openReadOnly(file)) {
                mbtiles.metadata();
                mbtiles.tileCount();
            }
        } else {
            throw new IOException(file + ": unknown pack kind '" + kind + "' (mapsforge or mbtiles)");
        }
    }

    public static List<Path> defaultFolders(Path dataFolder) {
        return List.of(shippedFolder(), installFolder(dataFolder));
    }

    /** The packs in the folders, sorted by file name within each folder; missing folders are skipped. */
    public static List<Pack> find(List<Path> folders) throws IOException {
        List<Pack> packs = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.sorted().toList()) {
                    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                    if (!Files.isRegularFile(file)) {
                        continue;
                    }
                    if (name.endsWith(".map")) {
                        packs.add(new Pack(file, Kind.VECTOR_MAP));
                    } else if (name.endsWith(".mbtiles")) {
                        packs.add(new Pack(file, Kind.RASTER_MBTILES));
                    }
                }
            }
        }
        return packs;
    }
}
