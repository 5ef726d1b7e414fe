package dev.fluxo.producer.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Creates what CDC needs if it is missing: the table {@code public.customers}, its {@code REPLICA IDENTITY FULL}
 * (deletes carry the old row) and the publication for it. Idempotent, and safe when several producers start
 * at once: the checks and changes run in one transaction under a transaction-level advisory lock.
 */
public final class SchemaBootstrap {
    /** The publication's default name. */
    public static final String DEFAULT_PUBLICATION = "fluxo_customers";
    /** The advisory lock that serialises concurrent bootstraps (any constant unique to this use). */
    static final long LOCK_KEY = 0x666c75786f_01L;

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String publication;

    /** Bootstrap with the publication {@value #DEFAULT_PUBLICATION}. */
    public SchemaBootstrap() {
        this(DEFAULT_PUBLICATION);
    }

    /** @param publication the publication's name: lower case letters, digits and underscores */
    public SchemaBootstrap(String publication) {
        if (publication == null || !IDENTIFIER.matcher(publication).matches()) {
            throw new IllegalArgumentException("publication name '" + publication
                    + "' must be lower case letters, digits or _ (at most 63), starting with a letter or _");
        }
        this.publication = publication;
    }

    /** The publication this bootstrap ensures. */
    public String publication() {
        return publication;
    }

    /** Makes sure the table, its replica identity and the publication exist; commits what it changed. */
    public BootstrapResult ensure(Connection connection) throws SQLException {
        return Transaction.run(connection, () -> {
            try (Statement s = connection.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
                boolean createdTable = queryBoolean(connection, "SELECT to_regclass(?) IS NULL", CustomerTable.NAME);
                if (createdTable) {
                    s.execute(CustomerTable.createTableSql());
                }
                boolean setIdentity = queryBoolean(connection,
                        "SELECT relreplident <> 'f' FROM pg_class WHERE oid = to_regclass(?)", CustomerTable.NAME);
                if (setIdentity) {
                    s.execute("ALTER TABLE " + CustomerTable.NAME + " REPLICA IDENTITY FULL");
                }
                boolean createdPublication = !queryBoolean(connection,
                        "SELECT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = ?)", publication);
                boolean added = false;
                if (createdPublication) {
                    s.execute("CREATE PUBLICATION " + publication + " FOR TABLE " + CustomerTable.NAME);
                } else if (!publishesTable(connection)) {
                    s.execute("ALTER PUBLICATION " + publication + " ADD TABLE " + CustomerTable.NAME);
                    added = true;
                }
                return new BootstrapResult(createdTable, setIdentity, createdPublication, added);
            }
        });
    }

    private boolean publishesTable(Connection connection) throws SQLException {
        String[] parts = CustomerTable.NAME.split("\\.");
        try (PreparedStatement ps = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_publication_tables"
                + " WHERE pubname = ? AND schemaname = ? AND tablename = ?)")) {
            ps.setString(1, publication);
            ps.setString(2, parts[0]);
            ps.setString(3, parts[1]);
            return single(ps);
        }
    }

    private static boolean queryBoolean(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, parameter);
            return single(ps);
        }
    }

    private static boolean single(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
