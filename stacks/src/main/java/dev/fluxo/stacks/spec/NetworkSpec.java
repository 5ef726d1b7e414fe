package dev.fluxo.stacks.spec;

import java.util.List;
import java.util.Optional;

/**
 * Network settings ({@code fluxo:network}); empty values take the {@code Network} component's defaults.
 *
 * @param cidr                     the VPC block
 * @param azCount                  availability zones for the private subnets
 * @param publicSubnets            whether public subnets (and an internet gateway) exist
 * @param natGateway               whether private subnets reach the internet through a NAT gateway
 * @param interfaceEndpoints       AWS services reached through interface endpoints
 * @param interfaceEndpointAzCount how many AZs the interface endpoints are placed in
 * @param flowLogRetentionDays     VPC flow log retention
 * @param peeredCidrs              blocks of networks this VPC will be connected to; the VPC must not overlap them
 */
public record NetworkSpec(Optional<String> cidr, Optional<Integer> azCount, boolean publicSubnets, boolean natGateway,
                          Optional<List<String>> interfaceEndpoints, Optional<Integer> interfaceEndpointAzCount,
                          Optional<Integer> flowLogRetentionDays, List<String> peeredCidrs) {
}
