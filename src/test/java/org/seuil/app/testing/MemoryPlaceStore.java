package org.seuil.app.testing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.seuil.domain.Accessibility;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceAccessibility;
import org.seuil.domain.PlaceId;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.store.ImportSource;
import org.seuil.store.ImportSummary;
import org.seuil.store.OutboxEntry;
import org.seuil.store.PlaceFilter;
import org.seuil.store.PlaceStore;
import org.seuil.store.PlaceView;
import org.seuil.store.StaleRevisionException;
import org.seuil.store.StoreStats;

/**
 * A {@link PlaceStore} in memory for view-model tests, following the interface's contract
 * (revision checks, tombstones, outbox, derived accessibility). The UI flow tests use the real
 * SQLite store once it is on this branch; this keeps view-model tests fast and independent of it.
 */
public final class MemoryPlaceStore implements PlaceStore {
    private final Map<PlaceId, Place> places = new LinkedHashMap<>();
    private final Map<ReportId, Report> reports = new LinkedHashMap<>();
    private final List<OutboxEntry> outbox = new ArrayList<>();
    private final Path file;

    public MemoryPlaceStore(Path file) {
        this.file = file;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public synchronized Optional<PlaceView> place(PlaceId id) {
        Place p = places.get(id);
        return p == null ? Optional.empty() : Optional.of(view(p));
    }

    private PlaceView view(Place p) {
        List<Report> rs = reports(p.id());
        return new PlaceView(p, PlaceAccessibility.derive(rs), (int) rs.stream().filter(r -> !r.deleted()).count());
    }

    @Override
    public synchronized List<Report> reports(PlaceId id) {
        return reports.values().stream().filter(r -> r.placeId().equals(id)).sorted(Comparator.comparing(Report::surveyedAt)).toList();
    }

    @Override
    public synchronized Optional<Report> report(ReportId id) {
        return Optional.ofNullable(reports.get(id));
    }

    @Override
    public synchronized List<PlaceView> query(PlaceFilter filter, int limit) {
        List<PlaceView> out = new ArrayList<>();
        for (Place p : places.values()) {
            if (!filter.bbox().contains(p.location())) {
                continue;
            }
            PlaceView v = view(p);
            if (filter.accepts(p.category(), v.accessibility().wheelchair(), v.accessibility().lastSurveyed()) && out.size() < limit) {
                out.add(v);
            }
        }
        return out;
    }

    @Override
    public synchronized void forEach(PlaceFilter filter, Consumer<PlaceRecord> sink) {
        for (PlaceView v : query(filter, Integer.MAX_VALUE)) {
            sink.accept(new PlaceRecord(v.place(), reports(v.place().id())));
        }
    }

    @Override
    public synchronized List<PlaceView> search(String text, int limit) {
        String[] words = text.toLowerCase(Locale.ROOT).split("\\s+");
        List<PlaceView> out = new ArrayList<>();
        for (Place p : places.values()) {
            if (p.name() == null) {
                continue;
            }
            List<String> nameWords = List.of(p.name().toLowerCase(Locale.ROOT).split("[\\s\\p{Punct}]+"));
            boolean all = true;
            for (String w : words) {
                all &= nameWords.stream().anyMatch(n -> n.startsWith(w));
            }
            if (all && out.size() < limit) {
                out.add(view(p));
            }
        }
        return out;
    }

    @Override
    public synchronized StoreStats stats(PlaceFilter filter) {
        Map<Accessibility, Long> grades = new EnumMap<>(Accessibility.class);
        List<PlaceView> all = query(filter, Integer.MAX_VALUE);
        all.forEach(v -> grades.merge(v.accessibility().wheelchair(), 1L, Long::sum));
        return new StoreStats(all.size(), reports.values().stream().filter(r -> !r.deleted()).count(), Map.of(), grades);
    }

    @Override
    public synchronized void savePlace(Place place) {
        places.put(place.id(), place);
        outbox.add(new OutboxEntry(outbox.size() + 1, "place", place.id().value(), Instant.now()));
    }

    @Override
    public synchronized void saveReport(Report report) {
        if (!places.containsKey(report.placeId())) {
            throw new org.seuil.store.StoreException("no place " + report.placeId());
        }
        Report stored = reports.get(report.id());
        int expected = stored == null ? 1 : stored.revision() + 1;
        if (report.revision() != expected) {
            if (stored == null) {
                throw new org.seuil.store.StoreException("a new report must have revision 1");
            }
            throw new StaleRevisionException(stored, report.revision());
        }
        reports.put(report.id(), report);
        outbox.add(new OutboxEntry(outbox.size() + 1, "report", report.id().value(), Instant.now()));
    }

    @Override
    public synchronized void deleteReport(ReportId id, Instant at) {
        Report stored = reports.get(id);
        if (stored == null) {
            throw new org.seuil.store.StoreException("no report " + id);
        }
        saveReport(stored.tombstone(at));
    }

    @Override
    public synchronized ImportSummary importRecords(Iterator<PlaceRecord> records, ImportSource source) {
        long n = 0;
        while (records.hasNext()) {
            PlaceRecord r = records.next();
            places.put(r.place().id(), r.place());
            r.reports().forEach(rep -> reports.put(rep.id(), rep));
            n++;
        }
        return new ImportSummary(n, 0, 0, 0, 0, 0, Map.of());
    }

    @Override
    public synchronized long pendingChanges() {
        return outbox.size();
    }

    @Override
    public synchronized List<OutboxEntry> outbox(int limit) {
        return outbox.subList(0, Math.min(limit, outbox.size()));
    }

    @Override
    public void close() {
    }
}
