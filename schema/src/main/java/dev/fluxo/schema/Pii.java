package dev.fluxo.schema;

/** How a column that identifies a person is treated on its way from bronze to silver. */
public enum Pii {
    /** Not personal data. */
    NONE,
    /** Personal data kept as is where the table policy allows it (e.g. {@code nome}). */
    KEEP_IF_ALLOWED,
    /** Replaced by a keyed hash (HMAC-SHA256) so joins still work but the value cannot be read back. */
    KEYED_HASH
}
