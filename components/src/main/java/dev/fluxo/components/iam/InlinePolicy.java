package dev.fluxo.components.iam;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

/** An inline policy on a role, named like its Pulumi resource so a grant is found by name in the console too. */
public final class InlinePolicy {
    private InlinePolicy() {
    }

    /** Attaches {@code document} to {@code role} as the inline policy {@code name}, a child of {@code parent}. */
    public static RolePolicy attach(String name, Role role, PolicyDocument document, Resource parent) {
        return new RolePolicy(name, RolePolicyArgs.builder()
                .name(name)
                .role(role.id())
                .policy(document.toJson())
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }
}
