package org.seuil.server.store;

import java.util.List;
import org.seuil.sync.protocol.StoredFeature;

/** A page of the change feed with each report in its stored JSON, ready to be copied to the wire. */
public record StoredChanges(List<StoredFeature> features, long nextCursor, boolean more) {
    public StoredChanges {
        features = List.copyOf(features);
    }
}
