package dev.fluxo.stacks.config;

import dev.fluxo.stacks.spec.JobSpec;
import dev.fluxo.stacks.spec.NetworkSpec;
import dev.fluxo.stacks.spec.StreamSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which AWS APIs the parts that run in the private subnets call, so a stack without a NAT gateway lists an interface
 * endpoint for each one. Without it the stack deploys and then fails at run time (DMS cannot reach Kinesis, the
 * job cannot reach Glue), which is the most expensive moment to find out.
 */
final class EndpointRequirements {
    private EndpointRequirements() {
    }

    /** The services needed, each with the part that needs it. */
    static Map<String, String> required(StreamSpec stream, JobSpec job) {
        var needed = new LinkedHashMap<String, String>();
        needed.put("secretsmanager", "the producer and the change capture read the database secret");
        if (stream.isMsk()) {
            // Lambda's MSK event source mapping runs in the brokers' subnets and calls Lambda and STS from there.
            needed.put("lambda", "the transform's MSK event source mapping invokes the function");
            needed.put("sts", "the transform's MSK event source mapping assumes the function's role");
        } else {
            // DMS 3.4.7+ reaches AWS targets only through VPC endpoints in a private network.
            needed.put("kinesis-streams", "DMS writes the changes to Kinesis");
        }
        if (job.inPrivateSubnets()) {
            needed.put("glue", "the streaming job reads and writes the Glue catalog");
            needed.put("logs", "the streaming job sends its logs to CloudWatch Logs");
        }
        return needed;
    }

    /** Reports each missing endpoint of a stack without a NAT gateway as a problem of {@code network}. */
    static void check(ConfigSection network, NetworkSpec spec, StreamSpec stream, JobSpec job) {
        if (spec.natGateway()) {
            return;
        }
        var listed = spec.interfaceEndpoints().orElse(List.of());
        var missing = new LinkedHashMap<>(required(stream, job));
        missing.keySet().removeAll(listed);
        if (!missing.isEmpty()) {
            var all = new ArrayList<>(listed);
            all.addAll(missing.keySet());
            network.problem("interfaceEndpoints", listed.toString(),
                    "without a NAT gateway the private subnets reach AWS only through endpoints; missing: "
                            + String.join(", ", missing.entrySet().stream()
                            .map(e -> e.getKey() + " (" + e.getValue() + ")").toList()),
                    "every service the stack's private parts call, or natGateway: true",
                    "fluxo:network: { interfaceEndpoints: [" + String.join(", ", all) + "] }");
        }
    }
}
