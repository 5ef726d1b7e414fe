package dev.fluxo.producer.db;

import dev.fluxo.producer.change.ChangeBatch;
import dev.fluxo.producer.change.ProducedBatch;
import dev.fluxo.producer.customer.Customer;
import dev.fluxo.producer.customer.CustomerUpdate;
import dev.fluxo.schema.CustomerColumns;
import org.postgresql.PGConnection;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies a {@link ChangeBatch} to {@code public.customers} in one transaction: ids for new rows are reserved from
 * the table's sequence in one round trip, inserts go through {@code COPY}, updates and deletes are JDBC batches.
 * Every row written gets the same {@code dt_update}, the batch's time in UTC.
 */
public final class CustomerWriter {
    private static final String UPDATE_SQL = "UPDATE " + CustomerTable.NAME + " SET "
            + CustomerColumns.ENDERECO.name() + " = ?, " + CustomerColumns.TELEFONE.name() + " = ?, "
            + CustomerColumns.PROFISSAO.name() + " = ?, " + CustomerColumns.DT_UPDATE.name() + " = ? WHERE "
            + CustomerColumns.ID.name() + " = ?";
    private static final String DELETE_SQL = "DELETE FROM " + CustomerTable.NAME + " WHERE "
            + CustomerColumns.ID.name() + " = ?";
    private static final String COPY_SQL = "COPY " + CustomerTable.NAME + " (" + CustomerTable.columnList()
            + ") FROM STDIN";
    private static final String RESERVE_IDS_SQL = "SELECT nextval(pg_get_serial_sequence(?, ?)) FROM generate_series(1, ?)";

    private final Clock clock;

    /** A writer stamping rows with the system clock. */
    public CustomerWriter() {
        this(Clock.systemUTC());
    }

    /** A writer stamping rows with {@code clock}'s time. */
    public CustomerWriter(Clock clock) {
        this.clock = clock;
    }

    /**
     * Writes the batch and commits; on any error rolls back and rethrows, leaving the connection's auto-commit
     * setting as it was.
     */
    public ProducedBatch apply(Connection connection, ChangeBatch batch) throws SQLException {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDateTime dtUpdate = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        return Transaction.run(connection, () -> {
            List<Long> inserted = insert(connection, batch.inserts(), dtUpdate);
            List<Long> updated = update(connection, batch.updates(), dtUpdate);
            List<Long> deleted = delete(connection, batch.deletes());
            return new ProducedBatch(inserted, updated, deleted, at);
        });
    }

    private static List<Long> insert(Connection connection, List<Customer> customers, LocalDateTime dtUpdate)
            throws SQLException {
        if (customers.isEmpty()) {
            return List.of();
        }
        List<Long> ids = reserveIds(connection, customers.size());
        String ts = dtUpdate.toString();
        StringBuilder rows = new StringBuilder(customers.size() * 256);
        for (int i = 0; i < customers.size(); i++) {
            Customer c = customers.get(i);
            rows.append(ids.get(i));
            field(rows, c.nome());
            field(rows, c.sexo().code());
            field(rows, c.endereco());
            field(rows, c.telefone());
            field(rows, c.email());
            field(rows, c.foto());
            field(rows, c.profissao());
            field(rows, ts);
            rows.append('\n');
        }
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_SQL, new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new SQLException("COPY into " + CustomerTable.NAME + " failed: " + e.getMessage(), e);
        }
        return ids;
    }

    private static List<Long> reserveIds(Connection connection, int count) throws SQLException {
        List<Long> ids = new ArrayList<>(count);
        try (PreparedStatement ps = connection.prepareStatement(RESERVE_IDS_SQL)) {
            ps.setString(1, CustomerTable.NAME);
            ps.setString(2, CustomerColumns.ID.name());
            ps.setInt(3, count);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    if (rs.wasNull()) {
                        throw new SQLException("cannot reserve ids: " + CustomerTable.NAME + "."
                                + CustomerColumns.ID.name() + " must be an identity column (the schema bootstrap"
                                + " creates it so)");
                    }
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private static List<Long> update(Connection connection, Map<Long, CustomerUpdate> updates, LocalDateTime dtUpdate)
            throws SQLException {
        if (updates.isEmpty()) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>(updates.keySet());
        try (PreparedStatement ps = connection.prepareStatement(UPDATE_SQL)) {
            Timestamp ts = Timestamp.valueOf(dtUpdate);
            for (Long id : ids) {
                CustomerUpdate u = updates.get(id);
                ps.setString(1, u.endereco());
                ps.setString(2, u.telefone());
                ps.setString(3, u.profissao());
                ps.setTimestamp(4, ts);
                ps.setLong(5, id);
                ps.addBatch();
            }
            return changed(ids, ps.executeBatch());
        }
    }

    private static List<Long> delete(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement ps = connection.prepareStatement(DELETE_SQL)) {
            for (Long id : ids) {
                ps.setLong(1, id);
                ps.addBatch();
            }
            return changed(ids, ps.executeBatch());
        }
    }

    /** The ids whose statement changed a row: another writer may have deleted some in the meantime. */
    private static List<Long> changed(List<Long> ids, int[] counts) {
        List<Long> changed = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            if (counts[i] > 0) {
                changed.add(ids.get(i));
            }
        }
        return changed;
    }

    /** Appends a tab and the value in COPY text format. */
    private static void field(StringBuilder out, String value) {
        out.append('\t');
        if (value == null) {
            out.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }
}
