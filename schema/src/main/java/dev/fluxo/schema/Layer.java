package dev.fluxo.schema;

/** The medallion layers; each is one bucket and one Glue database. */
public enum Layer {
    /** Raw change envelopes as received, append only. */
    BRONZE,
    /** Validated, typed and masked changes, append only. */
    SILVER,
    /** Current state and aggregates, merged by the streaming job. */
    GOLD;

    /** The Glue database / Iceberg namespace name. */
    public String database() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The database / namespace name with an environment prefix, e.g. {@code fluxo_dev_} + {@code gold}. */
    public String database(String prefix) {
        return prefix + database();
    }
}
