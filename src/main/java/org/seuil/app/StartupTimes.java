package org.seuil.app;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Start-up milestones in milliseconds since the JVM started, printed on one line to stderr when
 * the app is run with {@code -Dseuil.measureStartup=true} (or {@code =exit}, which also closes
 * the app once the first frame is there, for scripts that measure several runs). Off by default:
 * nothing is recorded then.
 */
public final class StartupTimes {
    private static final String PROPERTY = "seuil.measureStartup";
    private static final List<String> marks = new ArrayList<>();
    private static boolean tileSeen;

    private StartupTimes() {
    }

    public static boolean enabled() {
        String value = System.getProperty(PROPERTY);
        return value != null && !value.isBlank() && !value.equalsIgnoreCase("false");
    }

    /** Whether to close the app once the first frame is measured. */
    public static boolean exitAfterFirstFrame() {
        return "exit".equalsIgnoreCase(System.getProperty(PROPERTY));
    }

    /** Milliseconds since the JVM started. */
    public static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /**
     * Prints, once, when the first map tile's image is ready (when measuring); the map shows it at
     * the next pulse.
     */
    public static synchronized void tileReady() {
        if (enabled() && !tileSeen) {
            tileSeen = true;
            System.err.println("seuil startup: first map tile " + sinceJvmStart() + " ms after JVM start");
        }
    }

    /** Records a milestone (when measuring). */
    public static synchronized void mark(String what) {
        if (enabled()) {
            marks.add(what + " " + sinceJvmStart());
        }
    }

    /**
     * The line printed at the first frame: the total first, then every milestone, then the CPU
     * time the process has used (all threads), which depends less on the machine's load.
     */
    public static synchronized String firstFrame() {
        long total = sinceJvmStart();
        return String.format(Locale.ROOT, "seuil startup: first frame %d ms after JVM start (%s, first pulse %d; CPU %d ms)",
                total, String.join(", ", marks), total, processCpuMillis());
    }

    private static long processCpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }
}
