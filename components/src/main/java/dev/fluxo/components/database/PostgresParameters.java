package dev.fluxo.components.database;

import com.pulumi.aws.rds.inputs.ParameterGroupParameterArgs;

import java.util.List;

/**
 * The RDS PostgreSQL parameters change data capture needs. Static parameters take effect after a reboot
 * ({@code pending-reboot}, the only apply method RDS accepts for them); dynamic ones apply immediately.
 */
public final class PostgresParameters {
    /** Turns {@code wal_level} to {@code logical} so Debezium / DMS can stream changes. Static. */
    public static final String LOGICAL_REPLICATION = "rds.logical_replication";
    /** Refuses connections that do not use TLS. Dynamic. */
    public static final String FORCE_SSL = "rds.force_ssl";
    /** How many replication slots may exist (one per CDC connector, plus headroom for re-creation). Static. */
    public static final String MAX_REPLICATION_SLOTS = "max_replication_slots";
    /** How many WAL sender processes may run (each active slot uses one). Static. */
    public static final String MAX_WAL_SENDERS = "max_wal_senders";
    /** How long (ms) a silent replication connection is kept before it is dropped. Dynamic. */
    public static final String WAL_SENDER_TIMEOUT = "wal_sender_timeout";
    public static final String PENDING_REBOOT = "pending-reboot";
    public static final String IMMEDIATE = "immediate";

    private PostgresParameters() {
    }

    /** The parameter group entries for logical replication with forced TLS. */
    public static List<ParameterGroupParameterArgs> forChangeDataCapture(int maxReplicationSlots, int maxWalSenders,
                                                                         int walSenderTimeoutMs) {
        return List.of(
                parameter(LOGICAL_REPLICATION, "1", PENDING_REBOOT),
                parameter(FORCE_SSL, "1", IMMEDIATE),
                parameter(MAX_REPLICATION_SLOTS, String.valueOf(maxReplicationSlots), PENDING_REBOOT),
                parameter(MAX_WAL_SENDERS, String.valueOf(maxWalSenders), PENDING_REBOOT),
                parameter(WAL_SENDER_TIMEOUT, String.valueOf(walSenderTimeoutMs), IMMEDIATE));
    }

    private static ParameterGroupParameterArgs parameter(String name, String value, String applyMethod) {
        return ParameterGroupParameterArgs.builder().name(name).value(value).applyMethod(applyMethod).build();
    }
}
