package org.seuil.store.sqlite;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Report;

/**
 * Reads an import's records and encodes them (report JSON, derived accessibility) on a second
 * thread, while the importing thread writes the previous ones to SQLite: on two cores an import
 * goes about as fast as its database writes alone. Whatever the iterator throws is handed to the
 * importing thread and thrown there unchanged.
 */
final class EncodingThread {
    /** A record with everything computed that needs no database. */
    record Encoded(PlaceRecord record, List<String> bodies, PlaceTable.Derived own) {
        static Encoded of(PlaceRecord record) {
            List<String> bodies = new ArrayList<>(record.reports().size());
            for (Report report : record.reports()) {
                bodies.add(Codecs.reportBody(report));
            }
            return new Encoded(record, bodies, PlaceTable.Derived.of(record.reports()));
        }
    }

    private EncodingThread() {
    }

    /** Encodes the records on a second thread; the importing thread takes them from the pipe. */
    static BatchPipe<Encoded> start(Iterator<PlaceRecord> records) {
        return BatchPipe.start("import", sink -> {
            while (!sink.cancelled() && records.hasNext()) {
                sink.add(Encoded.of(records.next()));
            }
        });
    }
}
