package dev.fluxo.stacks.spec;

import java.util.Optional;

/**
 * Source database settings ({@code fluxo:database}); empty values take the {@code SourceDatabase} defaults.
 *
 * @param engineVersion          PostgreSQL major version
 * @param instanceClass          RDS instance class
 * @param allocatedStorageGb     initial storage
 * @param maxAllocatedStorageGb  storage autoscaling ceiling
 * @param multiAz                standby in a second AZ
 * @param deletionProtection     refuse deletes (and take a final snapshot)
 * @param backupRetentionDays    automated backup retention
 * @param performanceInsights    Performance Insights on
 * @param maxReplicationSlots    logical replication slots
 * @param maxWalSenders          WAL sender processes
 */
public record DatabaseSpec(Optional<String> engineVersion, Optional<String> instanceClass,
                           Optional<Integer> allocatedStorageGb, Optional<Integer> maxAllocatedStorageGb,
                           boolean multiAz, boolean deletionProtection, Optional<Integer> backupRetentionDays,
                           Optional<Boolean> performanceInsights, Optional<Integer> maxReplicationSlots,
                           Optional<Integer> maxWalSenders) {
}
