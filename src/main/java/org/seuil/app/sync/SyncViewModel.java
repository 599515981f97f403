package org.seuil.app.sync;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.seuil.app.i18n.Messages;
import org.seuil.app.settings.SettingsViewModel;
import org.seuil.app.task.TaskExecutor;
import org.seuil.domain.Report;
import org.seuil.store.PlaceStore;
import org.seuil.store.PlaceView;
import org.seuil.store.SyncConflict;
import org.seuil.store.sqlite.SqlitePlaceStore;
import org.seuil.sync.client.Backoff;
import org.seuil.sync.client.HttpTransport;
import org.seuil.sync.client.SyncApi;
import org.seuil.sync.client.SyncClient;
import org.seuil.sync.client.SyncSummary;

/**
 * The Sync button and its status: pushes the outbox and pulls the server's changes through
 * {@link SyncClient} in the background, shows when the last sync went through, and lists the
 * conflicts the store keeps (mine / theirs), one line each; {@link ConflictsViewModel} settles them.
 * <p>
 * Automatic sync: {@link #autoSync()} is called periodically by the window; it tries only when a
 * server and token are set, and after a failure waits twice as long each time (1 min up to 30 min).
 */
public final class SyncViewModel {
    static final Duration FIRST_RETRY = Duration.ofMinutes(1);
    static final Duration LONGEST_RETRY = Duration.ofMinutes(30);

    private final PlaceStore store;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final SettingsViewModel settings;
    private final Backoff backoff;
    private final Clock clock;
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final ObjectProperty<Instant> lastSuccess = new SimpleObjectProperty<>();
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final IntegerProperty syncs = new SimpleIntegerProperty();
    private final ObservableList<String> conflicts = FXCollections.observableArrayList();
    private Instant nextAutomatic = Instant.MIN;
    private int failuresInARow;

    /**
     * @param backoff how the client retries within one sync (no answer, 429, 5xx)
     */
    public SyncViewModel(PlaceStore store, TaskExecutor tasks, Messages messages, SettingsViewModel settings, Backoff backoff, Clock clock) {
        this.store = store;
        this.tasks = tasks;
        this.messages = messages;
        this.settings = settings;
        this.backoff = backoff;
        this.clock = clock;
        messages.localeProperty().addListener((o, old, now) -> updateStatus());
        settings.serverUrlProperty().addListener((o, old, now) -> refresh());
        updateStatus();
    }

    public boolean configured() {
        return settings.syncConfigured();
    }

    private String server() {
        return settings.serverUrlProperty().get().strip();
    }

    /** Loads the last successful sync with the configured server and the kept conflicts. */
    public void refresh() {
        String server = configured() ? server() : null;
        tasks.execute(() -> new Loaded(server == null ? null : store.syncState(server).lastSuccess(), describeConflicts()), loaded -> {
            lastSuccess.set(loaded.lastSuccess);
            conflicts.setAll(loaded.conflicts);
            updateStatus();
        }, failure -> message.set(messages.get("sync.failed", failure.getMessage())));
    }

    private record Loaded(Instant lastSuccess, List<String> conflicts) {
    }

    /** Syncs now (the button). Does nothing while a sync runs or when no server is set. */
    public void sync() {
        if (running.get()) {
            return;
        }
        if (!configured()) {
            message.set(messages.get("sync.notConfigured"));
            return;
        }
        String server = server();
        String token = settings.tokenProperty().get().strip();
        Path photos = store.file() == null ? null : store.file().toAbsolutePath().resolveSibling("photos");
        running.set(true);
        updateStatus();
        tasks.execute(() -> {
            SyncClient client = new SyncClient(store, new SyncApi(URI.create(server), token, HttpTransport.jdk()), server, photos,
                    backoff, d -> Thread.sleep(d.toMillis()), new SecureRandom(), clock);
            // Campaigns live in the SQLite store's own tables; a store without them syncs reports only.
            if (store instanceof SqlitePlaceStore sqlite) {
                client.withCampaigns(sqlite.campaignSync());
            }
            SyncSummary summary = client.sync();
            return new Done(summary, store.syncState(server).lastSuccess(), describeConflicts());
        }, done -> {
            running.set(false);
            failuresInARow = 0;
            nextAutomatic = clock.instant().plus(FIRST_RETRY);
            lastSuccess.set(done.lastSuccess);
            conflicts.setAll(done.conflicts);
            SyncSummary s = done.summary;
            message.set(messages.get("sync.done", s.created() + s.updated() + s.unchanged(), s.pulled(), s.conflicts() + s.rejected()));
            syncs.set(syncs.get() + 1);
            updateStatus();
        }, failure -> {
            running.set(false);
            failuresInARow++;
            long minutes = Math.min(LONGEST_RETRY.toMinutes(), FIRST_RETRY.toMinutes() << Math.min(10, failuresInARow));
            nextAutomatic = clock.instant().plus(Duration.ofMinutes(minutes));
            String text = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage().lines().findFirst().orElse("");
            message.set(messages.get("sync.failed", text));
            updateStatus();
        });
    }

    private record Done(SyncSummary summary, Instant lastSuccess, List<String> conflicts) {
    }

    /** Called every minute or so: syncs when a server is set and the wait after the last attempt is over. */
    public void autoSync() {
        if (configured() && !running.get() && !clock.instant().isBefore(nextAutomatic)) {
            sync();
        }
    }

    /** When the next automatic attempt may run (after a failure: 2, 4, 8 … up to 30 minutes later). */
    public Instant nextAutomaticAttempt() {
        return nextAutomatic;
    }

    private List<String> describeConflicts() {
        List<String> lines = new ArrayList<>();
        for (SyncConflict c : store.conflicts()) {
            Report mine = c.mine();
            String place = store.place(mine.placeId()).map(PlaceView::place).map(p -> p.displayName()).orElse(mine.placeId().value());
            if (c.theirs() != null) {
                Report theirs = c.theirs();
                lines.add(messages.get("sync.conflicts.edited", place, mine.revision(), mine.author(), when(mine.surveyedAt()),
                        theirs.revision(), theirs.author(), when(theirs.surveyedAt())));
            } else {
                lines.add(messages.get("sync.conflicts.refused", place, mine.revision(), mine.author(), when(mine.surveyedAt()), c.reason()));
            }
        }
        return lines;
    }

    private String when(Instant at) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(messages.locale()).withZone(ZoneId.systemDefault()).format(at);
    }

    private void updateStatus() {
        if (!configured()) {
            status.set(messages.get("sync.notConfigured"));
        } else if (running.get()) {
            status.set(messages.get("sync.running"));
        } else if (lastSuccess.get() == null) {
            status.set(messages.get("sync.never"));
        } else {
            status.set(messages.get("sync.last", when(lastSuccess.get())));
        }
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public ObjectProperty<Instant> lastSuccessProperty() {
        return lastSuccess;
    }

    /** "Last sync …", "Never synced", "Syncing…" or "no server set". */
    public StringProperty statusProperty() {
        return status;
    }

    /** What the last sync did, or why it failed, in one line. */
    public StringProperty messageProperty() {
        return message;
    }

    /** Counts finished syncs: the window reloads the map and the counts when it moves. */
    public ReadOnlyIntegerProperty syncsProperty() {
        return syncs;
    }

    /** The kept conflicts, one line each: mine / theirs, or mine and why the server refused it. */
    public ObservableList<String> conflicts() {
        return conflicts;
    }
}
