package org.seuil.app.audit;

import java.io.File;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.seuil.app.i18n.Messages;
import org.seuil.app.task.TaskExecutor;
import org.seuil.audit.Campaign;
import org.seuil.store.PlaceStore;

/**
 * The campaign report from the app: PDF, CSV or GeoJSON, written by the audit report code to a
 * temporary file beside the target and moved into place when complete, so a cancelled or failed
 * export leaves whatever file was there before. Progress goes to {@link #progressProperty()}
 * (negative while unknown); Cancel stops the writer at its next venue.
 */
final class ReportExport {
    enum Format {
        PDF("pdf"), CSV("csv"), GEOJSON("geojson");

        final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        static Format of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            for (Format f : values()) {
                if (name.endsWith("." + f.extension)) {
                    return f;
                }
            }
            return name.endsWith(".json") ? GEOJSON : PDF;
        }
    }

    private final AuditViewModel vm;
    private final PlaceStore places;
    private final TaskExecutor tasks;
    private final Messages messages;
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty message = new SimpleStringProperty("");
    private volatile AtomicBoolean cancelled = new AtomicBoolean();

    ReportExport(AuditViewModel vm, PlaceStore places, TaskExecutor tasks, Messages messages) {
        this.vm = vm;
        this.places = places;
        this.tasks = tasks;
        this.messages = messages;
    }

    void chooseAndExport(Window owner) {
        Campaign campaign = vm.currentProperty().get();
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("audit.report.title"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(messages.get("audit.report.pdf"), "*.pdf"),
                new FileChooser.ExtensionFilter(messages.get("audit.report.csv"), "*.csv"),
                new FileChooser.ExtensionFilter(messages.get("audit.report.geojson"), "*.geojson"));
        chooser.setInitialFileName(campaign.name().replaceAll("[^\\p{L}\\p{N}._-]+", "-") + ".pdf");
        File file = chooser.showSaveDialog(owner);
        if (file != null) {
            Path target = file.toPath();
            Format chosen = chooser.getSelectedExtensionFilter() == null ? Format.of(target)
                    : Format.valueOf(chooser.getSelectedExtensionFilter().getExtensions().get(0).substring(2).toUpperCase(Locale.ROOT));
            // A name with a known extension says the format; otherwise the chosen filter does, and
            // its extension is added ("Audit-2.0" with CSV chosen is "Audit-2.0.csv", not a PDF).
            String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean known = name.endsWith(".json") || java.util.Arrays.stream(Format.values()).anyMatch(f -> name.endsWith("." + f.extension));
            if (!known) {
                target = target.resolveSibling(target.getFileName() + "." + chosen.extension);
            }
            export(target, Format.of(target));
        }
    }

    /** Writes the open campaign's report to {@code target} in the background. */
    void export(Path target, Format format) {
        Campaign campaign = vm.currentProperty().get();
        if (campaign == null || running.get()) {
            return;
        }
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        running.set(true);
        progress.set(-1);
        message.set(messages.get("audit.report.writing", target.getFileName()));
        tasks.execute(() -> {
            Path absolute = target.toAbsolutePath();
            Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".part");
            try {
                CampaignReports.write(format, places, vm.store(), campaign, vm.now(), temp, done -> {
                    if (stop.get()) {
                        throw new CancellationException();
                    }
                    tasks.runOnUi(() -> progress.set(done));
                });
                if (stop.get()) {
                    throw new CancellationException();
                }
                move(temp, absolute);
                return absolute;
            } finally {
                Files.deleteIfExists(temp);
            }
        }, written -> {
            running.set(false);
            progress.set(1);
            message.set(messages.get("audit.report.written", written));
        }, failure -> {
            running.set(false);
            message.set(failure instanceof CancellationException ? messages.get("audit.report.cancelled")
                    : "⚠ " + messages.get("audit.failed", AuditViewModel.reason(failure)));
        });
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    void cancel() {
        cancelled.set(true);
    }

    BooleanProperty runningProperty() {
        return running;
    }

    DoubleProperty progressProperty() {
        return progress;
    }

    StringProperty messageProperty() {
        return message;
    }
}
