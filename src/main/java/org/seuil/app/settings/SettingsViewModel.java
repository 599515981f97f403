package org.seuil.app.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Properties;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.seuil.app.i18n.Messages;
import org.seuil.domain.InvalidValueException;
import org.seuil.domain.WheelchairProfile;

/**
 * The settings screen: language, text size, high contrast, the name reports are signed with, and
 * the personal wheelchair profile. Kept in {@code settings.properties} beside the store, so a
 * portable install carries them along.
 */
public final class SettingsViewModel {
    public static final double[] TEXT_SCALES = {1.0, 1.25, 1.5, 2.0};
    public static final String AUTHOR = "author";
    public static final String CHAIR_WIDTH = "chairWidth";
    public static final String HIGHEST_STEP = "highestStep";
    public static final String STEEPEST_SLOPE = "steepestSlope";
    public static final String SERVER_URL = "serverUrl";

    private final Path file;
    private final Messages messages;
    private final DoubleProperty textScale = new SimpleDoubleProperty(1.0);
    private final BooleanProperty highContrast = new SimpleBooleanProperty();
    /** Off by default: offline first, and the person decides when the app talks to tile servers. */
    private final BooleanProperty onlineTiles = new SimpleBooleanProperty();
    private final StringProperty author = new SimpleStringProperty();
    private final BooleanProperty profileEnabled = new SimpleBooleanProperty();
    private final StringProperty chairWidthCm = new SimpleStringProperty("70");
    private final StringProperty highestStepCm = new SimpleStringProperty("0");
    private final StringProperty steepestSlopePercent = new SimpleStringProperty("6");
    /** The sync server and the bearer token from `seuil server token create`; empty: no sync. */
    private final StringProperty serverUrl = new SimpleStringProperty("");
    private final StringProperty token = new SimpleStringProperty("");
    private final ObjectProperty<WheelchairProfile> activeProfile = new SimpleObjectProperty<>();
    private final ObservableMap<String, String> errors = FXCollections.observableMap(new LinkedHashMap<>());

    public SettingsViewModel(Path file, Messages messages) {
        this.file = file;
        this.messages = messages;
        author.set(defaultAuthor());
        load();
    }

    static String defaultAuthor() {
        String user = System.getProperty("user.name", "").replaceAll("[^\\p{L}\\p{N}._@ -]", "");
        return user.isBlank() ? "me" : user.length() > 100 ? user.substring(0, 100) : user;
    }

    private void load() {
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            return; // unreadable settings are not worth stopping the app for: defaults apply
        }
        String lang = p.getProperty("language");
        if (lang != null) {
            messages.localeProperty().set(Messages.supported(Locale.forLanguageTag(lang)));
        }
        try {
            textScale.set(Double.parseDouble(p.getProperty("textScale", "1")));
        } catch (NumberFormatException e) {
            textScale.set(1.0);
        }
        highContrast.set(Boolean.parseBoolean(p.getProperty("highContrast")));
        onlineTiles.set(Boolean.parseBoolean(p.getProperty("onlineTiles")));
        author.set(p.getProperty("author", author.get()));
        chairWidthCm.set(p.getProperty("chairWidthCm", chairWidthCm.get()));
        highestStepCm.set(p.getProperty("highestStepCm", highestStepCm.get()));
        steepestSlopePercent.set(p.getProperty("steepestSlopePercent", steepestSlopePercent.get()));
        profileEnabled.set(Boolean.parseBoolean(p.getProperty("profileEnabled")));
        serverUrl.set(p.getProperty("serverUrl", ""));
        token.set(p.getProperty("token", ""));
        apply();
    }

    /** Checks the fields; applies and saves them when all are right. Returns whether it did. */
    public boolean apply() {
        errors.clear();
        if (author.get() == null || !author.get().strip().matches("[\\p{L}\\p{N}._@ -]{1,100}")) {
            errors.put(AUTHOR, messages.get("settings.error.author"));
        }
        String server = serverUrl.get() == null ? "" : serverUrl.get().strip();
        if (!server.isEmpty() && !server.matches("(?i)https?://[^\\s/?#]+(/[^\\s]*)?")) {
            errors.put(SERVER_URL, messages.get("settings.error.serverUrl"));
        }
        Double width = number(CHAIR_WIDTH, chairWidthCm.get());
        Double step = number(HIGHEST_STEP, highestStepCm.get());
        Double slope = number(STEEPEST_SLOPE, steepestSlopePercent.get());
        WheelchairProfile profile = null;
        if (errors.isEmpty() && width != null && step != null && slope != null) {
            try {
                profile = new WheelchairProfile(width / 100, step / 100, slope);
            } catch (InvalidValueException e) {
                String field = e.field();
                errors.put(field, messages.get("settings.error." + field));
            }
        }
        if (!errors.isEmpty()) {
            return false;
        }
        activeProfile.set(profileEnabled.get() ? profile : null);
        save();
        return true;
    }

    private Double number(String field, String text) {
        try {
            return Double.parseDouble(text.strip().replace(',', '.'));
        } catch (RuntimeException e) {
            errors.put(field, messages.get("settings.error." + field));
            return null;
        }
    }

    private void save() {
        if (file == null) {
            return;
        }
        Properties p = new Properties();
        p.setProperty("language", messages.locale().toLanguageTag());
        p.setProperty("textScale", Double.toString(textScale.get()));
        p.setProperty("highContrast", Boolean.toString(highContrast.get()));
        p.setProperty("onlineTiles", Boolean.toString(onlineTiles.get()));
        p.setProperty("author", author.get().strip());
        p.setProperty("profileEnabled", Boolean.toString(profileEnabled.get()));
        p.setProperty("chairWidthCm", chairWidthCm.get());
        p.setProperty("highestStepCm", highestStepCm.get());
        p.setProperty("steepestSlopePercent", steepestSlopePercent.get());
        p.setProperty("serverUrl", serverUrl.get() == null ? "" : serverUrl.get().strip());
        p.setProperty("token", token.get() == null ? "" : token.get().strip());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                p.store(out, "Seuil settings");
            }
        } catch (IOException e) {
            errors.put(AUTHOR, messages.get("settings.error.save", e.getMessage()));
        }
    }

    public Messages messages() {
        return messages;
    }

    public ObjectProperty<Locale> languageProperty() {
        return messages.localeProperty();
    }

    public DoubleProperty textScaleProperty() {
        return textScale;
    }

    public BooleanProperty highContrastProperty() {
        return highContrast;
    }

    public BooleanProperty onlineTilesProperty() {
        return onlineTiles;
    }

    public StringProperty authorProperty() {
        return author;
    }

    public BooleanProperty profileEnabledProperty() {
        return profileEnabled;
    }

    public StringProperty chairWidthProperty() {
        return chairWidthCm;
    }

    public StringProperty highestStepProperty() {
        return highestStepCm;
    }

    public StringProperty steepestSlopeProperty() {
        return steepestSlopePercent;
    }

    public StringProperty serverUrlProperty() {
        return serverUrl;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    /** True when both a server and a token are set, so syncing can be tried. */
    public boolean syncConfigured() {
        return serverUrl.get() != null && !serverUrl.get().isBlank() && token.get() != null && !token.get().isBlank()
                && !errors.containsKey(SERVER_URL);
    }

    public ObjectProperty<WheelchairProfile> activeProfileProperty() {
        return activeProfile;
    }

    public ObservableMap<String, String> errors() {
        return errors;
    }
}
