package org.seuil.app.transfer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.seuil.app.i18n.Messages;
import org.seuil.basemap.PackInstaller;

/**
 * Opens a file handed to the app from outside (dropped on the window, or double-clicked in a file
 * manager, which starts {@code seuil FILE}): an offline pack is installed, places are imported
 * with the same tasks as the Data menu. The kind is decided by the file's name, as the menu's
 * file choosers do; a file of another kind is refused with a message naming it.
 */
public final class FileOpener {
    /** What opening a file does. */
    public enum Action { INSTALL_PACK, IMPORT, UNSUPPORTED }

    /** The action for one file; {@code importKind} is set for {@link Action#IMPORT} only. */
    public record Plan(Path file, Action action, TransferViewModel.ImportKind importKind) {
        public Plan {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(action, "action");
        }
    }

    private final TransferViewModel transfer;
    private final Path dataFolder;
    private final Messages messages;

    public FileOpener(TransferViewModel transfer, Path dataFolder, Messages messages) {
        this.transfer = transfer;
        this.dataFolder = dataFolder;
        this.messages = messages;
    }

    public static Plan plan(Path file) {
        if (PackInstaller.kindOf(file).isPresent()) {
            return new Plan(file, Action.INSTALL_PACK, null);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".geojson") || name.endsWith(".json") || name.endsWith(".csv") || name.endsWith(".osm")
                || name.endsWith(".osm.gz") || name.endsWith(".osm.pbf") || name.endsWith(".pbf")) {
            return new Plan(file, Action.IMPORT, TransferViewModel.importKindOf(file));
        }
        return new Plan(file, Action.UNSUPPORTED, null);
    }

    /** Whether the window should accept a drag of these files (while nothing else runs). */
    public boolean accepts(List<Path> files) {
        return !transfer.runningProperty().get() && !files.isEmpty() && files.stream().anyMatch(f -> plan(f).action() != Action.UNSUPPORTED);
    }

    /** The question to ask before opening a file the app was started with. */
    public String question(Plan plan) {
        return switch (plan.action()) {
            case INSTALL_PACK -> messages.get("open.confirm.pack", plan.file().getFileName());
            case IMPORT -> messages.get("open.confirm.import", plan.file().getFileName());
            case UNSUPPORTED -> messages.get("open.unsupported", plan.file().getFileName());
        };
    }

    /** Whether opening started, and what to tell the user (null: nothing, the transfer's messages follow). */
    public record Outcome(boolean started, String message) {
        static Outcome refused(String message) {
            return new Outcome(false, message);
        }
    }

    /** Opens the first file that Seuil can open; one at a time, as imports run one at a time. */
    public Outcome open(List<Path> files) {
        if (files.isEmpty()) {
            return Outcome.refused(messages.get("open.nothing"));
        }
        if (transfer.runningProperty().get()) {
            return Outcome.refused(messages.get("open.busy"));
        }
        Plan plan = files.stream().map(FileOpener::plan).filter(p -> p.action() != Action.UNSUPPORTED).findFirst()
                .orElse(plan(files.get(0)));
        if (plan.action() == Action.UNSUPPORTED) {
            return Outcome.refused(messages.get("open.unsupported", plan.file().getFileName()));
        }
        if (!Files.isRegularFile(plan.file())) {
            return Outcome.refused(messages.get("open.missing", plan.file()));
        }
        switch (plan.action()) {
            case INSTALL_PACK -> transfer.installPack(plan.file(), dataFolder);
            case IMPORT -> transfer.importFile(plan.file(), plan.importKind(), false);
            default -> throw new IllegalStateException(plan.action().toString());
        }
        return new Outcome(true, files.size() > 1 ? messages.get("open.oneAtATime", plan.file().getFileName()) : null);
    }
}
