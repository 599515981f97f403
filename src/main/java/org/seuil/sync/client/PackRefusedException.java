package org.seuil.sync.client;

/** A downloaded pack that is not what the server listed (wrong checksum, unreadable): never installed. */
public final class PackRefusedException extends Exception {
    public PackRefusedException(String message) {
        super(message);
    }

    public PackRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
