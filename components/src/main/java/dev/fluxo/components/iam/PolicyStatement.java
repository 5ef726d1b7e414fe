package dev.fluxo.components.iam;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One IAM policy statement whose resources and condition values may be Pulumi outputs (ARNs not known until
 * deployment). It refuses wildcard actions ({@code *}, {@code s3:*}) and a bare {@code *} resource, so a
 * least-privilege policy cannot regress by accident; key policies, where {@code *} means "this key", say so
 * with {@link Builder#thisKey()}.
 */
public final class PolicyStatement {
    private final String sid;
    private final String effect;
    private final List<String> actions;
    private final List<Output<String>> resources;
    private final Map<String, List<Output<String>>> principals;
    private final Map<String, Map<String, List<Output<String>>>> conditions;

    private PolicyStatement(Builder b) {
        this.sid = b.sid;
        this.effect = b.effect;
        this.actions = List.copyOf(b.actions);
        this.resources = List.copyOf(b.resources);
        this.principals = copy(b.principals);
        this.conditions = new LinkedHashMap<>();
        b.conditions.forEach((test, byKey) -> conditions.put(test, copy(byKey)));
    }

    public static Builder allow() {
        return new Builder("Allow");
    }

    public static Builder deny() {
        return new Builder("Deny");
    }

    public String sid() {
        return sid;
    }

    public String effect() {
        return effect;
    }

    public List<String> actions() {
        return actions;
    }

    /** The statement as JSON, once every resource and condition value is known. */
    Output<JsonObject> toJson() {
        // The values are consumed below in document order: principals, resources, conditions.
        var values = new ArrayList<Output<String>>();
        principals.values().forEach(values::addAll);
        values.addAll(resources);
        conditions.values().forEach(byKey -> byKey.values().forEach(values::addAll));
        return Output.all(values).applyValue(resolved -> {
            var it = resolved.iterator();
            var json = new JsonObject();
            if (sid != null) {
                json.addProperty("Sid", sid);
            }
            json.addProperty("Effect", effect);
            if (!principals.isEmpty()) {
                var principal = new JsonObject();
                principals.forEach((kind, list) -> principal.add(kind, array(list.size(), it)));
                json.add("Principal", principal);
            }
            var actionArray = new JsonArray();
            actions.forEach(actionArray::add);
            json.add("Action", actionArray);
            if (!resources.isEmpty()) {
                var resourceArray = array(resources.size(), it);
                json.add("Resource", resourceArray.size() == 1 ? resourceArray.get(0) : resourceArray);
            }
            if (!conditions.isEmpty()) {
                var condition = new JsonObject();
                conditions.forEach((test, byKey) -> {
                    var keys = new JsonObject();
                    byKey.forEach((key, list) -> {
                        var valueArray = array(list.size(), it);
                        keys.add(key, valueArray.size() == 1 ? valueArray.get(0) : valueArray);
                    });
                    condition.add(test, keys);
                });
                json.add("Condition", condition);
            }
            return json;
        });
    }

    private static JsonArray array(int size, java.util.Iterator<String> values) {
        var array = new JsonArray();
        for (int i = 0; i < size; i++) {
            array.add(values.next());
        }
        return array;
    }

    private static Map<String, List<Output<String>>> copy(Map<String, List<Output<String>>> map) {
        var copy = new LinkedHashMap<String, List<Output<String>>>();
        map.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    public static final class Builder {
        private static final String ANY = "*";
        private final String effect;
        private String sid;
        private final List<String> actions = new ArrayList<>();
        private final List<Output<String>> resources = new ArrayList<>();
        private final Map<String, List<Output<String>>> principals = new LinkedHashMap<>();
        private final Map<String, Map<String, List<Output<String>>>> conditions = new LinkedHashMap<>();
        private boolean thisKey;
        private boolean trust;

        private Builder(String effect) {
            this.effect = effect;
        }

        /** A statement id: letters and digits, saying why the statement exists. */
        public Builder sid(String sid) {
            if (!sid.matches("[A-Za-z0-9]+")) {
                throw new IllegalArgumentException("IAM statement Sid must be alphanumeric: " + sid);
            }
            this.sid = sid;
            return this;
        }

        /**
         * Actions such as {@code s3:GetObject}. Wildcards ({@code s3:*}, {@code s3:Get*}) are refused in Allow
         * statements, except in a key policy's administration statement ({@link #thisKey()}).
         */
        public Builder actions(String... actions) {
            for (var action : actions) {
                if (!action.matches("[a-z0-9-]+:[A-Za-z0-9*]+")) {
                    throw new IllegalArgumentException("not an IAM action: '" + action + "' (expected service:Action)");
                }
                this.actions.add(action);
            }
            return this;
        }

        /** Resource ARNs known now; a bare {@code *} is refused. */
        public Builder resources(String... arns) {
            for (var arn : arns) {
                resource(Output.of(arn));
            }
            return this;
        }

        /** A resource ARN known at deployment (a bare {@code *} is refused when it resolves). */
        public Builder resource(Output<String> arn) {
            Objects.requireNonNull(arn, "arn");
            resources.add(arn.applyValue(value -> {
                if (ANY.equals(value) && !thisKey) {
                    throw new IllegalArgumentException("resource '*' is not least privilege; name the ARNs");
                }
                return value;
            }));
            return this;
        }

        /** In a KMS key policy, {@code "Resource": "*"} means the key the policy is attached to. */
        public Builder thisKey() {
            thisKey = true;
            resources.add(Output.of(ANY));
            return this;
        }

        /** A trust-policy statement: it names no resource, the role it is attached to is the resource. */
        public Builder trust() {
            trust = true;
            return this;
        }

        /** {@code "Principal": {"Service": service}}, e.g. {@code logs.amazonaws.com}. */
        public Builder servicePrincipal(String service) {
            return servicePrincipal(Output.of(service));
        }

        /** A service principal known at deployment, e.g. {@code logs.<region>.amazonaws.com}. */
        public Builder servicePrincipal(Output<String> service) {
            principals.computeIfAbsent("Service", k -> new ArrayList<>()).add(service);
            return this;
        }

        /** {@code "Principal": {"AWS": arn}}, e.g. the account root. */
        public Builder awsPrincipal(Output<String> arn) {
            principals.computeIfAbsent("AWS", k -> new ArrayList<>()).add(arn);
            return this;
        }

        /** {@code "*"} as principal: only for Deny statements (bucket policies denying everyone). */
        public Builder anyPrincipal() {
            if (!effect.equals("Deny")) {
                throw new IllegalArgumentException("an Allow statement must name its principal");
            }
            principals.computeIfAbsent("AWS", k -> new ArrayList<>()).add(Output.of(ANY));
            return this;
        }

        /** A condition, e.g. {@code condition("Bool", "aws:SecureTransport", "false")}. */
        public Builder condition(String test, String key, String... values) {
            for (var value : values) {
                condition(test, key, Output.of(value));
            }
            return this;
        }

        /** A condition whose value is known at deployment. */
        public Builder condition(String test, String key, Output<String> value) {
            conditions.computeIfAbsent(test, k -> new LinkedHashMap<>())
                    .computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            return this;
        }

        public PolicyStatement build() {
            var wildcards = actions.stream().filter(a -> a.contains(ANY)).toList();
            if (!wildcards.isEmpty() && effect.equals("Allow") && !thisKey) {
                throw new IllegalArgumentException("wildcard actions " + wildcards
                        + " are not least privilege; list the actions the caller needs");
            }
            if (actions.isEmpty()) {
                throw new IllegalArgumentException("statement " + sid + " has no actions");
            }
            if (resources.isEmpty() && !trust) {
                throw new IllegalArgumentException("statement " + sid + " has no resources");
            }
            return new PolicyStatement(this);
        }
    }
}
