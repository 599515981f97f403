package org.seuil.app.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Photos of places, kept in {@code <data folder>/photos/<sha256>} so that a report names a photo
 * by its content: the same photo added twice is stored once, and a synced report can ask for it
 * by hash.
 */
public final class PhotoLibrary {
    /** Photos bigger than this are refused: a phone photo is 2-8 MB. */
    static final long MAX_BYTES = 25L * 1024 * 1024;

    private final Path folder;

    public PhotoLibrary(Path dataFolder) {
        this.folder = dataFolder.resolve("photos");
    }

    /** Copies the file in and returns its lower-case SHA-256. */
    public String add(Path photo) throws IOException {
        long size = Files.size(photo);
        if (size > MAX_BYTES) {
            throw new IOException(photo.getFileName() + " is " + size / (1024 * 1024) + " MB, at most " + MAX_BYTES / (1024 * 1024) + " MB allowed");
        }
        String name = photo.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!(name.endsWith(".jpg") || name.endsWith(".jpeg") || name.endsWith(".png") || name.endsWith(".webp"))) {
            throw new IOException(photo.getFileName() + " is not a JPEG, PNG or WebP photo");
        }
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "incoming-", ".part");
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(photo), digest)) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
        }
        String sha = HexFormat.of().formatHex(digest.digest());
        Path target = folder.resolve(sha);
        if (Files.exists(target)) {
            Files.delete(temp);
        } else {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        }
        return sha;
    }

    public Path file(String sha256) {
        return folder.resolve(sha256);
    }
}
