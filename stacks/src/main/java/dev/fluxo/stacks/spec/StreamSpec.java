package dev.fluxo.stacks.spec;

import java.util.Optional;

/**
 * The change stream ({@code fluxo:stream}); empty values take the {@code EventStream} component's defaults.
 * MSK-only and Kinesis-only settings are rejected for the other kind.
 *
 * @param kind                {@code msk} or {@code kinesis}
 * @param mskMode             {@code provisioned} or {@code serverless} (msk)
 * @param kafkaVersion        MSK Kafka version (msk)
 * @param brokerInstanceType  broker instance type (msk provisioned)
 * @param brokersPerAz        brokers per availability zone (msk provisioned)
 * @param brokerStorageGb     initial broker storage (msk provisioned)
 * @param maxBrokerStorageGb  storage autoscaling ceiling (msk provisioned)
 * @param enhancedMonitoring  MSK monitoring level (msk provisioned)
 * @param topicPartitions     partitions of the CDC topic (msk)
 * @param topicRetentionHours retention of the CDC topic (msk)
 * @param kinesisMode         {@code on-demand} or {@code provisioned} (kinesis)
 * @param shardCount          shards (kinesis provisioned)
 * @param retentionHours      stream retention (kinesis)
 */
public record StreamSpec(String kind, Optional<String> mskMode, Optional<String> kafkaVersion,
                         Optional<String> brokerInstanceType, Optional<Integer> brokersPerAz,
                         Optional<Integer> brokerStorageGb, Optional<Integer> maxBrokerStorageGb,
                         Optional<String> enhancedMonitoring, Optional<Integer> topicPartitions,
                         Optional<Integer> topicRetentionHours, Optional<String> kinesisMode,
                         Optional<Integer> shardCount, Optional<Integer> retentionHours) {
    public static final String MSK = "msk";
    public static final String KINESIS = "kinesis";

    public boolean isMsk() {
        return MSK.equals(kind);
    }
}
