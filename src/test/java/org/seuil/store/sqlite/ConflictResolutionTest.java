package org.seuil.store.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seuil.domain.Accessibility;
import org.seuil.domain.GeoPoint;
import org.seuil.domain.Place;
import org.seuil.domain.PlaceId;
import org.seuil.domain.PlaceRecord;
import org.seuil.domain.Report;
import org.seuil.domain.ReportId;
import org.seuil.store.ConflictChoice;
import org.seuil.store.OutboxEntry;
import org.seuil.store.StoreException;
import org.seuil.store.SyncConflict;

/**
 * Settling a sync conflict on a real SQLite file, in the state a sync leaves: my edit pushed and
 * answered with a conflict (outbox marked, conflict kept), then the server's copy pulled.
 */
class ConflictResolutionTest {
    private static final String SERVER = "https://seuil.example";
    private static final Instant T = Instant.parse("2025-03-01T10:00:00Z");

    @TempDir
    Path dir;
    SqlitePlaceStore store;
    final Place cafe = new Place(PlaceId.generate(), new GeoPoint(43.7396, 7.4276), "Café de Paris", "amenity=cafe", null);
    final ReportId id = ReportId.generate();
    Report mine;
    Report theirs;

    @BeforeEach
    void conflictAfterASync() {
        store = SqlitePlaceStore.open(dir.resolve("seuil.db"));
        store.savePlace(cafe);
        store.saveReport(report(1, Accessibility.YES, "laptop"));
        store.markSynced(store.outbox(100).stream().map(OutboxEntry::sequence).toList());
        mine = report(2, Accessibility.NO, "mine, from the laptop");
        store.saveReport(mine);
        theirs = new Report(id, cafe.id(), "alice", T.plusSeconds(60), 3, Accessibility.LIMITED, null, null, null, null, null,
                Map.of("en", "theirs, from the phone"), List.of(), List.of(), false);
        store.recordPush(store.outbox(100).stream().map(OutboxEntry::sequence).toList(), List.of(new SyncConflict(mine, theirs, null, T)));
        store.applyPulled(SERVER, List.of(new PlaceRecord(cafe, List.of(theirs))), 7);
        assertEquals(0, store.pendingChanges());
        assertEquals(theirs, store.report(id).orElseThrow(), "the pull brought their copy");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Report report(int revision, Accessibility grade, String text) {
        return new Report(id, cafe.id(), "alice", T, revision, grade, null, null, null, null, null,
                Map.of("en", text), List.of(), List.of(), false);
    }

    @Test
    void keepingMineStoresItOnTopOfTheirRevisionAndQueuesIt() {
        Report kept = store.resolveConflict(id, ConflictChoice.KEEP_MINE);

        assertEquals(mine.withRevision(4), kept);
        assertEquals(kept, store.report(id).orElseThrow());
        assertEquals(Accessibility.NO, store.place(cafe.id()).orElseThrow().accessibility().wheelchair(), "the place is re-derived");
        List<OutboxEntry> queued = store.outbox(100);
        assertEquals(1, queued.size());
        assertEquals(id.value(), queued.get(0).entityId());
        assertTrue(store.conflicts().isEmpty());
    }

    @Test
    void keepingTheirsAppliesTheServerCopyAndDropsMyPendingEdits() {
        store.saveReport(theirs.withRevision(4)); // an edit made after the conflict, still pending
        assertEquals(1, store.pendingChanges());

        Report kept = store.resolveConflict(id, ConflictChoice.KEEP_THEIRS);

        assertEquals(theirs, kept);
        assertEquals(theirs, store.report(id).orElseThrow());
        assertEquals(Accessibility.LIMITED, store.place(cafe.id()).orElseThrow().accessibility().wheelchair());
        assertEquals(0, store.pendingChanges());
        assertTrue(store.conflicts().isEmpty());
    }

    @Test
    void aRefusalCanBeSentAgainButHasNoServerCopyToKeep() {
        store.resolveConflict(id, ConflictChoice.KEEP_THEIRS);
        Report refused = report(5, Accessibility.NO, "refused");
        store.recordPush(List.of(), List.of(new SyncConflict(refused, null, "the server lacks 1 photo(s)", T)));

        StoreException e = assertThrows(StoreException.class, () -> store.resolveConflict(id, ConflictChoice.KEEP_THEIRS));
        assertTrue(e.getMessage().contains("no copy"), e.getMessage());
        assertEquals(1, store.conflicts().size(), "a refused resolution changes nothing");

        assertEquals(refused, store.resolveConflict(id, ConflictChoice.KEEP_MINE));
        assertEquals(1, store.pendingChanges());
        assertTrue(store.conflicts().isEmpty());
    }

    @Test
    void resolvingWhatIsNotInConflictSaysSo() {
        store.resolveConflict(id, ConflictChoice.KEEP_MINE);
        long pending = store.pendingChanges();
        StoreException e = assertThrows(StoreException.class, () -> store.resolveConflict(id, ConflictChoice.KEEP_MINE));
        assertTrue(e.getMessage().contains("no sync conflict"), e.getMessage());
        assertEquals(pending, store.pendingChanges());
    }
}
