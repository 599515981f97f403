package org.seuil.sync.protocol;

/** A request the protocol refuses; carries the problem body to answer with. */
public final class ProtocolException extends RuntimeException {
    private final Problem problem;

    public ProtocolException(Problem problem) {
        super(problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()));
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
