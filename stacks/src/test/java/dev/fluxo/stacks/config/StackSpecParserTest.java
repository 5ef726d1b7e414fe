package dev.fluxo.stacks.config;

import dev.fluxo.stacks.spec.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StackSpecParserTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.fluxo.stacks.config.InvalidConfigCases#cases")
    void rejectsInvalidConfigWithAnActionableMessage(String name, StackConfig config, String expected) {
        var e = catchThrowableOfType(InvalidStackConfigException.class, () -> StackSpecParser.parse("fluxo", config));
        assertThat(e).as(name).isNotNull();
        assertThat(e.getMessage()).contains(expected);
        assertThat(e.getMessage()).startsWith("Stack 'test' has ");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        var m = InvalidConfigCases.validDev();
        m.put("fluxo:environment", "qa");
        m.put("aws:region", "nowhere");
        m.put("fluxo:network", "{\"cidr\":\"300.1.0.0/16\",\"azCount\":1,\"natGateway\":true}");
        var e = catchThrowableOfType(InvalidStackConfigException.class,
                () -> StackSpecParser.parse("fluxo", InvalidConfigCases.config(m)));
        assertThat(e.problems()).extracting(ConfigProblem::key).containsExactlyInAnyOrder(
                "aws:region", "fluxo:environment", "fluxo:network.cidr", "fluxo:network.azCount",
                "fluxo:network.natGateway");
        assertThat(e.getMessage()).startsWith("Stack 'test' has 5 configuration problems; nothing was registered.");
    }

    @Test
    void everyProblemNamesKeyValueAllowedAndExample() {
        var m = InvalidConfigCases.validDev();
        m.put("fluxo:network", "{\"azCount\":9,\"natGateway\":true,\"publicSubnets\":true}");
        var e = catchThrowableOfType(InvalidStackConfigException.class,
                () -> StackSpecParser.parse("fluxo", InvalidConfigCases.config(m)));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("fluxo:network.azCount");
            assertThat(p.value()).isEqualTo("9");
            assertThat(p.allowed()).isEqualTo("a whole number from 2 to 6");
            assertThat(p.example()).isEqualTo("fluxo:network: { azCount: 2 }");
        });
    }

    @Test
    void aNatGatewayOrAJobOutsideTheVpcNeedsFewerEndpoints() {
        var m = InvalidConfigCases.validDev();
        m.put("fluxo:network", "{\"publicSubnets\":true,\"natGateway\":true}");
        assertThat(StackSpecParser.parse("fluxo", InvalidConfigCases.config(m)).network().natGateway()).isTrue();

        m.put("fluxo:network", "{\"interfaceEndpoints\":[\"secretsmanager\",\"kinesis-streams\"]}");
        m.put("fluxo:job", "{\"privateSubnets\":false,\"workerVcpu\":1,\"workerMemoryGb\":4}");
        m.put("fluxo:kmsKeys", "shared");
        var spec = StackSpecParser.parse("fluxo", InvalidConfigCases.config(m));
        assertThat(spec.job().inPrivateSubnets()).isFalse();
        assertThat(spec.job().workerVcpu()).contains(1);
        assertThat(spec.sharedKey()).isTrue();
    }

    @Test
    void aKubernetesProdStackIsHeldToItsOwnRulesNotTheAwsDatabasesOnes() {
        var m = InvalidConfigCases.validKubernetesDev();
        m.put("fluxo:environment", "prod");
        var e = catchThrowableOfType(InvalidStackConfigException.class,
                () -> StackSpecParser.parse("fluxo", InvalidConfigCases.config(m)));
        assertThat(e.problems()).extracting(ConfigProblem::key).containsExactly("fluxo:kubernetes.storageGb");

        m.put("fluxo:kubernetes", m.get("fluxo:kubernetes").replace("{", "{\"storageGb\":100,"));
        assertThat(StackSpecParser.parse("fluxo", InvalidConfigCases.config(m)).environment()).isEqualTo(Environment.PROD);
    }

    @Test
    void aSecretMaskingKeyIsAcceptedAndNeverEchoed() {
        var spec = StackSpecParser.parse("fluxo", InvalidConfigCases.withSecretMaskingKey("k".repeat(40)));
        assertThat(spec.maskingKeyConfigured()).isTrue();

        var e = catchThrowableOfType(InvalidStackConfigException.class,
                () -> StackSpecParser.parse("fluxo", InvalidConfigCases.withSecretMaskingKey("short-secret-value")));
        assertThat(e.getMessage()).contains("fluxo:maskingKey = [secret]", "too short (18 characters)")
                .doesNotContain("short-secret-value");
    }

    @Test
    void aValidDevConfigBecomesASpecWithTags() {
        var spec = StackSpecParser.parse("fluxo", InvalidConfigCases.config(InvalidConfigCases.validDev()));
        assertThat(spec.environment()).isEqualTo(Environment.DEV);
        assertThat(spec.region()).isEqualTo("us-east-1");
        assertThat(spec.network().cidr()).contains("10.20.0.0/16");
        assertThat(spec.tags()).containsEntry("environment", "dev").containsEntry("project", "fluxo")
                .containsEntry("owner", "data-platform").containsEntry("cost-center", "cc-1");
    }

    @Test
    void providerKeysOutsideFluxoAreLeftToTheProvider() {
        var m = InvalidConfigCases.validDev();
        m.put("aws:profile", "sandbox");
        m.put("aws:defaultTags", "{\"tags\":{\"team\":\"x\"}}");
        assertThat(StackSpecParser.parse("fluxo", InvalidConfigCases.config(m)).region()).isEqualTo("us-east-1");
    }

    @Test
    void theCommittedStackFilesAreValid() throws Exception {
        var dir = dev.fluxo.stacks.StackFiles.dir();
        assertThat(StackFile.available(dir)).contains("dev", "staging", "prod");
        for (var stack : StackFile.available(dir)) {
            var spec = StackSpecParser.parse("fluxo", StackFile.load(dir, stack));
            assertThat(spec.stack()).isEqualTo(stack);
        }
    }

    @Test
    void stackFileEncryptedValuesArePlaceholdersMarkedSecret() {
        var config = StackFile.parse("x", """
                config:
                  fluxo:maskingKey:
                    secure: AAABADQZ
                  fluxo:network:
                    cidr: 10.1.0.0/16
                """, "inline");
        assertThat(config.secretKeys()).containsExactly("fluxo:maskingKey");
        assertThat(config.values()).containsEntry("fluxo:maskingKey", StackFile.SECRET_PLACEHOLDER)
                .containsEntry("fluxo:network", "{\"cidr\":\"10.1.0.0/16\"}");
    }

    @Test
    void aMissingStackFileNamesTheStacksThatExist() {
        assertThatThrownBy(() -> StackFile.load(Path.of("src/test/resources/none"), "qa"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no stack 'qa'");
        assertThatThrownBy(() -> StackFile.load(Path.of("."), "../etc"))
                .hasMessageContaining("is not a stack name");
    }

    @Test
    void cidrOverlapIsExact() {
        var a = Cidr.parse("10.20.0.0/16").orElseThrow();
        assertThat(a.overlaps(Cidr.parse("10.20.128.0/17").orElseThrow())).isTrue();
        assertThat(a.overlaps(Cidr.parse("10.21.0.0/16").orElseThrow())).isFalse();
        assertThat(Cidr.parse("10.0.0.0/8").orElseThrow().overlaps(a)).isTrue();
        assertThat(Cidr.parse("256.0.0.0/8")).isEmpty();
    }
}
