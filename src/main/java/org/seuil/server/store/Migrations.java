package org.seuil.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Numbered SQL migrations ({@code migrations/NNN-name.sql}), applied in order in one transaction
 * each and recorded in {@code schema_version}. A database newer than this build is refused, never
 * silently used.
 */
final class Migrations {
    static final List<String> FILES = List.of("001-schema.sql", "002-campaigns.sql", "003-moderation.sql");

    private Migrations() {
    }

    /** @param lockSql a statement that serializes concurrent migrators (several instances starting at once), or null */
    static void apply(Connection c, String blobType, String lockSql) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            if (lockSql != null) {
                s.execute(lockSql);
            }
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
            int current = 0;
            try (ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
                if (rs.next()) {
                    current = rs.getInt(1);
                }
            }
            if (current > FILES.size()) {
                throw new SQLException("the server database is at schema version " + current
                        + " but this build knows only up to " + FILES.size() + "; use a newer seuil");
            }
            for (int v = current + 1; v <= FILES.size(); v++) {
                for (String statement : statements(FILES.get(v - 1), blobType)) {
                    s.execute(statement);
                }
                s.execute("INSERT INTO schema_version (version) VALUES (" + v + ")");
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static List<String> statements(String file, String blobType) {
        String sql;
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + file)) {
            if (in == null) {
                throw new IllegalStateException("migration " + file + " is missing from the build");
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder withoutComments = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.strip().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        List<String> result = new ArrayList<>();
        for (String statement : withoutComments.toString().replace("${BLOB}", blobType).split(";")) {
            if (!statement.isBlank()) {
                result.add(statement.strip());
            }
        }
        return result;
    }
}
