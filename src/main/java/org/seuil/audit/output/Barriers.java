package org.seuil.audit.output;

import java.util.stream.Collectors;
import org.seuil.audit.AuditSnapshot;
import org.seuil.audit.Finding;

/** The barriers of a venue as one line of text, the same in every output. */
final class Barriers {
    private Barriers() {
    }

    static String text(AuditSnapshot.VenueAudit v) {
        return v.grading().barriers().stream().map(Barriers::text).collect(Collectors.joining("; "));
    }

    static String text(Finding f) {
        return f.observed() + " (" + f.outcome().osm() + ", " + f.ruleId() + ")";
    }
}
