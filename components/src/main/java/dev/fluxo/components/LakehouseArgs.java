package dev.fluxo.components;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.fluxo.components.validation.Problems;
import dev.fluxo.components.naming.EnvironmentName;
import dev.fluxo.components.naming.ResourceTags;
import dev.fluxo.schema.LakehouseTables;
import dev.fluxo.schema.TableDefinition;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inputs of {@link Lakehouse}. Every option documents its default; the default lives in a {@code DEFAULT_}
 * constant on {@link Lakehouse}.
 */
public class LakehouseArgs extends ResourceArgs implements Cloneable {
    @Import(name = "tags", required = true)
    private Map<String, String> tags;
    @Import(name = "environment", required = true)
    private String environment;
    @Import(name = "allowDataDeletion")
    private Boolean allowDataDeletion;
    @Import(name = "protect")
    private Boolean protect;
    @Import(name = "bronzeInfrequentAccessDays")
    private Integer bronzeInfrequentAccessDays;
    @Import(name = "bronzeGlacierDays")
    private Integer bronzeGlacierDays;
    @Import(name = "noncurrentVersionExpirationDays")
    private Integer noncurrentVersionExpirationDays;
    @Import(name = "accessLogExpirationDays")
    private Integer accessLogExpirationDays;
    @Import(name = "athenaBytesScannedCutoffMb")
    private Long athenaBytesScannedCutoffMb;
    @Import(name = "athenaResultsExpirationDays")
    private Integer athenaResultsExpirationDays;
    @Import(name = "kmsKeyArn")
    private Output<String> kmsKeyArn;
    /**
     * Qualified names ({@code layer.table}) of tables from {@code LakehouseTables.ALL}. Names, not definitions,
     * so the package schema stays simple; the definitions themselves live only in {@code fluxo-schema}.
     */
    @Import(name = "tables")
    private List<String> tables;

