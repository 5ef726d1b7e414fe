package dev.fluxo.components.streaming;

import com.pulumi.core.Output;
import dev.fluxo.components.iam.PolicyDocument;
import dev.fluxo.components.iam.PolicyStatement;

import java.util.List;

/**
 * The least-privilege IAM statements behind {@code EventStream.grantProduce} and {@code grantConsume}: MSK
 * data-plane actions ({@code kafka-cluster:*} is never granted) on one cluster, one topic and one consumer
 * group; Kinesis actions on one stream and the KMS key it is encrypted with.
 */
public final class StreamAccess {
    /** Every MSK client: open a connection and read the cluster's metadata. */
    public static final List<String> KAFKA_CONNECT = List.of("kafka-cluster:Connect", "kafka-cluster:DescribeCluster");
    public static final List<String> KAFKA_PRODUCE = List.of("kafka-cluster:WriteData", "kafka-cluster:DescribeTopic");
    public static final List<String> KAFKA_CONSUME = List.of("kafka-cluster:ReadData", "kafka-cluster:DescribeTopic");
    public static final List<String> KAFKA_GROUP = List.of("kafka-cluster:DescribeGroup", "kafka-cluster:AlterGroup");
    public static final List<String> KINESIS_PRODUCE = List.of("kinesis:PutRecord", "kinesis:PutRecords",
            "kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:ListShards");
    public static final List<String> KINESIS_CONSUME = List.of("kinesis:GetRecords", "kinesis:GetShardIterator",
            "kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:ListShards",
            "kinesis:SubscribeToShard", "kinesis:DescribeStreamConsumer");
    /** Producers encrypt new data keys; consumers decrypt. */
    public static final List<String> KMS_PRODUCE = List.of("kms:GenerateDataKey");
    public static final List<String> KMS_CONSUME = List.of("kms:Decrypt");

    private StreamAccess() {
    }

    /** The ARN of a topic of an MSK cluster: {@code arn:...:topic/<cluster name>/<cluster uuid>/<topic>}. */
    public static Output<String> topicArn(Output<String> clusterArn, String topic) {
        return clusterArn.applyValue(arn -> arn.replace(":cluster/", ":topic/") + "/" + topic);
    }

    /** The ARN of a consumer group of an MSK cluster. */
    public static Output<String> groupArn(Output<String> clusterArn, String group) {
        return clusterArn.applyValue(arn -> arn.replace(":cluster/", ":group/") + "/" + group);
    }

    /** Produce to one MSK topic with IAM authentication. */
    public static PolicyDocument kafkaProduce(Output<String> clusterArn, String topic) {
        return PolicyDocument.of(connect(clusterArn),
                PolicyStatement.allow().sid("WriteTopic").actions(array(KAFKA_PRODUCE))
                        .resource(topicArn(clusterArn, topic)).build());
    }

    /** Consume one MSK topic as one consumer group with IAM authentication. */
    public static PolicyDocument kafkaConsume(Output<String> clusterArn, String topic, String group) {
        return PolicyDocument.of(connect(clusterArn),
                PolicyStatement.allow().sid("ReadTopic").actions(array(KAFKA_CONSUME))
                        .resource(topicArn(clusterArn, topic)).build(),
                PolicyStatement.allow().sid("UseConsumerGroup").actions(array(KAFKA_GROUP))
                        .resource(groupArn(clusterArn, group)).build());
    }

    /** Put records into one KMS-encrypted Kinesis stream. */
    public static PolicyDocument kinesisProduce(Output<String> streamArn, Output<String> keyArn) {
        return PolicyDocument.of(
                PolicyStatement.allow().sid("PutRecords").actions(array(KINESIS_PRODUCE)).resource(streamArn).build(),
                PolicyStatement.allow().sid("EncryptWithStreamKey").actions(array(KMS_PRODUCE)).resource(keyArn).build());
    }

    /** Read one KMS-encrypted Kinesis stream (shared throughput or enhanced fan-out consumers). */
    public static PolicyDocument kinesisConsume(Output<String> streamArn, Output<String> keyArn) {
        return PolicyDocument.of(
                PolicyStatement.allow().sid("ReadRecords").actions(array(KINESIS_CONSUME))
                        .resource(streamArn)
                        .resource(streamArn.applyValue(arn -> arn + "/consumer/*"))
                        .build(),
                PolicyStatement.allow().sid("DecryptWithStreamKey").actions(array(KMS_CONSUME)).resource(keyArn).build());
    }

    private static PolicyStatement connect(Output<String> clusterArn) {
        return PolicyStatement.allow().sid("ConnectToCluster").actions(array(KAFKA_CONNECT)).resource(clusterArn).build();
    }

    private static String[] array(List<String> actions) {
        return actions.toArray(String[]::new);
    }
}
