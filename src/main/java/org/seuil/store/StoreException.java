package org.seuil.store;

/** The store cannot do what was asked: a damaged or too new file, a disk error, a broken rule. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
