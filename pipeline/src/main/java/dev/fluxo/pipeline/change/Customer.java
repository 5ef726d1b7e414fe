package dev.fluxo.pipeline.change;

import dev.fluxo.schema.Column;
import dev.fluxo.schema.CustomerColumns;

import java.time.Instant;
import java.util.Objects;

/**
 * One image of a {@code public.customers} row. Components follow {@link CustomerColumns#ALL} in order, so code that is
 * driven by the schema (masking, Iceberg rows) can walk {@link #values()} beside the column list.
 *
 * @param id        the primary key; {@code null} only when a malformed source left it out (validation rejects that)
 * @param dtUpdate  {@code dt_update}, an instant in UTC
 */
public record Customer(Long id, String nome, String sexo, String endereco, String telefone, String email, String foto,
                       String profissao, Instant dtUpdate) {

    /** The values in {@link CustomerColumns#ALL} order. */
    public Object[] values() {
        return new Object[] {id, nome, sexo, endereco, telefone, email, foto, profissao, dtUpdate};
    }

    /** The value of one source column. */
    public Object value(Column column) {
        int index = CustomerColumns.ALL.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException(column.name() + " is not a column of " + CustomerColumns.SOURCE_TABLE);
        }
        return values()[index];
    }

    /** Builds a row from values in {@link CustomerColumns#ALL} order (the inverse of {@link #values()}). */
    public static Customer fromValues(Object[] v) {
        Objects.requireNonNull(v, "values");
        if (v.length != CustomerColumns.ALL.size()) {
            throw new IllegalArgumentException("expected " + CustomerColumns.ALL.size() + " values, got " + v.length);
        }
        return new Customer((Long) v[0], (String) v[1], (String) v[2], (String) v[3], (String) v[4], (String) v[5],
                (String) v[6], (String) v[7], (Instant) v[8]);
    }

    /** A row that only knows its key, as a delete without a full before image carries it. */
    public static Customer keyOnly(long id) {
        return new Customer(id, null, null, null, null, null, null, null, null);
    }
}
