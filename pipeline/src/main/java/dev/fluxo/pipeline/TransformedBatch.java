package dev.fluxo.pipeline;

import dev.fluxo.pipeline.change.CustomerChange;
import dev.fluxo.pipeline.deadletter.DeadLetter;
import dev.fluxo.pipeline.deadletter.Stage;
import dev.fluxo.pipeline.write.BronzeRow;

import java.time.Instant;
import java.util.List;

/**
 * A batch after decode, validate and mask, before anything is written: what each table will receive.
 *
 * @param received    records in the batch
 * @param ignored     tombstones and control records
 * @param bronze      decoded changes with their raw bytes
 * @param silver      cleaned, masked changes
 * @param deadLetters rejected records with the reason
 * @param receivedAt  when the batch was received (the {@code ingested_at} and {@code received_at} of its rows)
 */
public record TransformedBatch(int received, int ignored, List<BronzeRow> bronze, List<CustomerChange> silver,
                               List<DeadLetter> deadLetters, Instant receivedAt) {
    public TransformedBatch {
        bronze = List.copyOf(bronze);
        silver = List.copyOf(silver);
        deadLetters = List.copyOf(deadLetters);
    }

    /** The counts this batch would report if written as is. */
    public BatchReport report() {
        return new BatchReport(received, ignored, bronze.size(), silver.size(), count(Stage.DECODE), count(Stage.VALIDATE));
    }

    private int count(Stage stage) {
        return (int) deadLetters.stream().filter(d -> d.stage() == stage).count();
    }
}
