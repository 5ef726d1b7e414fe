package dev.fluxo.components.iam;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.outputs.GetCallerIdentityResult;
import com.pulumi.aws.outputs.GetPartitionResult;
import com.pulumi.aws.outputs.GetRegionResult;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.Resource;

/**
 * The partition, region and account a component deploys into, from the {@code getPartition},
 * {@code getRegion} and {@code getCallerIdentity} invokes; used for ARNs, service names and key policies.
 *
 * @param partition e.g. {@code aws}
 * @param region    e.g. {@code us-east-1}
 * @param accountId the 12-digit account id
 */
public record AwsAccount(Output<String> partition, Output<String> region, Output<String> accountId) {

    /** Looks the account up through invokes made on behalf of {@code parent} (so they use its provider). */
    public static AwsAccount lookup(Resource parent) {
        var options = InvokeOptions.builder().parent(parent).build();
        return new AwsAccount(
                AwsFunctions.getPartition(com.pulumi.aws.inputs.GetPartitionArgs.Empty, options)
                        .applyValue(GetPartitionResult::partition),
                AwsFunctions.getRegion(com.pulumi.aws.inputs.GetRegionArgs.Empty, options)
                        .applyValue(GetRegionResult::name),
                AwsFunctions.getCallerIdentity(com.pulumi.aws.inputs.GetCallerIdentityArgs.Empty, options)
                        .applyValue(GetCallerIdentityResult::accountId));
    }

    /** {@code arn:<partition>:<service>:<region>:<account>:<resource>}. */
    public Output<String> arn(String service, String resource) {
        return Output.format("arn:%s:%s:%s:%s:%s", partition, service, region, accountId, resource);
    }

    /** {@code arn:<partition>:iam::<account>:root}: the account itself as a principal. */
    public Output<String> rootPrincipal() {
        return Output.format("arn:%s:iam::%s:root", partition, accountId);
    }
}
