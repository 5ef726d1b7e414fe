package dev.fluxo.local.cli;

import dev.fluxo.local.LocalLakehouse;
import dev.fluxo.local.sql.SqlEngine;
import dev.fluxo.schema.NamedQueries;
import dev.fluxo.schema.NamedQuery;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;

/** The end of a run: the counters, then each named query (the Athena workgroup's, unchanged) with its result. */
final class Summary {
    /** Rows shown per query result. */
    static final int SHOWN_ROWS = 8;

    private Summary() {
    }

    static void print(LocalLakehouse lakehouse, PrintStream out, Duration engineWait) {
        out.println();
        out.println("Summary");
        out.println("  " + lakehouse.progress().line());
        Optional<SqlEngine> engine = lakehouse.engine(engineWait);
        if (engine.isEmpty()) {
            out.println("  " + lakehouse.engineNote() + (lakehouse.engineNote().startsWith("SQL engine: Trino")
                    ? " (not ready yet: named queries skipped)" : ""));
            return;
        }
        out.println("  named queries on " + engine.get().description() + ":");
        for (NamedQuery q : NamedQueries.ALL) {
            runOne(engine.get(), q, out);
        }
    }

    static void runOne(SqlEngine engine, NamedQuery q, PrintStream out) {
        out.println();
        out.println("  " + q.name() + ": " + q.description());
        long t0 = System.nanoTime();
        try {
            var result = engine.query(q.sql());
            out.print(result.render(SHOWN_ROWS));
            out.printf("  (%.2f s)%n", (System.nanoTime() - t0) / 1e9);
        } catch (Exception e) {
            out.println("  failed: " + e.getMessage());
        }
    }
}
