package org.seuil.server.store;

import org.seuil.sync.protocol.BatchResult;

/** The answer to a pushed batch and whether it is the stored answer of an earlier delivery. */
public record ApplyResult(BatchResult result, boolean replayed) {
}
