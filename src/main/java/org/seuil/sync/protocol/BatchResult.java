package org.seuil.sync.protocol;

import java.util.List;

/** The answer to one pushed batch: one outcome per feature, in the batch's order. */
public record BatchResult(String batchId, List<Outcome> results) {
    public BatchResult {
        results = List.copyOf(results);
    }
}
