package org.seuil.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an output file beside its destination and moves it into place only when complete, so
 * an export that fails or is interrupted never leaves a half-written file where a good one was.
 */
public final class AtomicOutput {
    public interface Writer {
        void writeTo(Path temporary) throws IOException;
    }

    private AtomicOutput() {
    }

    public static void write(Path destination, Writer writer) {
        Path absolute = destination.toAbsolutePath();
        Path folder = absolute.getParent();
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, "." + absolute.getFileName(), ".part");
            try {
                writer.writeTo(temporary);
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(destination + ": " + e.getMessage(), e);
        }
    }
}