    public LakehouseArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from a copy of these arguments (the composition adds its wiring this way). */
    public Builder toBuilder() {
        try {
            return new Builder((LakehouseArgs) clone());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, String> tags() {
        return tags == null ? Map.of() : tags;
    }

    public String environment() {
        return environment;
    }

    public boolean allowDataDeletion() {
        return allowDataDeletion == null ? Lakehouse.DEFAULT_ALLOW_DATA_DELETION : allowDataDeletion;
    }

    public boolean protect() {
        return protect == null ? Lakehouse.DEFAULT_PROTECT : protect;
    }

    public int bronzeInfrequentAccessDays() {
        return bronzeInfrequentAccessDays == null ? Lakehouse.DEFAULT_BRONZE_INFREQUENT_ACCESS_DAYS
                : bronzeInfrequentAccessDays;
    }

    public int bronzeGlacierDays() {
        return bronzeGlacierDays == null ? Lakehouse.DEFAULT_BRONZE_GLACIER_DAYS : bronzeGlacierDays;
    }

    public int noncurrentVersionExpirationDays() {
        return noncurrentVersionExpirationDays == null ? Lakehouse.DEFAULT_NONCURRENT_VERSION_EXPIRATION_DAYS
                : noncurrentVersionExpirationDays;
    }

    public int accessLogExpirationDays() {
        return accessLogExpirationDays == null ? Lakehouse.DEFAULT_ACCESS_LOG_EXPIRATION_DAYS : accessLogExpirationDays;
    }

    public long athenaBytesScannedCutoffMb() {
        return athenaBytesScannedCutoffMb == null ? Lakehouse.DEFAULT_ATHENA_BYTES_SCANNED_CUTOFF_MB
                : athenaBytesScannedCutoffMb;
    }

    /** A key to encrypt with instead of the lakehouse's own (e.g. a stack's shared key). */
    public Optional<Output<String>> kmsKeyArn() {
        return Optional.ofNullable(kmsKeyArn);
    }

    public int athenaResultsExpirationDays() {
        return athenaResultsExpirationDays == null ? Lakehouse.DEFAULT_ATHENA_RESULTS_EXPIRATION_DAYS
                : athenaResultsExpirationDays;
    }

    /** The table definitions to register, resolved from {@code LakehouseTables.ALL} by qualified name. */
    public List<TableDefinition> tables() {
        if (tables == null) {
            return Lakehouse.DEFAULT_TABLES;
        }
        return tables.stream().map(name -> LakehouseTables.ALL.stream()
                .filter(t -> t.qualifiedName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("tables: '" + name + "' is not a table of fluxo-schema's "
                        + "LakehouseTables; known: " + LakehouseTables.ALL.stream().map(TableDefinition::qualifiedName)
                        .toList()))).toList();
    }

    /** Checks every option and lists all problems in one message. */
    public LakehouseArgs validate() {
        long cutoff = athenaBytesScannedCutoffMb();
        new Problems("LakehouseArgs")
                .check("", () -> ResourceTags.require("Lakehouse", tags))
                .check("", () -> EnvironmentName.require("Lakehouse", environment))
                .require(bronzeInfrequentAccessDays() >= Lakehouse.MIN_INFREQUENT_ACCESS_DAYS,
                        () -> "bronzeInfrequentAccessDays must be at least " + Lakehouse.MIN_INFREQUENT_ACCESS_DAYS
                                + " (S3's minimum before STANDARD_IA), was " + bronzeInfrequentAccessDays())
                .require(bronzeGlacierDays() > bronzeInfrequentAccessDays(),
                        () -> "bronzeGlacierDays (" + bronzeGlacierDays() + ") must be after bronzeInfrequentAccessDays ("
                                + bronzeInfrequentAccessDays() + ")")
                .require(noncurrentVersionExpirationDays() >= 1, () -> "noncurrentVersionExpirationDays must be at least 1")
                .require(accessLogExpirationDays() >= 1, () -> "accessLogExpirationDays must be at least 1")
                .require(athenaResultsExpirationDays() >= 1, () -> "athenaResultsExpirationDays must be at least 1")
                .require(cutoff >= Lakehouse.MIN_ATHENA_BYTES_SCANNED_CUTOFF_MB
                                && cutoff <= Lakehouse.MAX_ATHENA_BYTES_SCANNED_CUTOFF_MB,
                        () -> "athenaBytesScannedCutoffMb must be " + Lakehouse.MIN_ATHENA_BYTES_SCANNED_CUTOFF_MB + "-"
                                + Lakehouse.MAX_ATHENA_BYTES_SCANNED_CUTOFF_MB + " (Athena's minimum is 10 MB; the "
                                + "provider types the limit as a 32-bit byte count), was " + cutoff)
                .check("", () -> {
                    var names = tables().stream().map(TableDefinition::qualifiedName).toList();
                    if (names.stream().distinct().count() != names.size()) {
                        throw new IllegalArgumentException("tables lists a table twice: " + names);
                    }
                })
                .throwIfAny();
        return this;
    }

    public static final class Builder {
        private final LakehouseArgs args;

        private Builder() {
            this(new LakehouseArgs());
        }

        private Builder(LakehouseArgs args) {
            this.args = args;
        }

        /** Tags for every resource; must contain environment, project, owner and cost-center. Required. */
        public Builder tags(Map<String, String> tags) {
            args.tags = tags;
            return this;
        }

        /** Environment name used in bucket prefixes and Glue database names (1-10 of a-z, 0-9, '-'). Required. */
        public Builder environment(String environment) {
            args.environment = environment;
            return this;
        }

        /**
         * This component's half of the double opt-in for deleting data; data is deleted only if the stack config
         * {@code fluxo:allowDataDeletion} is also true. Default {@value Lakehouse#DEFAULT_ALLOW_DATA_DELETION}.
         */
        public Builder allowDataDeletion(boolean allow) {
            args.allowDataDeletion = allow;
            return this;
        }

        /**
         * Pulumi {@code protect} on the buckets, key, databases and tables (prod sets true). Default
         * {@value Lakehouse#DEFAULT_PROTECT}.
         */
        public Builder protect(boolean protect) {
            args.protect = protect;
            return this;
        }

        /**
         * Days before bronze objects move to STANDARD_IA (at least 30). Default
         * {@value Lakehouse#DEFAULT_BRONZE_INFREQUENT_ACCESS_DAYS}.
         */
        public Builder bronzeInfrequentAccessDays(int days) {
            args.bronzeInfrequentAccessDays = days;
            return this;
        }

        /**
         * Days before bronze objects move to GLACIER_IR (still millisecond reads). Default
         * {@value Lakehouse#DEFAULT_BRONZE_GLACIER_DAYS}.
         */
        public Builder bronzeGlacierDays(int days) {
            args.bronzeGlacierDays = days;
            return this;
        }

        /**
         * Days a replaced or deleted object version is kept in every layer. Default
         * {@value Lakehouse#DEFAULT_NONCURRENT_VERSION_EXPIRATION_DAYS}.
         */
        public Builder noncurrentVersionExpirationDays(int days) {
            args.noncurrentVersionExpirationDays = days;
            return this;
        }

        /** Days S3 server access logs are kept. Default {@value Lakehouse#DEFAULT_ACCESS_LOG_EXPIRATION_DAYS}. */
        public Builder accessLogExpirationDays(int days) {
            args.accessLogExpirationDays = days;
            return this;
        }

        /**
         * Athena cancels a query of the workgroup that scans more than this many MiB (10-2047). Default
         * {@value Lakehouse#DEFAULT_ATHENA_BYTES_SCANNED_CUTOFF_MB}.
         */
        public Builder athenaBytesScannedCutoffMb(long megabytes) {
            args.athenaBytesScannedCutoffMb = megabytes;
            return this;
        }

        /** Days Athena query results are kept. Default {@value Lakehouse#DEFAULT_ATHENA_RESULTS_EXPIRATION_DAYS}. */
        public Builder athenaResultsExpirationDays(int days) {
            args.athenaResultsExpirationDays = days;
            return this;
        }

        /**
         * Encrypt with this key instead of creating the lakehouse's own (with alias
         * {@code alias/fluxo-<environment>-lakehouse}). Its policy must let this account use it through IAM. Default:
         * a new key.
         */
        public Builder kmsKeyArn(Output<String> keyArn) {
            args.kmsKeyArn = keyArn;
            return this;
        }

        /**
         * The Iceberg tables to register in Glue, chosen from {@code LakehouseTables.ALL} (the data plane writes
         * exactly those; a table defined elsewhere is refused). Default all of them ({@link Lakehouse#DEFAULT_TABLES}).
         */
        public Builder tables(List<TableDefinition> tables) {
            var unknown = tables.stream().filter(t -> !LakehouseTables.ALL.contains(t)).map(TableDefinition::qualifiedName)
                    .toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("tables " + unknown + " are not tables of fluxo-schema's LakehouseTables; "
                        + "add them there so the data plane writes them too");
            }
            args.tables = tables.stream().map(TableDefinition::qualifiedName).toList();
            return this;
        }

        /** Builds and validates the arguments. */
        public LakehouseArgs build() {
            return args.validate();
        }
    }
}
