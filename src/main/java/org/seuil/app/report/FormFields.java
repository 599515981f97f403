package org.seuil.app.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.seuil.app.i18n.Messages;

/**
 * Builds labelled form rows: each control gets a visible label tied to it (so a screen reader
 * announces the label and Alt+letter jumps to it), and an error line under it that shows the
 * view model's reason for that field and becomes the control's accessible help.
 */
final class FormFields {
    private final Messages messages;
    private final ObservableMap<String, String> errors;
    private final GridPane grid = new GridPane();
    private final Map<String, Control> controls = new LinkedHashMap<>();
    private int row;

    FormFields(Messages messages, ObservableMap<String, String> errors) {
        this.messages = messages;
        this.errors = errors;
        grid.setHgap(10);
        grid.setVgap(4);
        grid.getStyleClass().add("form");
    }

    GridPane grid() {
        return grid;
    }

    void section(String key) {
        Label title = new Label(messages.get(key));
        title.getStyleClass().add("section-title");
        grid.add(title, 0, row++, 2, 1);
    }

    TextField text(String field, String labelKey, StringProperty property) {
        TextField t = new TextField();
        t.textProperty().bindBidirectional(property);
        add(field, labelKey, t);
        return t;
    }

    <T> ComboBox<T> choice(String field, String labelKey, ObjectProperty<T> property, List<T> values, Function<T, String> label, boolean allowUnset) {
        ComboBox<T> box = new ComboBox<>();
        List<T> items = new ArrayList<>();
        if (allowUnset) {
            items.add(null);
        }
        items.addAll(values);
        box.getItems().setAll(items);
        StringConverter<T> converter = new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? messages.get("value.notSurveyed") : label.apply(value);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
        box.setConverter(converter);
        box.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : converter.toString(item));
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
        box.valueProperty().bindBidirectional(property);
        add(field, labelKey, box);
        return box;
    }

    ComboBox<Boolean> yesNo(String field, String labelKey, ObjectProperty<Boolean> property) {
        return choice(field, labelKey, property, Arrays.asList(Boolean.TRUE, Boolean.FALSE),
                b -> messages.get(b ? "value.yes" : "value.no"), true);
    }

    void add(String field, String labelKey, Control control) {
        Label label = new Label(messages.get(labelKey));
        label.setMnemonicParsing(true);
        label.setLabelFor(control);
        label.getStyleClass().add("form-label");
        // A narrow dialog squeezes the controls, never the labels: "Wheelcha..." names nothing.
        label.setMinWidth(Region.USE_PREF_SIZE);
        control.setId("field-" + field);
        control.setAccessibleText(messages.get(labelKey).replace("_", ""));
        Label error = new Label();
        error.setId("error-" + field);
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.setAccessibleRole(AccessibleRole.TEXT);
        Runnable update = () -> {
            String message = errors.get(field);
            error.setText(message == null ? "" : "⚠ " + message);
            error.setVisible(message != null);
            error.setManaged(message != null);
            control.setAccessibleHelp(message);
            control.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("invalid"), message != null);
        };
        errors.addListener((MapChangeListener<String, String>) c -> update.run());
        update.run();
        VBox cell = new VBox(2, control, error);
        grid.add(label, 0, row);
        grid.add(cell, 1, row++);
        controls.put(field, control);
    }

    void full(Node node) {
        grid.add(node, 0, row++, 2, 1);
    }

    /** The control of the first field with an error, to move the focus there. */
    Control firstInvalid() {
        for (Map.Entry<String, Control> e : controls.entrySet()) {
            if (errors.containsKey(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    Control control(String field) {
        return controls.get(field);
    }
}
