package dev.fluxo.schema;


import java.util.List;

/**
 * The questions the lakehouse answers out of the box, as SQL that runs unchanged on Athena engine v3 and on
 * Trino (the local target): standard SQL only ({@code GROUP BY}, {@code ORDER BY}, {@code LIMIT},
 * {@code INTERVAL '1' DAY}, {@code current_timestamp}). Table and column names come from the schema module,
 * so renaming a column there renames it here.
 *
 * <p>Each query renders for a database naming: {@link NamedQuery#sql()} gives {@code gold.customers} (the
 * schema's names, as the local Iceberg catalog uses them); the {@code Lakehouse} component passes its Glue
 * database names (e.g. {@code fluxo_dev_gold.customers}). This class and {@link NamedQuery} depend only on
 * {@code fluxo-schema} and the JDK, so the data plane can share them without pulling in Pulumi.
 */
public final class NamedQueries {

    public static final NamedQuery CUSTOMERS_BY_PROFISSAO = new NamedQuery("customers-by-profissao-and-sexo",
            "Customers per profissao and sexo, from the aggregate the streaming job maintains",
            Layer.GOLD,
            "SELECT " + CustomerColumns.PROFISSAO.name() + ", " + CustomerColumns.SEXO.name() + ", customers\n"
                    + "FROM " + ref(LakehouseTables.GOLD_CUSTOMERS_BY_PROFISSAO) + "\n"
                    + "ORDER BY customers DESC, profissao, sexo");

    public static final NamedQuery CUSTOMERS_BY_PROFISSAO_CHECK = new NamedQuery(
            "customers-by-profissao-and-sexo-check",
            "Customers per profissao and sexo counted straight from gold.customers: must equal the aggregate",
            Layer.GOLD,
            "SELECT profissao, sexo, count(*) AS customers\n"
                    + "FROM " + ref(LakehouseTables.GOLD_CUSTOMERS) + "\n"
                    + "GROUP BY profissao, sexo\n"
                    + "ORDER BY customers DESC, profissao, sexo");

    public static final NamedQuery LATEST_CHANGES = new NamedQuery("latest-50-changes",
            "The 50 most recent validated changes to public.customers",
            Layer.SILVER,
            "SELECT " + CustomerColumns.ID.name() + ", " + ChangeColumns.OP.name() + ", " + CustomerColumns.NOME.name()
                    + ", " + CustomerColumns.PROFISSAO.name() + ", " + ChangeColumns.SOURCE_POSITION.name() + ", "
                    + ChangeColumns.COMMIT_TIME.name() + ", " + ChangeColumns.INGESTED_AT.name() + "\n"
                    + "FROM " + ref(LakehouseTables.SILVER_CUSTOMERS_CHANGES) + "\n"
                    + "ORDER BY " + ChangeColumns.COMMIT_TIME.name() + " DESC, " + ChangeColumns.SOURCE_POSITION.name()
                    + " DESC\n"
                    + "LIMIT 50");

    public static final NamedQuery GOLD_FRESHNESS = new NamedQuery("gold-freshness",
            "How far gold.customers lags behind now: now minus the newest commit_time merged",
            Layer.GOLD,
            "SELECT max(" + ChangeColumns.COMMIT_TIME.name() + ") AS newest_commit_time,\n"
                    + "       current_timestamp - max(" + ChangeColumns.COMMIT_TIME.name() + ") AS lag\n"
                    + "FROM " + ref(LakehouseTables.GOLD_CUSTOMERS));

    public static final NamedQuery DEAD_LETTER_REASONS = new NamedQuery("dead-letter-reasons-last-day",
            "Why records were rejected in the last 24 hours, by stage and reason",
            Layer.BRONZE,
            "SELECT stage, reason, count(*) AS records, max(received_at) AS last_seen\n"
                    + "FROM " + ref(LakehouseTables.BRONZE_CUSTOMERS_DEAD_LETTER) + "\n"
                    + "WHERE received_at > current_timestamp - INTERVAL '1' DAY\n"
                    + "GROUP BY stage, reason\n"
                    + "ORDER BY records DESC");

    /** Every named query, in the order the component registers them. */
    public static final List<NamedQuery> ALL = List.of(CUSTOMERS_BY_PROFISSAO, CUSTOMERS_BY_PROFISSAO_CHECK,
            LATEST_CHANGES, GOLD_FRESHNESS, DEAD_LETTER_REASONS);

    private NamedQueries() {
    }

    private static String ref(TableDefinition table) {
        return NamedQuery.placeholder(table.layer()) + "." + table.name();
    }
}
