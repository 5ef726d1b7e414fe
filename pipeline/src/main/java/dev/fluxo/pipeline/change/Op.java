package dev.fluxo.pipeline.change;

import java.util.Optional;

/** What a change did to the source row, with the letter Debezium (and the {@code op} column) uses for it. */
public enum Op {
    CREATE('c'),
    UPDATE('u'),
    DELETE('d'),
    /** A row read by a snapshot (initial load), not a change made in the source. */
    READ('r');

    private static final Op[] ALL = values();

    private final char letter;
    /** Kept: the writer stores it on every row. */
    private final String text;

    Op(char letter) {
        this.letter = letter;
        this.text = String.valueOf(letter);
    }

    /** The one-letter code stored in the {@code op} column. */
    public String letter() {
        return text;
    }

    /** Whether the change carries the row's new state (an after image). */
    public boolean writesRow() {
        return this != DELETE;
    }

    /** The op for a Debezium letter; empty for anything else (truncate, message, garbage). */
    public static Optional<Op> fromLetter(String code) {
        if (code == null || code.length() != 1) {
            return Optional.empty();
        }
        for (Op op : ALL) {
            if (op.letter == code.charAt(0)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
