package org.seuil.basemap;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What the standard tile chain is built from.
 *
 * @param dataFolder     the user's data folder (caches go to {@code cache/}, installed packs are in {@code maps/})
 * @param packFolders    where to look for packs, usually {@link PackLocator#defaultFolders}
 * @param theme          the render theme for vector packs
 * @param tileSize       256, or 512 on HiDPI screens
 * @param networkAllowed the user's "use the network for map tiles" switch, read before each download
 * @param version        the application version, for the User-Agent
 */
public record BasemapSettings(Path dataFolder, List<Path> packFolders, MapTheme theme, int tileSize,
                              BooleanSupplier networkAllowed, String version) {
    public BasemapSettings {
        Objects.requireNonNull(dataFolder, "dataFolder");
        packFolders = List.copyOf(packFolders);
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(networkAllowed, "networkAllowed");
        if (tileSize != 256 && tileSize != 512) {
            throw new IllegalArgumentException("tile size must be 256 or 512, got " + tileSize);
        }
    }

    /** The usual settings: packs from the shipped folder and the data folder, accessibility theme. */
    public static BasemapSettings defaults(Path dataFolder, int tileSize, BooleanSupplier networkAllowed, String version) {
        return new BasemapSettings(dataFolder, PackLocator.defaultFolders(dataFolder), new MapTheme.Accessibility(),
                tileSize, networkAllowed, version);
    }
}
