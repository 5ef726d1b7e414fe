package dev.fluxo.pipeline.decode;

import dev.fluxo.pipeline.change.CustomerChange;

import java.util.Objects;

/** What decoding one record gave: a change, a record to ignore, or a failure to dead-letter. Never an exception. */
public sealed interface DecodeResult {

    /** The record decoded to a change. */
    record Decoded(CustomerChange change) implements DecodeResult {
        public Decoded {
            Objects.requireNonNull(change, "change");
        }
    }

    /**
     * The record carries no change and is deliberately skipped, e.g. the tombstone Debezium sends after a delete for log
     * compaction, or a DMS control record. Counted as ignored in the batch report.
     */
    record Ignored(String reason) implements DecodeResult {
        public static final String TOMBSTONE = "tombstone";

        public Ignored {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The record could not be decoded; it goes to the dead-letter table with the reason and its bytes, unchanged. */
    record DecodeFailure(String reason, byte[] raw) implements DecodeResult {
        public DecodeFailure {
            Objects.requireNonNull(reason, "reason");
            raw = raw == null ? new byte[0] : raw;
        }

        @Override
        public String toString() {
            return "DecodeFailure[" + reason + ", " + raw.length + " bytes]";
        }
    }
}
