package org.seuil.app.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;

/**
 * Every user-visible string of the app, from {@code org/seuil/app/messages*.properties}. The
 * language can change while the app runs: views bind their texts through {@link #bind}, so a
 * switch in the settings relabels every open screen at once.
 */
public final class Messages {
    public static final String BUNDLE = "org.seuil.app.messages";
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>();
    private ResourceBundle bundle;
    private Locale bundleLocale;

    public Messages(Locale initial) {
        locale.set(supported(initial));
    }

    /** The system language when the app has it, else English. */
    public static Locale supported(Locale wanted) {
        for (Locale l : SUPPORTED) {
            if (l.getLanguage().equals(wanted.getLanguage())) {
                return l;
            }
        }
        return Locale.ENGLISH;
    }

    private static ResourceBundle load(Locale l) {
        // The root bundle is English; no fallback to the JVM's default locale, so "en" really is English.
        return ResourceBundle.getBundle(BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    /** The text of a key, with {0}-style arguments filled in. A missing key shows itself, loudly. */
    public synchronized String get(String key, Object... args) {
        String pattern;
        // Loaded here rather than in a listener on the locale: bindings on the locale may be
        // re-evaluated before any listener runs, and must already see the new language.
        if (!locale.get().equals(bundleLocale)) {
            bundle = load(locale.get());
            bundleLocale = locale.get();
        }
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale.get()).format(args);
    }

    /** A text that follows the language. */
    public StringBinding bind(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), locale);
    }
}
