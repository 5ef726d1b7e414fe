package dev.fluxo.stacks.spec;

import java.util.Optional;

/**
 * Lakehouse settings ({@code fluxo:lakehouse}); empty values take the {@code Lakehouse} component's defaults.
 *
 * @param allowDataDeletion               the component's half of the data-deletion double opt-in
 * @param bronzeInfrequentAccessDays      days before bronze objects move to Infrequent Access
 * @param bronzeGlacierDays               days before bronze objects move to Glacier Instant Retrieval
 * @param noncurrentVersionExpirationDays days before overwritten object versions expire
 * @param athenaBytesScannedCutoffMb      per-query scan limit of the Athena workgroup
 */
public record LakehouseSpec(boolean allowDataDeletion, Optional<Integer> bronzeInfrequentAccessDays,
                            Optional<Integer> bronzeGlacierDays, Optional<Integer> noncurrentVersionExpirationDays,
                            Optional<Long> athenaBytesScannedCutoffMb) {
}
