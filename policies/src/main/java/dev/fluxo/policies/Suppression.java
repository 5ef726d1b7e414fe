package dev.fluxo.policies;

/**
 * A written decision to accept a violation: the violation is reported as suppressed (with the reason) and no
 * longer counts, so a suppressed mandatory violation does not fail the run.
 *
 * @param ruleId       the rule's id, e.g. {@code s3-bucket-encrypted-kms}
 * @param resourceName a logical resource name, or {@value #ALL_RESOURCES} for every resource
 * @param reason       why the violation is acceptable; required, never blank
 */
public record Suppression(String ruleId, String resourceName, String reason) {

    /** The resource name that makes a suppression apply to every resource. */
    public static final String ALL_RESOURCES = "*";

    public Suppression {
        if (ruleId == null || ruleId.isBlank()) {
            throw new IllegalArgumentException("A suppression needs a rule id");
        }
        if (resourceName == null || resourceName.isBlank()) {
            throw new IllegalArgumentException("Suppression of rule '" + ruleId
                    + "' needs a resource name (or \"" + ALL_RESOURCES + "\" for every resource)");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("Suppression of rule '" + ruleId + "' on '" + resourceName
                    + "' needs a reason: say why the violation is acceptable");
        }
    }

    /** True when this suppression covers {@code violation}. */
    public boolean covers(Violation violation) {
        return ruleId.equals(violation.ruleId())
                && (ALL_RESOURCES.equals(resourceName) || resourceName.equals(violation.resourceName()));
    }
}
