package dev.fluxo.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * What one batch did, counted from what was written. Every record received is accounted for exactly once:
 * <pre>
 *   received = bronze + ignored + deadLetteredAtDecode     (each record is decoded, ignored, or rejected)
 *   bronze   = silver + deadLetteredAtValidate             (each decoded change reaches silver or is rejected)
 * </pre>
 * so {@code silver <= bronze}, and {@code deadLettered() = deadLetteredAtDecode + deadLetteredAtValidate}. A record
 * rejected by validation is in bronze (it was decodable) and in the dead-letter table.
 *
 * @param received               records in the batch
 * @param ignored                tombstones and control records, deliberately skipped
 * @param bronze                 rows written to {@code bronze.customers_changes}
 * @param silver                 rows written to {@code silver.customers_changes}
 * @param deadLetteredAtDecode   dead letters of stage {@code decode}
 * @param deadLetteredAtValidate dead letters of stage {@code validate}
 */
public record BatchReport(int received, int ignored, int bronze, int silver, int deadLetteredAtDecode,
                          int deadLetteredAtValidate) {

    /** Rows written to {@code bronze.customers_dead_letter}. */
    public int deadLettered() {
        return deadLetteredAtDecode + deadLetteredAtValidate;
    }

    /** Each identity that does not hold, described; empty when the batch reconciles. */
    public List<String> discrepancies() {
        List<String> problems = new ArrayList<>();
        if (received != bronze + ignored + deadLetteredAtDecode) {
            problems.add("received " + received + " != bronze " + bronze + " + ignored " + ignored
                    + " + dead-lettered at decode " + deadLetteredAtDecode);
        }
        if (bronze != silver + deadLetteredAtValidate) {
            problems.add("bronze " + bronze + " != silver " + silver + " + dead-lettered at validate "
                    + deadLetteredAtValidate);
        }
        if (silver > bronze) {
            problems.add("silver " + silver + " > bronze " + bronze);
        }
        return problems;
    }

    public boolean reconciles() {
        return discrepancies().isEmpty();
    }

    /** Throws if the counts do not reconcile (a record was lost or counted twice); returns this report otherwise. */
    public BatchReport assertReconciled() {
        List<String> problems = discrepancies();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("batch does not reconcile: " + String.join("; ", problems) + " in " + this);
        }
        return this;
    }
}
