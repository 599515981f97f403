package org.seuil.app.map;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.seuil.app.AppContext;
import org.seuil.app.i18n.Messages;
import org.seuil.basemap.PackLocator;
import org.seuil.sync.client.PackDownloader;

/**
 * Lists the offline packs a shared server offers and downloads the chosen one into the data
 * folder's {@code maps/}, with progress; the download resumes if it was interrupted, and is
 * installed only once its checksum and header are verified (see {@link PackDownloader}).
 */
public final class ServerPacksDialog {
    private ServerPacksDialog() {
    }

    public static void show(AppContext context, Window owner) {
        Messages messages = context.messages();
        Path installFolder = context.packsFolder();

        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("packs.title"));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);

        TextField server = new TextField();
        server.setId("packs-server");
        server.setPromptText("https://seuil.example.org");
        PasswordField token = new PasswordField();
        token.setId("packs-token");
        GridPane fields = new GridPane();
        fields.setHgap(10);
        fields.setVgap(6);
        fields.addRow(0, labelFor(messages, "packs.server", server), server);
        fields.addRow(1, labelFor(messages, "packs.token", token), token);

        ListView<PackDownloader.RemotePack> packs = new ListView<>();
        packs.setId("packs-list");
        packs.setPrefHeight(180);
        packs.accessibleTextProperty().bind(messages.bind("packs.list"));
        packs.setPlaceholder(new Label(messages.get("packs.none")));
        packs.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(PackDownloader.RemotePack item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null
                        : String.format(Locale.ROOT, "%s  (%s, %.1f MB)", item.name(), item.kind(), item.size() / 1e6));
            }
        });

        ProgressBar progress = new ProgressBar(0);
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.accessibleTextProperty().bind(messages.bind("packs.progress"));
        Label status = new Label();
        status.setId("packs-status");
        status.setWrapText(true);

        Button list = new Button(messages.get("packs.refresh"));
        list.setId("packs-refresh");
        Button download = new Button(messages.get("packs.download"));
        download.setId("packs-download");
        download.disableProperty().bind(packs.getSelectionModel().selectedItemProperty().isNull());

        list.setOnAction(e -> {
            PackDownloader downloader = downloader(server.getText(), token.getText(), status, messages);
            if (downloader == null) {
                return;
            }
            list.setDisable(true);
            status.setText(messages.get("packs.listing"));
            context.tasks().execute(downloader::list, (List<PackDownloader.RemotePack> found) -> {
                list.setDisable(false);
                packs.getItems().setAll(found);
                status.setText(messages.get("packs.listed", found.size()));
            }, failure -> {
                list.setDisable(false);
                status.setText(messages.get("packs.failed", failure.getMessage()));
            });
        });

        download.setOnAction(e -> {
            PackDownloader.RemotePack pack = packs.getSelectionModel().getSelectedItem();
            PackDownloader downloader = downloader(server.getText(), token.getText(), status, messages);
            if (pack == null || downloader == null) {
                return;
            }
            download.disableProperty().unbind();
            download.setDisable(true);
            progress.setProgress(0);
            status.setText(messages.get("packs.downloading", pack.name()));
            context.tasks().execute(() -> downloader.download(pack, installFolder, PackLocator::checkReadable,
                    (done, total) -> context.tasks().runOnUi(() -> progress.setProgress(total == 0 ? 1 : (double) done / total))),
                    result -> {
                        rebind(download, packs);
                        progress.setProgress(1);
                        status.setText(messages.get("packs.installed", result.installed()));
                    }, failure -> {
                        rebind(download, packs);
                        status.setText(messages.get("packs.failed", failure.getMessage()));
                    });
        });

        VBox content = new VBox(8, fields, new HBox(8, list, download), packs, progress, status);
        content.setPadding(new Insets(8));
        content.setPrefWidth(520);
        dialog.getDialogPane().setContent(content);
        dialog.show();
    }

    private static void rebind(Button download, ListView<PackDownloader.RemotePack> packs) {
        download.disableProperty().bind(packs.getSelectionModel().selectedItemProperty().isNull());
    }

    private static Label labelFor(Messages messages, String key, javafx.scene.Node field) {
        Label label = new Label(messages.get(key));
        label.setLabelFor(field);
        return label;
    }

    /** A downloader for the typed address, or null (with a message) when the address is not usable. */
    private static PackDownloader downloader(String address, String token, Label status, Messages messages) {
        try {
            URI uri = URI.create(address.strip());
            if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException(address);
            }
            return new PackDownloader(uri, token.strip());
        } catch (IllegalArgumentException e) {
            status.setText(messages.get("packs.badServer", address));
            return null;
        }
    }
}
