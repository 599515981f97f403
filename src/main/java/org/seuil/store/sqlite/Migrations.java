package org.seuil.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.seuil.store.StoreException;

/**
 * The numbered schema migrations in {@code migrations/V<n>__<what>.sql}. A store records the last
 * one applied in {@code PRAGMA user_version}; opening applies the missing ones, all in one
 * transaction, and refuses a store written by a newer Seuil without touching it.
 */
final class Migrations {
    /** In order; V(n) is at index n-1. A test checks this list against the resource folder. */
    static final List<String> FILES = List.of("V1__places_reports_outbox.sql", "V2__sync.sql", "V3__audit_campaigns.sql",
            "V4__reports_rowid.sql");

    /** {@code PRAGMA application_id} of a Seuil store ("SEUL"), so other SQLite files are recognised. */
    static final int APPLICATION_ID = 0x5345554C;

    private Migrations() {
    }

    static int latest() {
        return FILES.size();
    }

    /**
     * Checks that the file is a store this version can open and returns its schema version.
     * Only reads: a refused file is left exactly as it was.
     */
    static int check(Session session, Path file) {
        int version;
        long applicationId;
        long tables;
        try {
            version = (int) session.queryLong("PRAGMA user_version");
            applicationId = session.queryLong("PRAGMA application_id");
            tables = session.queryLong("SELECT count(*) FROM sqlite_schema");
        } catch (SQLException e) {
            if (e.getErrorCode() == 26) { // SQLITE_NOTADB
                throw new StoreException(file + " is not a Seuil store: it is not an SQLite database", e);
            }
            throw new StoreException(file + " cannot be read as a Seuil store: " + e.getMessage(), e);
        }
        boolean empty = version == 0 && tables == 0;
        if (!empty && applicationId != APPLICATION_ID) {
            throw new StoreException(file + " is an SQLite database of another program, not a Seuil store");
        }
        if (version > latest()) {
            throw new StoreException(file + " was written by a newer Seuil (schema " + version
                    + ", this version knows up to " + latest() + "); update Seuil");
        }
        return version;
    }

    /** Applies the migrations after {@code from}, in one transaction. */
    static void migrate(Session session, Path file, int from) throws SQLException {
        if (from >= latest()) {
            return;
        }
        session.execute("BEGIN IMMEDIATE");
        try {
            // Another process may have migrated between our check and our lock.
            int current = (int) session.queryLong("PRAGMA user_version");
            for (int version = current + 1; version <= latest(); version++) {
                for (String statement : statements(load(version))) {
                    session.execute(statement);
                }
            }
            session.execute("PRAGMA application_id = " + APPLICATION_ID);
            session.execute("PRAGMA user_version = " + latest());
            session.execute("COMMIT");
        } catch (SQLException | RuntimeException e) {
            session.execute("ROLLBACK");
            throw new StoreException("could not upgrade " + file + " to schema " + latest() + ": " + e.getMessage(), e);
        }
    }

    static String load(int version) {
        String name = "migrations/" + FILES.get(version - 1);
        try (InputStream in = Migrations.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("migration " + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration " + name, e);
        }
    }

    /**
     * Splits a migration into statements. The rule for migration files: a statement ends with
     * {@code ;} at the end of a line, and {@code --} comments take whole lines.
     */
    static List<String> statements(String script) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                result.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            result.add(current.toString().strip());
        }
        return result;
    }
}
