package dev.fluxo.components;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResource;
import com.pulumi.test.PulumiTest;
import dev.fluxo.components.naming.ResourceTags;
import dev.fluxo.components.testing.RecordingMocks;
import dev.fluxo.schema.Layer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.fluxo.components.ComponentTestSupport.TAGS;
import static org.assertj.core.api.Assertions.assertThat;

/** Every taggable resource any component registers carries the cost and ownership tags plus a Name. */
class TaggingTest {
    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void everyTaggableResourceCarriesTheRequiredTagsAndAName() {
        var mocks = new RecordingMocks();
        var result = ComponentTestSupport.run(mocks, ctx -> {
            var network = new Network("net", NetworkArgs.builder().tags(TAGS).publicSubnets(true).natGateway(true)
                    .interfaceEndpoints(List.of("logs", "sts")).build(), null);
            var lake = new Lakehouse("lake", LakehouseArgs.builder().tags(TAGS).environment("dev").build(), null);
            var db = new SourceDatabase("source", SourceDatabaseArgs.builder().tags(TAGS).environment("dev")
                    .vpcId(network.vpcId).subnetIds(network.privateSubnetIds).vpcCidr(network.vpcCidr)
                    .alarmTopicArn(Output.of("arn:aws:sns:us-east-1:123456789012:alerts")).build(), null);
            db.allowConnectionsFrom("cdc", network.endpointSecurityGroupId);
            var role = new Role("transform", RoleArgs.builder().assumeRolePolicy("{}").tags(TAGS).build());
            lake.grantWrite("transform-bronze", role, Layer.BRONZE);
        });
        var taggable = result.resources().stream()
                .filter(r -> r instanceof CustomResource && !(r instanceof ComponentResource))
                .filter(TaggingTest::acceptsTags)
                .toList();
        assertThat(taggable).hasSizeGreaterThan(40);
        for (var resource : taggable) {
            var recorded = mocks.ofType(resource.pulumiResourceType()).stream()
                    .filter(r -> r.name().equals(resource.pulumiResourceName())).findFirst().orElseThrow();
            assertThat(recorded.tags()).as(recorded.type() + " " + recorded.name())
                    .containsKeys(ResourceTags.REQUIRED.toArray(String[]::new));
            if (!recorded.name().equals("transform")) {
                assertThat(recorded.tags()).as(recorded.type() + " " + recorded.name()).containsKey(ResourceTags.NAME);
            }
        }
    }

    /** Generated AWS resources that accept tags have a {@code tags()} output. */
    private static boolean acceptsTags(Object resource) {
        try {
            resource.getClass().getMethod("tags");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
