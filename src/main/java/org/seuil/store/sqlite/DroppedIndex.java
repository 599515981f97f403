package org.seuil.store.sqlite;

import java.sql.SQLException;

/**
 * An index dropped for a bulk import into an empty table and created again from the finished
 * table: one sort instead of a B-tree insert per row. Its definition is read from
 * {@code sqlite_schema}, so it follows the migrations. Being DDL inside the import's transaction,
 * a rollback or a crash brings the index back as it was.
 */
final class DroppedIndex {
    private final Session session;
    /** The index's CREATE statement while it is dropped, else null. */
    private String definition;

    private DroppedIndex(Session session, String definition) {
        this.session = session;
        this.definition = definition;
    }

    /** Drops the index {@code name} if the store has it. */
    static DroppedIndex drop(Session session, String name) throws SQLException {
        String definition = session.queryText("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = '" + name + "'");
        if (definition != null) {
            session.execute("DROP INDEX \"" + name + "\"");
        }
        return new DroppedIndex(session, definition);
    }

    /** Creates the index again; does nothing when it is already back. */
    void restore() throws SQLException {
        if (definition != null) {
            session.execute(definition);
            definition = null;
        }
    }
}
