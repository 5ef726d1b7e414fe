package dev.fluxo.components;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import dev.fluxo.components.validation.Problems;
import dev.fluxo.components.naming.ResourceTags;
import dev.fluxo.components.network.Ipv4Cidr;
import dev.fluxo.components.network.LogRetention;
import dev.fluxo.components.network.SubnetLayout;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inputs of {@link Network}. Every option documents its default; the default lives in a {@code DEFAULT_} constant
 * on {@link Network} (not here: the component-package schema would list constants of this class as inputs).
 */
public class NetworkArgs extends ResourceArgs implements Cloneable {
    @Import(name = "tags", required = true)
    private Map<String, String> tags;
    @Import(name = "cidrBlock")
    private String cidrBlock;
    @Import(name = "availabilityZoneCount")
    private Integer availabilityZoneCount;
    @Import(name = "publicSubnets")
    private Boolean publicSubnets;
    @Import(name = "natGateway")
    private Boolean natGateway;
    @Import(name = "interfaceEndpoints")
    private List<String> interfaceEndpoints;
    @Import(name = "interfaceEndpointAzCount")
    private Integer interfaceEndpointAzCount;
    @Import(name = "flowLogRetentionDays")
    private Integer flowLogRetentionDays;
    @Import(name = "kmsKeyArn")
    private Output<String> kmsKeyArn;

    public NetworkArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from a copy of these arguments (the composition adds its wiring this way). */
    public Builder toBuilder() {
        try {
            return new Builder((NetworkArgs) clone());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, String> tags() {
        return tags == null ? Map.of() : tags;
    }

    public String cidrBlock() {
        return cidrBlock == null ? Network.DEFAULT_CIDR_BLOCK : cidrBlock;
    }

    public int availabilityZoneCount() {
        return availabilityZoneCount == null ? Network.DEFAULT_AVAILABILITY_ZONE_COUNT : availabilityZoneCount;
    }

    public boolean publicSubnets() {
        return publicSubnets == null ? Network.DEFAULT_PUBLIC_SUBNETS : publicSubnets;
    }

    public boolean natGateway() {
        return natGateway == null ? Network.DEFAULT_NAT_GATEWAY : natGateway;
    }

    public List<String> interfaceEndpoints() {
        return interfaceEndpoints == null ? Network.DEFAULT_INTERFACE_ENDPOINTS : interfaceEndpoints;
    }

    public int interfaceEndpointAzCount() {
        return interfaceEndpointAzCount == null ? Network.DEFAULT_INTERFACE_ENDPOINT_AZ_COUNT : interfaceEndpointAzCount;
    }

    public int flowLogRetentionDays() {
        return flowLogRetentionDays == null ? Network.DEFAULT_FLOW_LOG_RETENTION_DAYS : flowLogRetentionDays;
    }

    public Optional<Output<String>> kmsKeyArn() {
        return Optional.ofNullable(kmsKeyArn);
    }

    /** Checks every option and lists all problems in one message. */
    public NetworkArgs validate() {
        int azCount = availabilityZoneCount();
        var services = interfaceEndpoints();
        var problems = new Problems("NetworkArgs")
                .check("", () -> ResourceTags.require("Network", tags))
                .check("cidrBlock: ", () -> new SubnetLayout(Ipv4Cidr.parse(cidrBlock())))
                .require(azCount >= Network.MIN_AVAILABILITY_ZONE_COUNT && azCount <= Network.MAX_AVAILABILITY_ZONE_COUNT,
                        () -> "availabilityZoneCount must be " + Network.MIN_AVAILABILITY_ZONE_COUNT + "-"
                                + Network.MAX_AVAILABILITY_ZONE_COUNT + ", was " + azCount)
                .require(!natGateway() || publicSubnets(),
                        () -> "natGateway needs publicSubnets(true): a NAT gateway lives in a public subnet")
                .require(services.stream().distinct().count() == services.size(),
                        () -> "interfaceEndpoints lists a service twice: " + services)
                .require(interfaceEndpointAzCount() >= 1 && interfaceEndpointAzCount() <= azCount,
                        () -> "interfaceEndpointAzCount must be 1-" + azCount + " (the AZ count), was "
                                + interfaceEndpointAzCount())
                .check("flowLogRetentionDays: ", () -> LogRetention.require("Network", flowLogRetentionDays()));
        for (var service : services) {
            problems.require(service != null && service.matches("[a-z0-9][a-z0-9.-]*"),
                    () -> "interfaceEndpoints: '" + service + "' is not an AWS service short name (e.g. logs, sts, "
                            + "secretsmanager, kinesis-streams)");
        }
        problems.throwIfAny();
        return this;
    }

    public static final class Builder {
        private final NetworkArgs args;

        private Builder() {
            this(new NetworkArgs());
        }

        private Builder(NetworkArgs args) {
            this.args = args;
        }

        /** Tags for every resource; must contain environment, project, owner and cost-center. Required. */
        public Builder tags(Map<String, String> tags) {
            args.tags = tags;
            return this;
        }

        /** The VPC's IPv4 CIDR, /16 to /24. Default {@value Network#DEFAULT_CIDR_BLOCK}. */
        public Builder cidrBlock(String cidrBlock) {
            args.cidrBlock = cidrBlock;
            return this;
        }

        /**
         * Number of AZs, each with one private subnet (and one public if enabled), 2-6. Default
         * {@value Network#DEFAULT_AVAILABILITY_ZONE_COUNT}.
         */
        public Builder availabilityZoneCount(int count) {
            args.availabilityZoneCount = count;
            return this;
        }

        /** Create public subnets and an internet gateway. Default {@value Network#DEFAULT_PUBLIC_SUBNETS}. */
        public Builder publicSubnets(boolean publicSubnets) {
            args.publicSubnets = publicSubnets;
            return this;
        }

        /**
         * Give private subnets internet egress through one NAT gateway; needs public subnets. Default
         * {@value Network#DEFAULT_NAT_GATEWAY}.
         */
        public Builder natGateway(boolean natGateway) {
            args.natGateway = natGateway;
            return this;
        }

        /**
         * AWS service short names to reach privately, e.g. {@code secretsmanager}, {@code logs}, {@code glue},
         * {@code kinesis-streams}, {@code sts}. Default none.
         */
        public Builder interfaceEndpoints(List<String> services) {
            args.interfaceEndpoints = List.copyOf(services);
            return this;
        }

        /**
         * In how many AZs each interface endpoint has a network interface; prod uses all. Default
         * {@value Network#DEFAULT_INTERFACE_ENDPOINT_AZ_COUNT}.
         */
        public Builder interfaceEndpointAzCount(int count) {
            args.interfaceEndpointAzCount = count;
            return this;
        }

        /**
         * Days the VPC flow-log group keeps events (a CloudWatch Logs retention value). Default
         * {@value Network#DEFAULT_FLOW_LOG_RETENTION_DAYS}.
         */
        public Builder flowLogRetentionDays(int days) {
            args.flowLogRetentionDays = days;
            return this;
        }

        /**
         * KMS key for the flow-log group; its policy must let CloudWatch Logs use it. Default: the component creates a
         * key with rotation.
         */
        public Builder kmsKeyArn(Output<String> kmsKeyArn) {
            args.kmsKeyArn = kmsKeyArn;
            return this;
        }

        /** Builds and validates the arguments. */
        public NetworkArgs build() {
            return args.validate();
        }
    }
}
