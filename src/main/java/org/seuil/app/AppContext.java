package org.seuil.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.seuil.app.i18n.Messages;
import org.seuil.app.main.StatusViewModel;
import org.seuil.app.places.FiltersViewModel;
import org.seuil.app.places.MapViewModel;
import org.seuil.app.places.PlaceDetailsViewModel;
import org.seuil.app.places.SearchViewModel;
import org.seuil.app.report.PhotoLibrary;
import org.seuil.app.report.UndoHistory;
import org.seuil.app.settings.SettingsViewModel;
import org.seuil.app.sync.SyncViewModel;
import org.seuil.app.task.TaskExecutor;
import org.seuil.sync.client.Backoff;
import org.seuil.app.transfer.TransferViewModel;
import org.seuil.store.DataFolder;
import org.seuil.store.PlaceStore;
import org.seuil.basemap.PackLocator;

/**
 * What the screens share, wired once: the store, the task executor, the language, the settings,
 * the undo history and the long-lived view models. Passed to views explicitly (no global state).
 */
public final class AppContext {
    private final PlaceStore store;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final SettingsViewModel settings;
    private final UndoHistory undo = new UndoHistory();
    private final PhotoLibrary photos;
    private final MapViewModel map;
    private final FiltersViewModel filters;
    private final SearchViewModel search;
    private final PlaceDetailsViewModel details;
    private final StatusViewModel status;
    private final TransferViewModel transfer;
    private final SyncViewModel sync;
    private final Path dataFolder;

    /** With the user's data folder ({@link DataFolder#resolve()}), where {@code seuil maps} installs packs. */
    public AppContext(PlaceStore store, TaskExecutor tasks, Locale locale, Path settingsFile) {
        this(store, tasks, locale, settingsFile, DataFolder.resolve());
    }

    /**
     * @param settingsFile where settings are kept, or null to keep them in memory (tests)
     * @param dataFolder   the user's data folder: offline map packs are in its {@code maps/}, as
     *                     for {@code seuil maps install}, wherever the store file is
     */
    public AppContext(PlaceStore store, TaskExecutor tasks, Locale locale, Path settingsFile, Path dataFolder) {
        this.store = store;
        this.dataFolder = dataFolder;
        this.tasks = tasks;
        this.messages = new Messages(locale);
        this.settings = new SettingsViewModel(settingsFile, messages);
        // Photos belong to the store's reports, so they stay beside the store file (sync reads them there).
        this.photos = new PhotoLibrary(store.file() == null ? Path.of(".") : store.file().toAbsolutePath().getParent());
        this.map = new MapViewModel(store, tasks);
        this.filters = new FiltersViewModel(map.filtersProperty());
        this.search = new SearchViewModel(store, tasks);
        this.details = new PlaceDetailsViewModel(store, tasks, messages, settings.authorProperty());
        this.status = new StatusViewModel(store, tasks);
        this.transfer = new TransferViewModel(store, tasks, messages);
        // Within one sync, a few quick retries: the person is waiting; the automatic attempts back off further.
        this.sync = new SyncViewModel(store, tasks, messages, settings,
                new Backoff(Duration.ofMillis(500), Duration.ofSeconds(8), 3), Clock.systemUTC());
        map.profileProperty().bind(settings.activeProfileProperty());
        map.selectedProperty().addListener((o, old, now) -> details.show(now));
    }

    public PlaceStore store() {
        return store;
    }

    public TaskExecutor tasks() {
        return tasks;
    }

    public Messages messages() {
        return messages;
    }

    public SettingsViewModel settings() {
        return settings;
    }

    public UndoHistory undo() {
        return undo;
    }

    public PhotoLibrary photos() {
        return photos;
    }

    public MapViewModel map() {
        return map;
    }

    public FiltersViewModel filters() {
        return filters;
    }

    public SearchViewModel search() {
        return search;
    }

    public PlaceDetailsViewModel details() {
        return details;
    }

    public StatusViewModel status() {
        return status;
    }

    public TransferViewModel transfer() {
        return transfer;
    }

    public SyncViewModel sync() {
        return sync;
    }

    /** The user's data folder (offline packs in its {@code maps/}, caches in its {@code cache/}). */
    public Path dataFolder() {
        return dataFolder;
    }

    /** Where offline map packs are installed: the data folder's {@code maps/} ({@link PackLocator#installFolder}). */
    public Path packsFolder() {
        return PackLocator.installFolder(dataFolder);
    }

    public String author() {
        return settings.authorProperty().get().strip();
    }
}
