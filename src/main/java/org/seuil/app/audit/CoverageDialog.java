package org.seuil.app.audit;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.seuil.app.AppContext;
import org.seuil.app.i18n.Messages;
import org.seuil.app.main.Theme;
import org.seuil.audit.Campaign;
import org.seuil.audit.Coverage;

/** The coverage dashboard: audited out of all venues overall, by zone, by volunteer and by category. */
final class CoverageDialog {
    private CoverageDialog() {
    }

    /** One row of a table: what is counted and its tally. */
    record Row(String name, Coverage.Tally tally) {
    }

    static void show(AppContext context, Window owner, Campaign campaign, Coverage coverage, Function<String, String> names) {
        Messages messages = context.messages();
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("audit.dashboard.title", campaign.name()));
        dialog.setResizable(true);
        Label total = new Label(messages.get("audit.tally", messages.get("audit.dashboard.total"), coverage.total().audited(),
                coverage.total().total(), coverage.total().percent()));
        total.setId("dashboard-total");
        total.getStyleClass().add("section-title");
        Label revisit = new Label(messages.get("audit.dashboard.revisit", campaign.revisitYears()));
        revisit.setWrapText(true);
        revisit.getStyleClass().add("secondary");
        List<Row> zones = coverage.byZone().entrySet().stream()
                .map(e -> new Row(messages.get("audit.zone", e.getKey() + 1), e.getValue())).toList();
        HBox tables = new HBox(10,
                table(messages, "audit.dashboard.byZone", "dashboard-zones", zones),
                table(messages, "audit.dashboard.byVolunteer", "dashboard-volunteers", rows(coverage.byVolunteer(), names)),
                table(messages, "audit.dashboard.byCategory", "dashboard-categories", rows(coverage.byCategory(), names)));
        VBox content = new VBox(8, total, revisit, tables);
        VBox.setVgrow(tables, Priority.ALWAYS);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        Theme.apply(dialog.getDialogPane(), context.settings());
        dialog.showAndWait();
    }

    /** Rows with the most venues first: where most of the work is. */
    private static List<Row> rows(Map<String, Coverage.Tally> tallies, Function<String, String> names) {
        return tallies.entrySet().stream()
                .map(e -> new Row(names.apply(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingLong((Row r) -> -r.tally().total()).thenComparing(Row::name))
                .toList();
    }

    private static VBox table(Messages messages, String titleKey, String id, List<Row> rows) {
        Label title = new Label(messages.get(titleKey));
        title.getStyleClass().add("section-title");
        TableView<Row> table = new TableView<>();
        table.setId(id);
        table.setAccessibleText(title.getText());
        table.setPlaceholder(new Label(messages.get("audit.dashboard.empty")));
        TableColumn<Row, String> name = new TableColumn<>(messages.get("audit.dashboard.name"));
        name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        name.setPrefWidth(150);
        TableColumn<Row, String> done = new TableColumn<>(messages.get("audit.dashboard.audited"));
        done.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().tally().audited() + " / " + c.getValue().tally().total()));
        TableColumn<Row, Double> percent = new TableColumn<>("%");
        percent.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().tally().percent()));
        table.getColumns().setAll(List.of(name, done, percent));
        table.getItems().setAll(rows);
        table.setPrefSize(300, 320);
        title.setLabelFor(table);
        VBox box = new VBox(4, title, table);
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }
}
