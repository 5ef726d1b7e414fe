package dev.fluxo.pipeline.write;

import dev.fluxo.pipeline.change.CustomerChange;
import dev.fluxo.pipeline.deadletter.DeadLetter;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where a batch's rows go as each record is transformed: a {@link LakehouseWriter.Batch}'s open files, or lists in
 * memory.
 *
 * @param bronze     takes each decoded change with its raw bytes ({@code bronze.customers_changes})
 * @param silver     takes each cleaned, masked change ({@code silver.customers_changes})
 * @param deadLetter takes each rejected record ({@code bronze.customers_dead_letter})
 */
public record RowSink(Consumer<BronzeRow> bronze, Consumer<CustomerChange> silver, Consumer<DeadLetter> deadLetter) {
    public RowSink {
        Objects.requireNonNull(bronze, "bronze");
        Objects.requireNonNull(silver, "silver");
        Objects.requireNonNull(deadLetter, "deadLetter");
    }
}
