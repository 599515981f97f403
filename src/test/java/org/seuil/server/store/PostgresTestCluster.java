package org.seuil.server.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL for tests: the one {@code .ci/postgres.sh} started (env {@code SEUIL_TEST_PG_URL}),
 * else a throwaway cluster this JVM starts with the same script and stops at exit. Without
 * PostgreSQL the tests fail in CI ({@code CI=true}) and elsewhere skip with a visible message:
 * they never pass without it. Each test gets its own schema.
 */
public final class PostgresTestCluster {
    private static final Pattern EXPORT = Pattern.compile("export (\\w+)='([^']*)'");
    private static String baseUrl;
    private static String unavailable;

    private PostgresTestCluster() {
    }

    /** A JDBC URL of a new, empty schema; fails or skips the calling test when there is no PostgreSQL. */
    public static synchronized String freshSchemaUrl() {
        String url = baseUrl();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test schema on " + url + ": " + e.getMessage(), e);
        }
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static String baseUrl() {
        if (baseUrl == null && unavailable == null) {
            String env = System.getenv("SEUIL_TEST_PG_URL");
            if (env != null && !env.isBlank()) {
                baseUrl = env;
            } else {
                startCluster();
            }
        }
        if (baseUrl == null) {
            String message = "PostgreSQL tests need PostgreSQL: " + unavailable
                    + " (run `eval \"$(bash .ci/postgres.sh)\"` to start one)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(message);
            }
            System.err.println("SKIPPED: " + message);
            Assumptions.abort(message);
        }
        return baseUrl;
    }

    private static void startCluster() {
        Path script = Path.of(".ci/postgres.sh").toAbsolutePath();
        if (!Files.exists(script)) {
            unavailable = script + " is missing";
            return;
        }
        try {
            ProcessBuilder pb = new ProcessBuilder("bash", script.toString());
            pb.environment().put("SEUIL_PG_NO_INSTALL", "1");
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                unavailable = "the script could not start a cluster (exit " + (p.isAlive() ? "timeout" : p.exitValue()) + ")";
                return;
            }
            String url = null;
            String dir = null;
            Matcher m = EXPORT.matcher(out);
            while (m.find()) {
                if (m.group(1).equals("SEUIL_TEST_PG_URL")) {
                    url = m.group(2);
                } else if (m.group(1).equals("SEUIL_TEST_PG_DIR")) {
                    dir = m.group(2);
                }
            }
            if (url == null || dir == null) {
                unavailable = "the script printed no URL";
                return;
            }
            String stopDir = dir;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    new ProcessBuilder("bash", script.toString(), "stop", stopDir).inheritIO().start().waitFor(60, TimeUnit.SECONDS);
                } catch (IOException | InterruptedException e) {
                    System.err.println("could not stop the test PostgreSQL in " + stopDir + ": " + e);
                }
            }));
            baseUrl = url;
        } catch (IOException e) {
            unavailable = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable = "interrupted";
        }
    }
}
