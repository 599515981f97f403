package org.seuil.store;

import org.seuil.domain.Report;

/** A save based on an older revision than the stored one: the caller must show mine / theirs. */
public final class StaleRevisionException extends StoreException {
    private final Report stored;

    public StaleRevisionException(Report stored, int attempted) {
        super("report " + stored.id() + " is at revision " + stored.revision() + ", the save was based on revision " + (attempted - 1));
        this.stored = stored;
    }

    public Report stored() {
        return stored;
    }
}
