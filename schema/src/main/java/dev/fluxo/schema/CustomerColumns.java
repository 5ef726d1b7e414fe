package dev.fluxo.schema;

import java.util.List;

/**
 * The source table {@code public.customers} as the producer writes it and CDC reads it. Column names are the
 * source's own (Portuguese); the PII policy says how silver protects each one.
 */
public final class CustomerColumns {
    /** The source table, as {@code schema.table}. */
    public static final String SOURCE_TABLE = "public.customers";

    public static final Column ID = Column.required("id", ColumnType.LONG, "Customer id, the source primary key");
    public static final Column NOME = Column.optional("nome", ColumnType.STRING, "Full name").withPii(Pii.KEEP_IF_ALLOWED);
    public static final Column SEXO = Column.optional("sexo", ColumnType.STRING, "M or F");
    public static final Column ENDERECO = Column.optional("endereco", ColumnType.STRING, "Postal address");
    public static final Column TELEFONE = Column.optional("telefone", ColumnType.STRING, "Phone number").withPii(Pii.KEYED_HASH);
    public static final Column EMAIL = Column.optional("email", ColumnType.STRING, "E-mail address").withPii(Pii.KEYED_HASH);
    public static final Column FOTO = Column.optional("foto", ColumnType.STRING, "Picture URL");
    public static final Column PROFISSAO = Column.optional("profissao", ColumnType.STRING, "Occupation");
    public static final Column DT_UPDATE = Column.optional("dt_update", ColumnType.TIMESTAMP, "Last update in the source, UTC");

    /** All source columns in source order. */
    public static final List<Column> ALL = List.of(ID, NOME, SEXO, ENDERECO, TELEFONE, EMAIL, FOTO, PROFISSAO, DT_UPDATE);

    private CustomerColumns() {
    }
}
