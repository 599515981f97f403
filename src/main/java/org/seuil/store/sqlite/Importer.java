package org.seuil.store.sqlite;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.store.ImportSource;
import org.seuil.store.ImportSummary;
import org.seuil.store.StoreException;

/**
 * One import, run inside the store's write transaction. Rows are inserted first and looked up
 * only when the insert finds the id taken, so a first import into an empty store costs two
 * batched inserts per record; the spatial and name indexes of an empty store are built once at
 * the end.
 */
final class Importer {
    private final ImportSource source;
    private final PlaceTable places;
    private final ReportTable reports;
    private final OutboxTable outbox;
    private final Map<Accessibility, Long> perGrade = new EnumMap<>(Accessibility.class);
    private final List<String> pendingKinds = new ArrayList<>();
    private final List<String> pendingIds = new ArrayList<>();
    /** In bulk mode, the indexes built once at the end. */
    private DroppedIndex reportIndex;
    private DroppedIndex outboxIndex;
    private long placesCreated;
    private long placesUpdated;
    private long placesUnchanged;
    private long reportsCreated;
    private long reportsUpdated;
    private long reportsUnchanged;

    Importer(Session session, ImportSource source) {
        this.source = source;
        this.places = new PlaceTable(session);
        this.reports = new ReportTable(session);
        this.outbox = new OutboxTable(session);
    }

    ImportSummary run(Iterator<PlaceRecord> records) throws SQLException {
        boolean bulk = places.isEmpty();
        if (bulk) {
            places.startBulk();
            reportIndex = reports.dropPlaceIndex();
            outboxIndex = outbox.dropPendingIndex();
        }
        try (BatchPipe<EncodingThread.Encoded> encoder = EncodingThread.start(records)) {
            List<EncodingThread.Encoded> batch;
            while ((batch = encoder.next()) != null) {
                if (bulk) {
                    addBulk(batch);
                } else {
                    for (EncodingThread.Encoded encoded : batch) {
                        add(encoded);
                    }
                }
            }
        }
        if (bulk) {
            places.buildIndexes();
            reportIndex.restore();
            outboxIndex.restore();
        }
        return new ImportSummary(placesCreated, placesUpdated, placesUnchanged,
                reportsCreated, reportsUpdated, reportsUnchanged, perGrade);
    }

