package org.seuil.basemap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;

/**
 * Installs an offline pack (a mapsforge {@code .map} or an MBTiles {@code .mbtiles} file) into
 * {@code <data folder>/maps/}: checks that it opens as the renderer will open it, copies it beside
 * the target, checks the copy, and renames it into place. A corrupt file is refused before
 * anything is copied and the app never sees half a pack. Used by {@code seuil maps install} and
 * by dropping a pack on the app's window.
 */
public final class PackInstaller {
    private static final int BUFFER = 1 << 16;

    private PackInstaller() {
    }

    /** Progress of a copy: bytes copied so far and in all; the return value is ignored. */
    @FunctionalInterface
    public interface Progress {
        void copied(long done, long total);

        static Progress none() {
            return (done, total) -> { };
        }
    }

    /** The pack kind a file name says ({@code .map} or {@code .mbtiles}), if any. */
    public static Optional<PackLocator.Kind> kindOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".map")) {
            return Optional.of(PackLocator.Kind.VECTOR_MAP);
        }
        if (name.endsWith(".mbtiles")) {
            return Optional.of(PackLocator.Kind.RASTER_MBTILES);
        }
        return Optional.empty();
    }

    /** Where {@link #install} puts this file. */
    public static Path target(Path file, Path dataFolder) {
        return PackLocator.installFolder(dataFolder).resolve(file.getFileName().toString());
    }

    /**
     * Installs {@code file}; returns the installed path.
     *
     * @throws FileAlreadyExistsException when a pack of that name is installed and {@code replace} is false
     * @throws IOException naming the file and what is wrong with it, when it is not a readable pack
     */
    public static Path install(Path file, Path dataFolder, boolean replace, Progress progress) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such file");
        }
        PackLocator.Kind kind = kindOf(file).orElseThrow(() ->
                new IOException(file + ": an offline pack must end in .map (mapsforge) or .mbtiles (MBTiles)"));
        check(file, kind);
        Path folder = PackLocator.installFolder(dataFolder);
        Path target = target(file, dataFolder);
        if (Files.exists(target) && !replace) {
            throw new FileAlreadyExistsException(target.toString(), null, "already installed");
        }
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, ".installing-", ".part");
        try {
            copy(file, temp, progress);
            check(temp, kind);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    /** Opens a pack as the tile chain will; the message names the file and says what is wrong. */
    public static void check(Path file, PackLocator.Kind kind) throws IOException {
        try {
            PackLocator.checkReadable(file, kind == PackLocator.Kind.VECTOR_MAP ? "mapsforge" : "mbtiles");
        } catch (IOException | RuntimeException e) {
            String what = kind == PackLocator.Kind.VECTOR_MAP ? "a readable mapsforge .map file" : "a readable MBTiles file";
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IOException(file + " is not " + what + ": " + reason, e);
        }
    }

    private static void copy(Path from, Path to, Progress progress) throws IOException {
        long total = Files.size(from);
        long done = 0;
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(from); OutputStream out = Files.newOutputStream(to)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                done += n;
                progress.copied(done, total);
            }
        }
        progress.copied(done, total);
    }
}
