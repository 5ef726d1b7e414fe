package dev.fluxo.policies;

import java.util.Map;
import java.util.Objects;

/**
 * One resource as the rules see it: the Pulumi type token, the logical name and the input properties
 * (wire names, camelCase; e.g. what a Pulumi mock receives in {@code Mocks.ResourceArgs}).
 *
 * @param type   Pulumi type token, e.g. {@code aws:s3/bucketV2:BucketV2}
 * @param name   logical resource name
 * @param inputs input properties; nested maps and lists allowed; {@code null} values mean "absent"
 */
public record ResourceInput(String type, String name, Map<String, Object> inputs) {
    public ResourceInput {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        inputs = inputs == null ? Map.of() : inputs;
    }
}
