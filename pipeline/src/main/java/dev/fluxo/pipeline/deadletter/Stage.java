package dev.fluxo.pipeline.deadletter;

import java.util.Locale;

/** Where a record was rejected; stored in the dead-letter table's {@code stage} column. */
public enum Stage {
    /** The bytes could not be read as a change. The record is not in bronze. */
    DECODE,
    /** The change was read (and is in bronze) but silver may not store it. */
    VALIDATE;

    /** The value of the {@code stage} column: {@code decode} or {@code validate}. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
