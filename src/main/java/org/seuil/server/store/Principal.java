package org.seuil.server.store;

/** The user behind a request's bearer token; {@code name} is their pseudonym, written as report author. */
public record Principal(String userId, String name, Role role) {
}
