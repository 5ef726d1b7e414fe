package dev.fluxo.components.protection;

import com.pulumi.Config;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

/**
 * Whether a component may delete the data it owns. Deleting data needs a double opt-in: the stack-wide
 * config flag {@code fluxo:allowDataDeletion} AND the component's own {@code allowDataDeletion}. Unless both
 * say yes, data resources are kept when removed from the program or when the stack is destroyed
 * ({@code retainOnDelete}) and buckets refuse to be emptied ({@code forceDestroy=false}).
 * Independently, {@code protect} makes Pulumi refuse any delete or replace of them (prod sets it).
 *
 * <p>Read the config inside a running Pulumi program (a component constructor), never statically.
 */
public final class DataProtection {
    /** The config namespace of the stack-wide flag. */
    public static final String CONFIG_NAMESPACE = "fluxo";
    /** The config key of the stack-wide flag: {@code fluxo:allowDataDeletion}. */
    public static final String ALLOW_DATA_DELETION_KEY = "allowDataDeletion";
    /** Default of the stack-wide flag when the config does not set it: data is never deleted. */
    public static final boolean DEFAULT_STACK_ALLOWS_DATA_DELETION = false;

    private final boolean stackAllowsDeletion;
    private final boolean componentAllowsDeletion;
    private final boolean protect;

    private DataProtection(boolean stackAllowsDeletion, boolean componentAllowsDeletion, boolean protect) {
        this.stackAllowsDeletion = stackAllowsDeletion;
        this.componentAllowsDeletion = componentAllowsDeletion;
        this.protect = protect;
    }

    /**
     * Reads the stack-wide flag from the running program's config and combines it with the component's
     * choices.
     */
    public static DataProtection forComponent(boolean componentAllowsDeletion, boolean protect) {
        var stack = Config.of(CONFIG_NAMESPACE).getBoolean(ALLOW_DATA_DELETION_KEY)
                .orElse(DEFAULT_STACK_ALLOWS_DATA_DELETION);
        return of(stack, componentAllowsDeletion, protect);
    }

    /** The rule without reading config (for callers that already know the stack flag). */
    public static DataProtection of(boolean stackAllowsDeletion, boolean componentAllowsDeletion, boolean protect) {
        return new DataProtection(stackAllowsDeletion, componentAllowsDeletion, protect);
    }

    /** True only when both the stack and the component allow deleting data. */
    public boolean deletionAllowed() {
        return stackAllowsDeletion && componentAllowsDeletion;
    }

    /** The value for a bucket's {@code forceDestroy}: empty it on delete only when deletion is allowed. */
    public boolean forceDestroy() {
        return deletionAllowed();
    }

    /** Whether Pulumi must refuse to delete or replace the data resources. */
    public boolean protect() {
        return protect;
    }

    /**
     * Options for a data resource: {@code parent}, {@code retainOnDelete} unless deletion is allowed, and
     * {@code protect}.
     */
    public CustomResourceOptions options(Resource parent) {
        return CustomResourceOptions.builder()
                .parent(parent)
                .retainOnDelete(!deletionAllowed())
                .protect(protect)
                .build();
    }

    @Override
    public String toString() {
        return "DataProtection[stackAllowsDeletion=" + stackAllowsDeletion + ", componentAllowsDeletion="
                + componentAllowsDeletion + ", protect=" + protect + "]";
    }
}
