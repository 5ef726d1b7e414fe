package dev.fluxo.components.streaming;

import java.util.List;

/**
 * Broker settings of a provisioned MSK cluster that depend on its size. Topics are replicated to up to three
 * brokers, and a write is acknowledged once all but one replica has it (never fewer than one), so one broker can
 * be down for patching without blocking producers that use {@code acks=all}.
 */
public final class KafkaSettings {
    /** Most replicas a topic gets. */
    public static final int MAX_REPLICATION_FACTOR = 3;

    private KafkaSettings() {
    }

    /** {@code default.replication.factor} for a cluster of {@code brokers} brokers. */
    public static int replicationFactor(int brokers) {
        if (brokers < 1) {
            throw new IllegalArgumentException("a cluster needs at least one broker, was " + brokers);
        }
        return Math.min(MAX_REPLICATION_FACTOR, brokers);
    }

    /** {@code min.insync.replicas} for a replication factor. */
    public static int minInsyncReplicas(int replicationFactor) {
        return Math.max(1, replicationFactor - 1);
    }

    /** The cluster configuration's {@code server.properties}. */
    public static String serverProperties(int brokers) {
        int replicationFactor = replicationFactor(brokers);
        return String.join("\n", List.of(
                "auto.create.topics.enable=false",
                "default.replication.factor=" + replicationFactor,
                "min.insync.replicas=" + minInsyncReplicas(replicationFactor),
                "num.partitions=3",
                "unclean.leader.election.enable=false")) + "\n";
    }
}
