package org.seuil.server.store;

/** The server database failed (unreachable, full, damaged): a 503 for the client, never its fault. */
public final class ServerStoreException extends RuntimeException {
    public ServerStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
