package dev.fluxo.local.sql;

import dev.fluxo.local.service.GoldJob;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Queries a running Trino over JDBC with catalog {@value GoldJob#CATALOG_NAME} as the session's default, so the
 * named queries' {@code gold.customers} resolves as in Athena's workgroup.
 */
public final class TrinoClient implements SqlEngine {
    static final String DESCRIPTION = "Trino " + TrinoDistribution.VERSION;
    static final String USER = "fluxo";

    private final int port;

    public TrinoClient(int port) {
        this.port = port;
    }

    @Override
    public String description() {
        return DESCRIPTION;
    }

    @Override
    public QueryResult query(String sql) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", USER);
        try (Connection c = DriverManager.getConnection("jdbc:trino://127.0.0.1:" + port + "/"
                + GoldJob.CATALOG_NAME, props); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return read(rs);
        }
    }

    /** Columns and rows of a JDBC result set, as text. */
    static QueryResult read(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> columns = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            columns.add(md.getColumnLabel(i));
        }
        List<List<String>> rows = new ArrayList<>();
        while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= columns.size(); i++) {
                Object v = rs.getObject(i);
                row.add(v == null ? null : v.toString());
            }
            rows.add(row);
        }
        return new QueryResult(columns, rows);
    }

    @Override
    public void close() {
    }
}
