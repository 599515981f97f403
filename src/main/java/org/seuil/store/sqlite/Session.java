package org.seuil.store.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One SQLite connection and its prepared statements, used by one thread at a time. Statements
 * are prepared once and kept, which matters when an import runs the same insert a million times.
 */
final class Session implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final List<Action> afterTransaction = new ArrayList<>();

    /** Work on the session that may fail with an SQL error. */
    interface Action {
        void run() throws SQLException;
    }

    Session(Connection connection) {
        this.connection = connection;
    }

    /** The connection itself, for registering SQL functions on it. */
    Connection connection() {
        return connection;
    }

    PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /** Runs {@code action} once the current transaction has ended, committed or rolled back. */
    void afterTransaction(Action action) {
        afterTransaction.add(action);
    }

    /**
     * Called by whoever ended the transaction: runs what {@link #afterTransaction} queued, each
     * even if an earlier one failed; the first failure is thrown, the others suppressed in it.
     */
    void transactionEnded() throws SQLException {
        SQLException failure = null;
        for (Action action : afterTransaction) {
            try {
                action.run();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        afterTransaction.clear();
        if (failure != null) {
            throw failure;
        }
    }

    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    long queryLong(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    String queryText(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    @Override
    public void close() {
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // closing anyway: the connection close below releases what is left
            }
        }
        statements.clear();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing useful to do when a connection fails to close
        }
    }
}
