package dev.fluxo.pipeline.deadletter;

import java.time.Instant;
import java.util.Objects;

/**
 * A record the pipeline rejected: never dropped, stored in {@code bronze.customers_dead_letter} with why, where it came
 * from and its bytes, unchanged, so it can be replayed once the cause is fixed.
 *
 * @param receivedAt  when the pipeline received the batch, UTC
 * @param coordinates where the record was read
 * @param stage       where it was rejected
 * @param reason      why, in one line
 * @param raw         the record value's bytes
 */
public record DeadLetter(Instant receivedAt, String coordinates, Stage stage, String reason, byte[] raw) {
    public DeadLetter {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(coordinates, "coordinates");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(reason, "reason");
        raw = raw == null ? new byte[0] : raw;
    }

    @Override
    public String toString() {
        return "DeadLetter[" + stage.column() + " " + coordinates + ": " + reason + ", " + raw.length + " bytes]";
    }
}
