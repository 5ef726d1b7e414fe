package dev.fluxo.components;

import com.pulumi.resources.ResourceOptions;
import com.pulumi.resources.ResourceTransformation;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stack transformation that records each resource's options (retainOnDelete, protect), which the mocks
 * never see.
 */
final class ResourceOptionsRecorder implements ResourceTransformation {
    private final Map<String, ResourceOptions> byName = new ConcurrentHashMap<>();

    @Override
    public Optional<Result> apply(Args args) {
        byName.put(args.resource().pulumiResourceName(), args.options());
        return Optional.empty();
    }

    ResourceOptions options(String resourceName) {
        var options = byName.get(resourceName);
        if (options == null) {
            throw new IllegalArgumentException("no resource named " + resourceName + " in " + byName.keySet());
        }
        return options;
    }

    boolean retainOnDelete(String resourceName) {
        return options(resourceName).getRetainOnDelete().orElse(false);
    }

    boolean protect(String resourceName) {
        return options(resourceName).getProtect().orElse(false);
    }
}
