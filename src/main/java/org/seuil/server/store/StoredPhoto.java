package org.seuil.server.store;

/** A photo as the server keeps it: metadata already stripped. */
public record StoredPhoto(String sha256, String mediaType, byte[] bytes) {
}
