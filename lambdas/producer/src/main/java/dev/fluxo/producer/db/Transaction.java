package dev.fluxo.producer.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Runs work as one transaction: commit on success, rollback on any error, auto-commit restored either way. */
final class Transaction {
    /** Work on the connection, inside the transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    private Transaction() {
    }

    static <T> T run(Connection connection, Work<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
