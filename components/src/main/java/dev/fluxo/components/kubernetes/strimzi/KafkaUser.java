package dev.fluxo.components.kubernetes.strimzi;

import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Strimzi {@code KafkaUser}: its credentials (a Secret of the same name, written by the user operator) and its
 * ACLs ({@code spec.authorization.type: simple}). Only {@code allow} rules: whatever is not granted is denied.
 */
public class KafkaUser extends StrimziResource {
    public static final String KIND = "KafkaUser";

    public KafkaUser(String name, Args args, CustomResourceOptions opts) {
        super(KIND, name, args.metadata, args.spec(), opts);
    }

    public static Args.Builder builder(StrimziResource.Metadata metadata, String cluster, String authentication) {
        return new Args.Builder(metadata.inCluster(cluster), authentication);
    }

    /** {@code spec.authentication.type} and {@code spec.authorization.acls}. */
    public static final class Args {
        private final StrimziResource.Metadata metadata;
        private final String authentication;
        private final List<Map<String, Object>> acls;

        private Args(Builder b) {
            this.metadata = b.metadata;
            this.authentication = b.authentication;
            this.acls = List.copyOf(b.acls);
        }

        Map<String, Object> spec() {
            return Map.of("authentication", Map.of("type", authentication),
                    "authorization", Map.of("type", "simple", "acls", acls));
        }

        public static final class Builder {
            private final StrimziResource.Metadata metadata;
            private final String authentication;
            private final List<Map<String, Object>> acls = new ArrayList<>();

            Builder(StrimziResource.Metadata metadata, String authentication) {
                this.metadata = metadata;
                this.authentication = authentication;
            }

            /**
             * One ACL: {@code {resource: {type, name, patternType}, operations: [...]}}.
             *
             * @param resourceType {@code topic}, {@code group}, {@code cluster} or {@code transactionalId}
             * @param patternType  {@code literal} or {@code prefix}
             */
            public Builder allow(String resourceType, String name, String patternType, String... operations) {
                var resource = new LinkedHashMap<String, Object>();
                resource.put("type", resourceType);
                resource.put("name", name);
                resource.put("patternType", patternType);
                var acl = new LinkedHashMap<String, Object>();
                acl.put("resource", resource);
                acl.put("operations", List.of(operations));
                acls.add(acl);
                return this;
            }

            public Args build() {
                if (acls.isEmpty()) {
                    throw new IllegalArgumentException("KafkaUser " + metadata.name() + " grants nothing: add an ACL");
                }
                return new Args(this);
            }
        }
    }
}
