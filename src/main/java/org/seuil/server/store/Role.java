package org.seuil.server.store;

import java.util.Locale;

/** What a token's holder may do on the server. */
public enum Role {
    /** Pushes their own reports and photos, reads everything. */
    REPORTER,
    /** A reporter working for an association's audit campaign; same rights as a reporter. */
    AUDITOR,
    /** Reads and analyses; pushes nothing. */
    PLANNER,
    /** A reporter who may also hide anyone's report (kept, with who and why). */
    MODERATOR,
    /** Everything a moderator may do; manages tokens. */
    ADMIN;

    public boolean mayPush() {
        return this != PLANNER;
    }

    public boolean mayModerate() {
        return this == MODERATOR || this == ADMIN;
    }

    /** Reads the live analysis layer (OGC API - Features): planners and those who oversee reports. */
    public boolean mayAnalyse() {
        return this == PLANNER || this == MODERATOR || this == ADMIN;
    }

    /** Creates district audit campaigns and manages their members and assignments (docs/sync-protocol.md, Campaigns). */
    public boolean mayRunCampaigns() {
        return this == AUDITOR || this == MODERATOR || this == ADMIN;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.wire().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return r;
            }
        }
        throw new IllegalArgumentException("role '" + text + "' is not one of reporter, auditor, planner, moderator, admin");
    }
}
