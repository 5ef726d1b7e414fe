package dev.fluxo.components.database;

/**
 * One CloudWatch alarm on an RDS instance metric.
 *
 * @param metricName       the {@code AWS/RDS} metric
 * @param statistic        how datapoints are aggregated per period
 * @param comparison       the CloudWatch comparison operator
 * @param treatMissingData what a missing datapoint means for this metric
 * @param description      what firing means and what to do
 */
public record DatabaseAlarm(String metricName, String statistic, String comparison, String treatMissingData,
                            String description) {
    /** Bytes of WAL the slowest replication slot holds back: a stalled CDC connector fills the disk. */
    public static final DatabaseAlarm REPLICATION_SLOT_LAG = new DatabaseAlarm("OldestReplicationSlotLag", "Maximum",
            "GreaterThanThreshold", "notBreaching",
            "A replication slot retains too much WAL: is the CDC connector running? Drop abandoned slots.");
    /** Disk used by WAL files, which grows when slots are not consumed. */
    public static final DatabaseAlarm TRANSACTION_LOGS_DISK = new DatabaseAlarm("TransactionLogsDiskUsage", "Maximum",
            "GreaterThanThreshold", "notBreaching",
            "WAL files use too much disk: a replication slot is not being consumed.");
    /** Free storage: below the threshold writes are at risk before autoscaling catches up. */
    public static final DatabaseAlarm FREE_STORAGE = new DatabaseAlarm("FreeStorageSpace", "Minimum",
            "LessThanThreshold", "missing", "The source database is running out of storage.");
    public static final DatabaseAlarm CPU = new DatabaseAlarm("CPUUtilization", "Average",
            "GreaterThanThreshold", "missing", "The source database's CPU is saturated.");
}
