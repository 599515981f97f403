package org.seuil.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Seuil keeps its data by default: the platform's per-user data folder (XDG on Linux,
 * Application Support on macOS, %APPDATA% on Windows). {@code SEUIL_HOME} overrides it, which
 * tests and portable installs use.
 */
public final class DataFolder {
    private DataFolder() {
    }

    public static Path resolve() {
        return resolve(System.getenv(), System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    static Path resolve(Map<String, String> env, String osName, String home) {
        String override = env.get("SEUIL_HOME");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null ? Path.of(appData, "Seuil") : Path.of(home, "AppData", "Roaming", "Seuil");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Seuil");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "seuil") : Path.of(home, ".local", "share", "seuil");
    }

    /** The default store file inside the data folder. */
    public static Path defaultDatabase() {
        return resolve().resolve("seuil.db");
    }
}
