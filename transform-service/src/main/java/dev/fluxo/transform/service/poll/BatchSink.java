package dev.fluxo.transform.service.poll;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/**
 * Where the poller delivers each batch: the transform function, invoked as its event source mapping would. Throws
 * when the batch was not written; the poller then retries it whole, like Lambda.
 */
@FunctionalInterface
public interface BatchSink extends AutoCloseable {
    /** What one batch wrote. */
    record Written(int received, int bronze, int silver, int deadLettered) {
    }

    Written write(List<ConsumerRecord<byte[], byte[]>> records);

    @Override
    default void close() {
    }
}
