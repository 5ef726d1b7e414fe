package dev.fluxo.producer.run;

import dev.fluxo.producer.change.ChangeBatch;
import dev.fluxo.producer.change.ChangeCounts;
import dev.fluxo.producer.change.ChangeMix;
import dev.fluxo.producer.change.ProducedBatch;
import dev.fluxo.producer.customer.Customer;
import dev.fluxo.producer.customer.CustomerGenerator;
import dev.fluxo.producer.customer.CustomerUpdate;
import dev.fluxo.producer.db.CustomerWriter;
import dev.fluxo.producer.db.ExistingIds;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One producer step: splits a batch by the {@link ChangeMix}, picks existing customers to update and delete,
 * generates the new values and writes it all in one transaction. When the table holds fewer customers than the
 * mix asks to change, the existing rows are shared between updates and deletes in the mix's proportion and the
 * shortfall becomes inserts, so every batch changes {@code rows} rows.
 * Not thread-safe (it owns a generator); use one per thread.
 */
public final class BatchProducer {
    private final CustomerGenerator generator;
    private final ChangeMix mix;
    private final CustomerWriter writer;
    private final Random idChooser;

    /**
     * @param generator the customers' source
     * @param mix       the share of inserts, updates and deletes
     * @param writer    writes each batch
     * @param seed      seeds the choice of ids to update and delete
     */
    public BatchProducer(CustomerGenerator generator, ChangeMix mix, CustomerWriter writer, long seed) {
        this.generator = generator;
        this.mix = mix;
        this.writer = writer;
        this.idChooser = new Random(seed);
    }

    /** A producer with the {@link ChangeMix#DEFAULT} mix and a writer on the system clock. */
    public static BatchProducer withDefaults(CustomerGenerator generator, long seed) {
        return new BatchProducer(generator, ChangeMix.DEFAULT, new CustomerWriter(), seed);
    }

    /** The mix this producer follows. */
    public ChangeMix mix() {
        return mix;
    }

    /**
     * Restarts both the generator and the id choice from {@code seed} (see {@link CustomerGenerator#reseed}).
     */
    public void reseed(long seed) {
        generator.reseed(seed);
        idChooser.setSeed(seed);
    }

    /** Produces one batch of {@code rows} changes on {@code connection} and reports what was committed. */
    public ProducedBatch produce(Connection connection, int rows) throws SQLException {
        ChangeCounts wanted = mix.split(rows);
        List<Long> existing = ExistingIds.sample(connection, wanted.updates() + wanted.deletes(), idChooser);
        int updates = wanted.updates();
        int deletes = wanted.deletes();
        if (existing.size() < updates + deletes) {
            // too few rows: share what exists between updates and deletes in the mix's proportion
            updates = (int) ((long) existing.size() * updates / (updates + deletes));
            deletes = existing.size() - updates;
        }
        int inserts = rows - updates - deletes;

        List<Customer> newCustomers = new ArrayList<>(inserts);
        for (int i = 0; i < inserts; i++) {
            newCustomers.add(generator.next());
        }
        Map<Long, CustomerUpdate> changes = new LinkedHashMap<>();
        for (Long id : existing.subList(0, updates)) {
            changes.put(id, generator.nextUpdate());
        }
        List<Long> removed = existing.subList(updates, updates + deletes);
        return writer.apply(connection, new ChangeBatch(newCustomers, changes, removed));
    }
}
