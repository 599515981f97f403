package org.seuil.sync.protocol;

/** What the server did with one pushed feature. */
public enum OutcomeStatus {
    /** The server did not know the report and stored it. */
    CREATED,
    /** The report had a higher revision than the server's copy and replaced it. */
    UPDATED,
    /** The server already held exactly this revision with this content. */
    UNCHANGED,
    /** The server holds the same or a newer revision with different content; its copy comes with the outcome. */
    CONFLICT,
    /** The server refused the feature for the reason given (for example photos it lacks); nothing was stored. */
    REJECTED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static OutcomeStatus fromWire(String text) {
        for (OutcomeStatus s : values()) {
            if (s.wire().equals(text)) {
                return s;
            }
        }
        throw new org.seuil.domain.InvalidValueException("status", "'" + text + "' is not one of created, updated, unchanged, conflict, rejected");
    }
}
