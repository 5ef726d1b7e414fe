package dev.fluxo.producer.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new JDBC connection to the source database; e.g. {@code dataSource::getConnection}. */
@FunctionalInterface
public interface ConnectionSource {
    /** A new connection the caller closes. */
    Connection open() throws SQLException;
}
