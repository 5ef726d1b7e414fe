package dev.fluxo.stacks.spec;

import java.util.List;
import java.util.Optional;

/**
 * Change data capture ({@code fluxo:changeCapture}): Debezium on MSK Connect for {@code msk}, DMS for {@code kinesis}.
 *
 * @param tables              the captured tables ({@code schema.table}); the source table must be among them
 * @param publicationName     PostgreSQL publication
 * @param slotName            PostgreSQL logical replication slot
 * @param heartbeatIntervalMs Debezium heartbeat interval, so idle tables do not hold WAL back
 * @param snapshotMode        Debezium snapshot mode
 * @param autoscaling         MSK Connect worker autoscaling (msk)
 * @param dmsMinCapacityUnits DMS Serverless minimum DCUs (kinesis)
 * @param dmsMaxCapacityUnits DMS Serverless maximum DCUs (kinesis)
 */
public record ChangeCaptureSpec(List<String> tables, Optional<String> publicationName, Optional<String> slotName,
                                Optional<Integer> heartbeatIntervalMs, Optional<String> snapshotMode,
                                Optional<Boolean> autoscaling, Optional<Integer> dmsMinCapacityUnits,
                                Optional<Integer> dmsMaxCapacityUnits) {
}
