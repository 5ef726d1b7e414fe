package dev.fluxo.jobs.merge;

import dev.fluxo.schema.ChangeColumns;
import dev.fluxo.schema.CustomerColumns;
import dev.fluxo.schema.LakehouseTables;
import org.apache.spark.sql.Column;

import java.util.List;
import java.util.Set;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

/**
 * Which silver changes the merge can apply. A change it cannot apply is skipped and counted under its reason; it never
 * stops the query.
 */
public final class ChangeRules {
    /** Customer record schema versions the merge understands. */
    public static final Set<Integer> SUPPORTED_SCHEMA_VERSIONS = Set.of(LakehouseTables.CUSTOMER_SCHEMA_VERSION);
    /** Debezium's operation letters: create, update, delete, snapshot read. */
    public static final List<String> OPS = List.of("c", "u", "d", "r");
    /** The delete operation. */
    public static final String DELETE = "d";

    static final String ID = CustomerColumns.ID.name();
    static final String OP = ChangeColumns.OP.name();
    static final String POSITION = ChangeColumns.SOURCE_POSITION.name();
    static final String COMMIT_TIME = ChangeColumns.COMMIT_TIME.name();
    static final String SCHEMA_VERSION = ChangeColumns.SCHEMA_VERSION.name();

    private ChangeRules() {
    }

    /** The reason a change cannot be applied, or null when it can. The first failing rule wins. */
    public static Column invalidReason() {
        Column version = col(SCHEMA_VERSION);
        return when(col(ID).isNull(), lit("null id"))
                .when(version.isNull(), lit("null schema_version"))
                .when(version.isin(SUPPORTED_SCHEMA_VERSIONS.toArray()).unary_$bang(),
                        concat(lit("unsupported schema_version "), version.cast("string")))
                .when(col(OP).isNull().or(col(OP).isin(OPS.toArray()).unary_$bang()),
                        concat(lit("unsupported op "), coalesce(col(OP), lit("null"))))
                .when(col(POSITION).isNull(), lit("null source_position"))
                .when(col(COMMIT_TIME).isNull(), lit("null commit_time"));
    }
}