    /**
     * Adds records to a store that was empty when the import began, in JDBC batches. A record
     * whose place is already there (it came earlier in this import) takes the ordinary path.
     */
    private void addBulk(List<EncodingThread.Encoded> batch) throws SQLException {
        List<Place> batchPlaces = new ArrayList<>(batch.size());
        List<PlaceTable.Derived> derived = new ArrayList<>(batch.size());
        for (EncodingThread.Encoded encoded : batch) {
            batchPlaces.add(encoded.record().place());
            derived.add(encoded.own());
        }
        boolean[] created = places.insertAllIfAbsent(batchPlaces, derived);
        List<Report> newReports = new ArrayList<>();
        List<String> newBodies = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            EncodingThread.Encoded encoded = batch.get(i);
            if (!created[i]) {
                insertNewReports(newReports, newBodies);
                // Keep the outbox in change order: what was queued so far goes before this record's rows.
                flushOutbox();
                // The ordinary path looks reports up by place.
                reportIndex.restore();
                add(encoded);
                continue;
            }
            perGrade.merge(encoded.own().wheelchair(), 1L, Long::sum);
            placesCreated++;
            queueBatched(OutboxTable.PLACE, encoded.record().place().id().value());
            for (Report report : encoded.record().reports()) {
                queueBatched(OutboxTable.REPORT, report.id().value());
            }
            newReports.addAll(encoded.record().reports());
            newBodies.addAll(encoded.bodies());
        }
        insertNewReports(newReports, newBodies);
        flushOutbox();
    }

    /** Inserts the reports of newly created places; any id already taken stops the import. */
    private void insertNewReports(List<Report> newReports, List<String> newBodies) throws SQLException {
        if (newReports.isEmpty()) {
            return;
        }
        Optional<Report> taken = reports.insertAllIfAbsent(newReports, newBodies);
        if (taken.isPresent()) {
            throw alreadyElsewhere(taken.get(), reports.find(taken.get().id()).orElseThrow());
        }
        reportsCreated += newReports.size();
        newReports.clear();
        newBodies.clear();
    }

    private void add(EncodingThread.Encoded encoded) throws SQLException {
        PlaceRecord record = encoded.record();
        Place place = record.place();
        List<Report> incoming = record.reports();
        List<String> bodies = encoded.bodies();
        PlaceTable.Derived own = encoded.own();
        perGrade.merge(own.wheelchair(), 1L, Long::sum);

        if (places.insertIfAbsent(place, own)) {
            placesCreated++;
            queue(OutboxTable.PLACE, place.id().value());
            for (int i = 0; i < incoming.size(); i++) {
                Report report = incoming.get(i);
                if (!reports.insertIfAbsent(report, bodies.get(i))) {
                    throw alreadyElsewhere(report, reports.find(report.id()).orElseThrow());
                }
                reportsCreated++;
                queue(OutboxTable.REPORT, report.id().value());
            }
            return;
        }

        PlaceTable.Stored stored = places.find(place.id()).orElseThrow();
        if (stored.place().equals(place)) {
            placesUnchanged++;
        } else {
            places.update(stored, place);
            placesUpdated++;
            queue(OutboxTable.PLACE, place.id().value());
        }
        boolean reportsChanged = false;
        for (int i = 0; i < incoming.size(); i++) {
            reportsChanged |= upsert(incoming.get(i), bodies.get(i));
        }
        if (source == ImportSource.OSM) {
            reportsChanged |= dropVanishedOsmReport(record);
        }
        if (reportsChanged) {
            places.setDerived(stored.pk(), PlaceTable.Derived.of(reports.ofPlace(place.id())));
        }
    }

    /** Returns whether the stored report changed. */
    private boolean upsert(Report report, String body) throws SQLException {
        if (reports.insertIfAbsent(report, body)) {
            reportsCreated++;
            queue(OutboxTable.REPORT, report.id().value());
            return true;
        }
        ReportTable.Stored stored = reports.find(report.id()).orElseThrow();
        if (!stored.placeId().equals(report.placeId())) {
            throw alreadyElsewhere(report, stored);
        }
        boolean replace = switch (source) {
            // The OSM copy follows the extract; reports by people are never touched by an OSM import.
            case OSM -> Report.OSM_AUTHOR.equals(stored.author()) && !stored.body().equals(body);
            // A higher revision wins; an equal or lower one keeps what the store has.
            case FILE -> report.revision() > stored.revision();
        };
        if (!replace) {
            reportsUnchanged++;
            return false;
        }
        reports.replace(report, body);
        reportsUpdated++;
        queue(OutboxTable.REPORT, report.id().value());
        return true;
    }

    /** An element whose accessibility tags were removed in OSM loses its OSM report here too. */
    private boolean dropVanishedOsmReport(PlaceRecord record) throws SQLException {
        ReportId osmId = ReportId.fromOsm(record.place().id());
        for (Report report : record.reports()) {
            if (report.id().equals(osmId)) {
                return false;
            }
        }
        Optional<ReportTable.Stored> stored = reports.find(osmId);
        if (stored.isEmpty() || !Report.OSM_AUTHOR.equals(stored.get().author())
                || !stored.get().placeId().equals(record.place().id())) {
            return false;
        }
        reports.delete(osmId);
        reportsUpdated++;
        return true;
    }

    /** In bulk mode outbox rows go in JDBC batches, written by {@link #flushOutbox()}. */
    private void queueBatched(String kind, String id) {
        if (source == ImportSource.FILE) {
            pendingKinds.add(kind);
            pendingIds.add(id);
        }
    }

    private void flushOutbox() throws SQLException {
        outbox.addAll(pendingKinds, pendingIds);
        pendingKinds.clear();
        pendingIds.clear();
    }

    private void queue(String kind, String id) throws SQLException {
        if (source == ImportSource.FILE) {
            outbox.add(kind, id);
        }
    }

    private static StoreException alreadyElsewhere(Report report, ReportTable.Stored stored) {
        return new StoreException("report " + report.id() + " is imported for place " + report.placeId()
                + " but the store has it for place " + stored.placeId());
    }
}
