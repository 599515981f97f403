package org.seuil.app.sync;

import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.seuil.app.AppContext;
import org.seuil.app.i18n.Messages;
import org.seuil.app.main.Theme;
import org.seuil.domain.PlaceId;
import org.seuil.store.ConflictChoice;

/**
 * Data → Sync conflicts: the kept conflicts on the left; for the chosen one, my version beside the
 * server's, one row per criterion (rows that differ start with "≠" and are bold); "Keep mine"
 * (Alt+M) or "Keep theirs" (Alt+T). The view of {@link ConflictsViewModel}.
 */
public final class ConflictsDialog {
    static final String DIFFERS = "≠ ";

    private ConflictsDialog() {
    }

    /** Opens the dialog (without waiting for it); {@code resolved} gets each place whose report was settled. */
    public static Dialog<Void> show(AppContext context, Window owner, Consumer<PlaceId> resolved) {
        Messages messages = context.messages();
        ConflictsViewModel vm = new ConflictsViewModel(context.store(), context.tasks(), messages, context.details()::value);
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("sync.conflicts.title"));
        dialog.setHeaderText(messages.get("conflicts.header"));
        dialog.setResizable(true);

        ListView<ConflictsViewModel.Item> list = new ListView<>(vm.items());
        list.setId("conflicts");
        list.setPrefSize(230, 320);
        list.setAccessibleText(messages.get("sync.conflicts.title"));
        list.setPlaceholder(wrapped(messages.get("sync.conflicts.none")));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ConflictsViewModel.Item item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.place() + "\n" + messages.get(item.refused() ? "conflicts.kind.refused" : "conflicts.kind.edited"));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now != null) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((o, old, now) -> {
            if (now != list.getSelectionModel().getSelectedItem()) {
                list.getSelectionModel().select(now);
            }
        });

        GridPane grid = new GridPane();
        grid.setId("conflict-rows");
        grid.setHgap(14);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(120);
        ColumnConstraints side = new ColumnConstraints(180, 220, Double.MAX_VALUE);
        side.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, side, side);
        vm.rows().addListener((ListChangeListener<ConflictsViewModel.Row>) c -> fill(grid, vm, messages));
        ScrollPane rows = new ScrollPane(grid);
        rows.setFitToWidth(true);
        rows.setPrefSize(560, 320);

        Button keepMine = new Button(messages.get("conflicts.keepMine"));
        keepMine.setId("keep-mine");
        keepMine.setMnemonicParsing(true);
        keepMine.setAccessibleHelp(messages.get("conflicts.keepMine.help"));
        keepMine.disableProperty().bind(vm.selectedProperty().isNull());
        Button keepTheirs = new Button(messages.get("conflicts.keepTheirs"));
        keepTheirs.setId("keep-theirs");
        keepTheirs.setMnemonicParsing(true);
        keepTheirs.setAccessibleHelp(messages.get("conflicts.keepTheirs.help"));
        keepTheirs.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.selectedProperty().get() == null || vm.selectedProperty().get().refused(), vm.selectedProperty()));
        keepMine.setOnAction(e -> vm.resolve(ConflictChoice.KEEP_MINE, resolved));
        keepTheirs.setOnAction(e -> vm.resolve(ConflictChoice.KEEP_THEIRS, resolved));
        Label message = new Label();
        message.setId("conflicts-message");
        message.setWrapText(true);
        message.setAccessibleRole(AccessibleRole.TEXT);
        message.textProperty().bind(vm.messageProperty());

        VBox right = new VBox(8, rows, new HBox(10, keepMine, keepTheirs), message);
        VBox.setVgrow(rows, Priority.ALWAYS);
        HBox content = new HBox(12, list, right);
        HBox.setHgrow(right, Priority.ALWAYS);
        content.setPadding(new Insets(6));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        Theme.apply(dialog.getDialogPane(), context.settings());
        vm.load();
        dialog.show();
        Platform.runLater(list::requestFocus);
        return dialog;
    }

    private static void fill(GridPane grid, ConflictsViewModel vm, Messages messages) {
        grid.getChildren().clear();
        if (vm.rows().isEmpty()) {
            return;
        }
        grid.addRow(0, title(""), title(messages.get("conflicts.mine")), title(messages.get("conflicts.theirs")));
        int r = 1;
        for (ConflictsViewModel.Row row : vm.rows()) {
            Label label = new Label((row.differs() ? DIFFERS : "") + row.label());
            Label mine = wrapped(row.mine());
            Label theirs = wrapped(row.theirs());
            mine.setId("mine-" + r);
            theirs.setId("theirs-" + r);
            label.setId("row-" + r);
            // One sentence per row for screen readers, the difference said in words.
            String sentence = row.label() + ": " + messages.get("conflicts.mine") + " " + row.mine() + ", "
                    + messages.get("conflicts.theirs") + " " + row.theirs() + (row.differs() ? " (" + messages.get("conflicts.differs") + ")" : "");
            label.setAccessibleText(sentence);
            if (row.differs()) {
                for (Label l : new Label[] {label, mine, theirs}) {
                    l.getStyleClass().add("conflict-differs");
                }
            }
            grid.addRow(r++, label, mine, theirs);
        }
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }
}
