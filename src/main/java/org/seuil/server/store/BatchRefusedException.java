package org.seuil.server.store;

import java.util.List;
import org.seuil.sync.protocol.Problem;

/** A batch the server refused as a whole (nothing applied), with the HTTP status and problem to answer. */
public final class BatchRefusedException extends RuntimeException {
    private final Problem problem;

    public BatchRefusedException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(title + ": " + detail);
        this.problem = new Problem(Problem.TYPE_BASE + slug, title, status, detail, errors);
    }

    public Problem problem() {
        return problem;
    }
}
