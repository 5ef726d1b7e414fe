package dev.fluxo.producer.bench;

import dev.fluxo.producer.TestDatabase;
import dev.fluxo.producer.change.ChangeMix;
import dev.fluxo.producer.customer.CustomerGenerator;
import dev.fluxo.producer.db.CustomerWriter;
import dev.fluxo.producer.db.SchemaBootstrap;
import dev.fluxo.producer.run.BatchProducer;
import dev.fluxo.producer.run.BatchListener;
import dev.fluxo.producer.run.Pace;
import dev.fluxo.producer.run.ProducerLoop;
import dev.fluxo.producer.run.ProducerTotals;

import java.sql.Connection;
import java.util.Locale;

/**
 * Rows per second the producer writes into an embedded PostgreSQL 17 (not a unit test: run by hand, see
 * BENCHMARKS.part.md). Args: [rowsPerBatch] [batches].
 */
public final class ProducerThroughput {
    private ProducerThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        TestDatabase.reset();
        try (Connection c = TestDatabase.connect()) {
            new SchemaBootstrap().ensure(c);
        }
        CustomerGenerator generator = CustomerGenerator.seeded(1);
        long t0 = System.nanoTime();
        for (int i = 0; i < 200_000; i++) {
            generator.next();
        }
        report("generator only (200000 customers, warm-up included)", 200_000, System.nanoTime() - t0);

        run("warm-up, 100/0/0", rows, 5, "100/0/0");
        for (String mix : new String[] {"100/0/0", ChangeMix.DEFAULT_TEXT}) {
            run("producer " + mix, rows, batches, mix);
        }
        System.exit(0);
    }

    private static void run(String label, int rows, int batches, String mix) throws Exception {
        BatchProducer producer = new BatchProducer(CustomerGenerator.seeded(2), ChangeMix.parse(mix),
                new CustomerWriter(), 2);
        ProducerTotals totals = new ProducerLoop(TestDatabase.settings(), producer, rows, batches, Pace.UNLIMITED)
                .run(BatchListener.NONE);
        System.out.printf(Locale.ROOT, "%-40s %d batches x %d rows: %d inserted, %d updated, %d deleted in %.2f s = %,.0f rows/s%n",
                label, totals.batches(), rows, totals.inserted(), totals.updated(), totals.deleted(),
                totals.elapsed().toNanos() / 1e9, totals.rowsPerSecond());
    }

    private static void report(String label, long n, long nanos) {
        System.out.printf(Locale.ROOT, "%-40s %,.0f rows/s%n", label, n / (nanos / 1e9));
    }
}
