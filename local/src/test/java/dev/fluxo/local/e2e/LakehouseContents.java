package dev.fluxo.local.e2e;

import dev.fluxo.local.LakehouseConfig;
import dev.fluxo.local.LocalLayout;
import dev.fluxo.local.service.SourceDatabase;
import dev.fluxo.pipeline.mask.KeyedHash;
import dev.fluxo.pipeline.write.CatalogFactory;
import dev.fluxo.pipeline.write.CatalogSettings;
import dev.fluxo.pipeline.write.IcebergTables;
import dev.fluxo.schema.CustomerColumns;
import dev.fluxo.schema.LakehouseTables;
import dev.fluxo.schema.TableDefinition;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Both sides of the end-to-end comparison, as comparable text: PostgreSQL's {@code public.customers} with silver's
 * masking applied (email and telefone as {@link KeyedHash} hashes with the state directory's key), and
 * {@code gold.customers} read through the Iceberg Java API.
 */
final class LakehouseContents implements AutoCloseable {
    private final int pgPort;
    private final Catalog catalog;
    private final KeyedHash hash;

    LakehouseContents(LocalLayout layout, int pgPort, String s3Endpoint) {
        this.pgPort = pgPort;
        this.catalog = CatalogFactory.create(CatalogSettings.from(LakehouseConfig.pipelineProperties(pgPort,
                s3Endpoint)));
        this.hash = new KeyedHash(LakehouseConfig.maskingKey(layout));
    }

    /** id → the customer's columns in {@link CustomerColumns#ALL} order, masked as silver masks them. */
    Map<Long, List<String>> postgresCustomers() throws Exception {
        Map<Long, List<String>> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(SourceDatabase.jdbcUrl(pgPort, SourceDatabase.SOURCE_DATABASE),
                SourceDatabase.USER, SourceDatabase.PASSWORD); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, nome, sexo, endereco, telefone, email, foto, profissao, "
                     + "dt_update FROM public.customers")) {
            while (rs.next()) {
                rows.put(rs.getLong("id"), List.of(
                        String.valueOf(rs.getLong("id")), text(rs.getString("nome")), text(rs.getString("sexo")),
                        text(rs.getString("endereco")), text(hash.hash(rs.getString("telefone"))),
                        text(hash.hash(rs.getString("email"))), text(rs.getString("foto")),
                        text(rs.getString("profissao")),
                        instant(rs.getObject("dt_update", LocalDateTime.class))));
            }
        }
        return rows;
    }

    /** id → the same columns from {@code gold.customers}. */
    Map<Long, List<String>> goldCustomers() throws Exception {
        Map<Long, List<String>> rows = new TreeMap<>();
        for (Record r : read(LakehouseTables.GOLD_CUSTOMERS)) {
            List<String> values = new ArrayList<>();
            for (var column : CustomerColumns.ALL) {
                Object v = r.getField(column.name());
                values.add(v instanceof OffsetDateTime t ? t.toInstant().toString() : text(Objects.toString(v, null)));
            }
            rows.put((Long) r.getField("id"), values);
        }
        return rows;
    }

    /** "profissao|sexo" → customers, from PostgreSQL. */
    Map<String, Long> postgresByProfissao() throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(SourceDatabase.jdbcUrl(pgPort, SourceDatabase.SOURCE_DATABASE),
                SourceDatabase.USER, SourceDatabase.PASSWORD); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT profissao, sexo, count(*) FROM public.customers GROUP BY 1, 2")) {
            while (rs.next()) {
                counts.put(rs.getString(1) + "|" + rs.getString(2), rs.getLong(3));
            }
        }
        return counts;
    }

    /** "profissao|sexo" → customers, from {@code gold.customers_by_profissao}. */
    Map<String, Long> goldByProfissao() throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        for (Record r : read(LakehouseTables.GOLD_CUSTOMERS_BY_PROFISSAO)) {
            counts.put(r.getField("profissao") + "|" + r.getField("sexo"), (Long) r.getField("customers"));
        }
        return counts;
    }

    List<Record> read(TableDefinition definition) throws Exception {
        Table table = catalog.loadTable(IcebergTables.identifier(definition));
        table.refresh();
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<Record> it = IcebergGenerics.read(table).build()) {
            it.forEach(r -> rows.add(r.copy()));
        }
        return rows;
    }

    /** Ids whose rows differ between the two sides (missing on one side included), at most {@code limit}. */
    static List<String> differences(Map<Long, List<String>> expected, Map<Long, List<String>> actual, int limit) {
        List<String> diffs = new ArrayList<>();
        var ids = new java.util.TreeSet<>(expected.keySet());
        ids.addAll(actual.keySet());
        for (Long id : ids) {
            if (!Objects.equals(expected.get(id), actual.get(id)) && diffs.size() < limit) {
                diffs.add("id " + id + ": postgres " + expected.get(id) + " gold " + actual.get(id));
            }
        }
        return diffs;
    }

    private static String text(String s) {
        return s == null ? "<null>" : s;
    }

    private static String instant(LocalDateTime t) {
        return t == null ? "<null>" : t.toInstant(ZoneOffset.UTC).toString();
    }

    @Override
    public void close() throws Exception {
        if (catalog instanceof AutoCloseable c) {
            c.close();
        }
    }
}
