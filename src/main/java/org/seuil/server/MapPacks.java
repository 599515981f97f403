package org.seuil.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mapsforge.map.reader.MapFile;
import org.mapsforge.map.reader.header.MapFileInfo;
import org.seuil.basemap.MBTiles;
import org.seuil.basemap.MapsforgeTileSource;
import org.seuil.domain.BoundingBox;

/**
 * The offline packs a server offers ({@code seuil serve --maps DIR}): mapsforge {@code .map} and
 * raster {@code .mbtiles} files. A pack's SHA-256 and bounds are computed once and kept while its
 * size and modification time stay the same, so listing a folder of large packs stays cheap.
 */
final class MapPacks {
    private static final Pattern PACK_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.(map|mbtiles)");

    /** One pack as listed; {@code bounds} is null when its header could not be read. */
    record Pack(String name, Path file, long size, String sha256, String kind, BoundingBox bounds) {
    }

    private record Facts(long size, long modified, String sha256, BoundingBox bounds) {
    }

    private final Path folder;
    private final Map<String, Facts> known = new ConcurrentHashMap<>();

    MapPacks(Path folder) {
        this.folder = folder;
    }

    static boolean validName(String name) {
        return PACK_NAME.matcher(name).matches();
    }

    List<Pack> list() throws IOException {
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        List<Pack> packs = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (validName(name) && Files.isRegularFile(file)) {
                    packs.add(describe(name, file));
                }
            }
        }
        return packs;
    }

    Optional<Pack> find(String name) throws IOException {
        if (folder == null || !validName(name)) {
            return Optional.empty();
        }
        Path file = folder.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(describe(name, file)) : Optional.empty();
    }

    private Pack describe(String name, Path file) throws IOException {
        long size = Files.size(file);
        long modified = Files.getLastModifiedTime(file).toMillis();
        Facts facts = known.get(name);
        if (facts == null || facts.size() != size || facts.modified() != modified) {
            facts = new Facts(size, modified, sha256(file), bounds(file));
            known.put(name, facts);
        }
        return new Pack(name, file, size, facts.sha256(), kind(name), facts.bounds());
    }

    static String kind(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".map") ? "mapsforge" : "mbtiles";
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Bounds from the pack's header; null (listed without bounds) when the header does not read. */
    private static BoundingBox bounds(Path file) {
        try {
            if (kind(file.getFileName().toString()).equals("mapsforge")) {
                MapFile map = MapsforgeTileSource.openMapFile(file);
                try {
                    MapFileInfo info = map.getMapFileInfo();
                    return new BoundingBox(info.boundingBox.minLongitude, info.boundingBox.minLatitude,
                            info.boundingBox.maxLongitude, info.boundingBox.maxLatitude);
                } finally {
                    map.close();
                }
            }
            try (MBTiles mbtiles = MBTiles.openReadOnly(file)) {
                String text = mbtiles.metadata().get("bounds");
                return text == null ? null : BoundingBox.parse(text);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
