package dev.fluxo.jobs.support;

import dev.fluxo.jobs.table.GoldTables;
import dev.fluxo.schema.ChangeColumns;
import dev.fluxo.schema.CustomerColumns;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One silver change for tests. Its content tells which change won: {@code nome} is {@code "n<id>@<position>"}.
 * {@code commit_time} is {@link #EPOCH} plus the position in seconds unless given.
 */
public record Change(Long id, String op, long position, String profissao, String sexo, Integer schemaVersion,
                     Instant commitTime) {
    public static final Instant EPOCH = Instant.parse("2026-11-01T00:00:00Z");

    public static Change of(long id, String op, long position, String profissao, String sexo) {
        return new Change(id, op, position, profissao, sexo, 1, EPOCH.plusSeconds(position));
    }

    public Change withSchemaVersion(Integer version) {
        return new Change(id, op, position, profissao, sexo, version, commitTime);
    }

    public Change withId(Long newId) {
        return new Change(newId, op, position, profissao, sexo, schemaVersion, commitTime);
    }

    public Change committedAt(Instant time) {
        return new Change(id, op, position, profissao, sexo, schemaVersion, time);
    }

    public String sourcePosition() {
        return String.format("%020d", position);
    }

    public String nome() {
        return "n" + id + "@" + position;
    }

    /** The change as a silver row, in the silver definition's column order. */
    public Row toSilverRow() {
        Map<String, Object> v = new HashMap<>();
        v.put(CustomerColumns.ID.name(), id);
        v.put(CustomerColumns.NOME.name(), nome());
        v.put(CustomerColumns.SEXO.name(), sexo);
        v.put(CustomerColumns.ENDERECO.name(), "Rua " + position);
        v.put(CustomerColumns.TELEFONE.name(), "tel-hash-" + id);
        v.put(CustomerColumns.EMAIL.name(), "mail-hash-" + id);
        v.put(CustomerColumns.FOTO.name(), "https://img/" + id);
        v.put(CustomerColumns.PROFISSAO.name(), profissao);
        v.put(CustomerColumns.DT_UPDATE.name(), Timestamp.from(commitTime));
        v.put(ChangeColumns.OP.name(), op);
        v.put(ChangeColumns.SOURCE_POSITION.name(), sourcePosition());
        v.put(ChangeColumns.SOURCE_TXID.name(), position);
        v.put(ChangeColumns.COMMIT_TIME.name(), Timestamp.from(commitTime));
        v.put(ChangeColumns.INGESTED_AT.name(), Timestamp.from(Instant.now()));
        v.put(ChangeColumns.SCHEMA_VERSION.name(), schemaVersion);
        return RowFactory.create(GoldTables.SILVER_CHANGES.columnNames().stream().map(v::get).toArray());
    }
}
