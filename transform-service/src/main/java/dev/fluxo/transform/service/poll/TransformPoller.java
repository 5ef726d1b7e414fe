package dev.fluxo.transform.service.poll;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Lambda's MSK event source mapping, in this JVM (the local target's and the Kubernetes transform's): a consumer group
 * that gathers records into batches (up to {@link #DEFAULT_BATCH_SIZE} records or {@link #DEFAULT_BATCH_WINDOW} after
 * the first record, like the mapping's BatchSize and MaximumBatchingWindowInSeconds), hands each batch to the transform, and commits the offsets only after
 * the batch was written. A failed batch is retried whole after {@link #RETRY_PAUSE} (Lambda retries MSK batches
 * until they succeed). After a crash the uncommitted batch is delivered again: bronze and silver are at least once,
 * gold is exact because its merge ignores changes it already applied.
 *
 * <pre>{@code
 * try (var poller = new TransformPoller(consumerProperties, topic, sink, batchSize, window).start()) {
 *     // poller.isPolling(), poller.lastPollMillis(), poller.lag() ...
 * }
 * }</pre>
 */
public final class TransformPoller implements AutoCloseable {
    /** Records per batch at most (the MSK event source mapping's BatchSize default is 100; local runs go bigger). */
    public static final int DEFAULT_BATCH_SIZE = 2_000;
    /** How long a batch gathers records after its first one. */
    public static final Duration DEFAULT_BATCH_WINDOW = Duration.ofMillis(500);
    /** Pause before a failed batch is retried. */
    public static final Duration RETRY_PAUSE = Duration.ofSeconds(2);
    /** How long {@link #close()} waits for a batch being written (inside Kubernetes' default 30 s grace period). */
    public static final Duration STOP_WAIT = Duration.ofSeconds(20);
    /** The consumer group (the event source mapping) unless the properties name one. */
    public static final String GROUP = "fluxo-transform";
    /** The consumer's {@code client.id} and the polling thread's name, unless the properties name a client id. */
    public static final String CLIENT_ID = "fluxo-transform-poller";

    private static final Logger LOG = LoggerFactory.getLogger(TransformPoller.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final BatchSink sink;
    private final int batchSize;
    private final Duration window;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong bronze = new AtomicLong();
    private final AtomicLong silver = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong lastWriteMillis = new AtomicLong();
    private final AtomicLong lastPollMillis = new AtomicLong();
    private final LatencySamples silverFreshness = new LatencySamples();
    /** How often the lag is asked of the broker. */
    static final Duration LAG_INTERVAL = Duration.ofSeconds(1);
    private long lagCheckedAt = System.nanoTime() - LAG_INTERVAL.toNanos();
    private volatile long lag = -1;
    private volatile int pending;

    /**
     * A poller on the local broker: plaintext, group {@value #GROUP}.
     *
     * @param bootstrapServers the broker
     */
    public TransformPoller(String bootstrapServers, String topic, BatchSink sink, int batchSize, Duration window) {
        this(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic, sink, batchSize, window);
    }

    /**
     * @param consumer  the consumer's properties (bootstrap servers, {@code security.protocol} and {@code ssl.*}…);
     *                  {@code group.id} defaults to {@value #GROUP}; offsets are always committed by the poller, after
     *                  each written batch, so {@code enable.auto.commit} and {@code max.poll.records} are its own
     * @param topic     the change topic
     * @param sink      where batches go
     * @param batchSize records per batch at most
     * @param window    how long a batch gathers records after its first one
     */
    public TransformPoller(Map<String, ?> consumer, String topic, BatchSink sink, int batchSize, Duration window) {
        this.sink = sink;
        this.batchSize = batchSize;
        this.window = window;
        Map<String, Object> props = new HashMap<>(Map.of(ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.CLIENT_ID_CONFIG, CLIENT_ID));
        props.putAll(consumer);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize);
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.consumer.subscribe(List.of(topic));
        this.thread = new Thread(this::run, CLIENT_ID);
    }

    /** Starts polling on its own thread. */
    public TransformPoller start() {
        thread.start();
        return this;
    }

    private void run() {
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
        long firstAt = 0;
        try {
            while (running.get()) {
                ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(100));
                lastPollMillis.set(System.currentTimeMillis());
                for (ConsumerRecord<byte[], byte[]> r : polled) {
                    if (batch.isEmpty()) {
                        firstAt = System.nanoTime();
                    }
                    batch.add(r);
                }
                boolean full = batch.size() >= batchSize;
                boolean due = !batch.isEmpty() && System.nanoTime() - firstAt >= window.toNanos();
                if (full || due) {
                    deliver(batch);
                    batch = new ArrayList<>();
                }
                pending = batch.size();
                updateLag();
            }
        } catch (WakeupException e) {
            // close() woke the poll: a batch still gathering was not written nor committed; the next run re-reads it
        } catch (RuntimeException e) {
            LOG.error("Poller stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void deliver(List<ConsumerRecord<byte[], byte[]>> batch) {
        while (running.get()) {
            try {
                BatchSink.Written w = sink.write(batch);
                consumer.commitSync(nextOffsets(batch));
                long now = System.currentTimeMillis();
                for (ConsumerRecord<byte[], byte[]> r : batch) {
                    if (r.value() != null) {
                        silverFreshness.add(Math.max(0, now - r.timestamp()));
                    }
                }
                received.addAndGet(w.received());
                bronze.addAndGet(w.bronze());
                silver.addAndGet(w.silver());
                deadLettered.addAndGet(w.deadLettered());
                lastWriteMillis.set(now);
                return;
            } catch (WakeupException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.warn("Batch of {} records not written, retrying in {}: {}", batch.size(), RETRY_PAUSE, e.toString());
                try {
                    Thread.sleep(RETRY_PAUSE.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(List<ConsumerRecord<byte[], byte[]>> batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : batch) {
            offsets.merge(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return offsets;
    }

    private void updateLag() {
        // endOffsets is a broker round trip: once a second is enough for a progress figure, not once per 100 ms poll
        long now = System.nanoTime();
        if (now - lagCheckedAt < LAG_INTERVAL.toNanos()) {
            return;
        }
        long total = 0;
        var assignment = consumer.assignment();
        if (assignment.isEmpty()) {
            return;
        }
        lagCheckedAt = now;
        Map<TopicPartition, Long> ends = consumer.endOffsets(assignment, Duration.ofSeconds(1));
        for (TopicPartition tp : assignment) {
            total += Math.max(0, ends.getOrDefault(tp, 0L) - consumer.position(tp));
        }
        lag = total;
    }

    /** Records in Kafka not yet written by the transform (-1 before the first assignment). */
    public long lag() {
        return lag < 0 ? lag : lag + pending;
    }

    public long received() {
        return received.get();
    }

    public long bronze() {
        return bronze.get();
    }

    public long silver() {
        return silver.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }


    /** When the last batch was written (epoch ms, 0 if none yet). */
    public long lastWriteMillis() {
        return lastWriteMillis.get();
    }

    /** When the last poll returned (epoch ms, 0 before the first): a poller stuck in a batch stops advancing it. */
    public long lastPollMillis() {
        return lastPollMillis.get();
    }

    /** Whether the polling thread runs: false before {@link #start()}, after {@link #close()} or a fatal error. */
    public boolean isPolling() {
        return thread.isAlive();
    }

    /** Commit time in PostgreSQL to written in silver, per change. */
    public LatencySamples silverFreshness() {
        return silverFreshness;
    }

    /**
     * Stops polling: a batch still gathering is dropped, one being written finishes but is not committed (the consumer
     * is woken, so the commit throws), so the next poller of the group reads both again; then closes the sink.
     */
    @Override
    public void close() throws Exception {
        running.set(false);
        if (thread.getState() == Thread.State.NEW) {
            consumer.close(Duration.ZERO);
        } else {
            consumer.wakeup();
            thread.join(STOP_WAIT.toMillis());
        }
        sink.close();
    }
}
