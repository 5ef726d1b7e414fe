package dev.fluxo.local.sql;

/** Runs SQL over the lakehouse: Trino locally (the engine under Athena v3), with the named queries unchanged. */
public interface SqlEngine extends AutoCloseable {
    /** Which engine this is, for the user ({@code Trino 476}). */
    String description();

    /** Runs one statement and returns its rows. */
    QueryResult query(String sql) throws Exception;
}
