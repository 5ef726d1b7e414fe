package dev.fluxo.pipeline.validate;

import dev.fluxo.pipeline.change.Customer;
import dev.fluxo.pipeline.change.CustomerChange;
import dev.fluxo.pipeline.change.Op;
import dev.fluxo.pipeline.change.SourcePosition;
import dev.fluxo.schema.LakehouseTables;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeValidatorTest {
    private static final Instant T = Instant.parse("2026-11-23T10:15:30.123456789Z");
    private final ChangeValidator validator = new ChangeValidator();

    private static CustomerChange change(Long id, Op op, Customer after, int version) {
        return new CustomerChange(id, op, null, after, SourcePosition.lsn(1, null), T, version);
    }

    private static Customer row(String nome, String sexo, String email) {
        return new Customer(1L, nome, sexo, "  Rua A  ", "", email, null, "\t", T);
    }

    private CustomerChange valid(CustomerChange c) {
        ValidationResult r = validator.validate(c);
        assertThat(r).isInstanceOf(ValidationResult.Valid.class);
        return ((ValidationResult.Valid) r).change();
    }

    private String invalid(CustomerChange c) {
        ValidationResult r = validator.validate(c);
        assertThat(r).isInstanceOf(ValidationResult.Invalid.class);
        return ((ValidationResult.Invalid) r).reason();
    }

    @Test
    void cleaningTrimsBlanksToNullNormalisesSexoAndTruncatesToMicros() {
        Customer cleaned = valid(change(1L, Op.CREATE, row(" Ana ", "f", " ana@example.com "), 1)).after();
        assertThat(cleaned).isEqualTo(new Customer(1L, "Ana", "F", "Rua A", null, "ana@example.com", null, null,
                Instant.parse("2026-11-23T10:15:30.123456Z")));
        assertThat(valid(change(1L, Op.CREATE, row("Ana", "F", null), 1)).commitTime())
                .isEqualTo(Instant.parse("2026-11-23T10:15:30.123456Z"));
    }

    @Test
    void rejectsEveryBrokenRuleAtOnce() {
        String reason = invalid(change(null, Op.UPDATE, row("Ana", "X", "not-an-address"), 9));
        assertThat(reason).contains("schema version 9 is not supported; this pipeline reads [1]")
                .contains("id is required").contains("sexo must be M or F, got 'X'")
                .contains("email is not shaped like an e-mail address").doesNotContain("not-an-address");
    }

    @Test
    void supportedVersionsDefaultToTheSchemaModules() {
        assertThat(ChangeValidator.DEFAULT_SUPPORTED_VERSIONS).containsExactly(LakehouseTables.CUSTOMER_SCHEMA_VERSION);
        assertThat(new ChangeValidator(java.util.Set.of(1, 2)).validate(change(1L, Op.CREATE, row("A", "M", null), 2)))
                .isInstanceOf(ValidationResult.Valid.class);
    }

    @Test
    void writesNeedAnAfterImageButDeletesOnlyAnId() {
        assertThat(invalid(change(1L, Op.CREATE, null, 1))).isEqualTo("op c needs an after image");
        CustomerChange delete = new CustomerChange(1L, Op.DELETE, row("A", "?", "bad"), null, SourcePosition.lsn(1, null),
                T, 1);
        assertThat(valid(delete).before().nome()).isEqualTo("A");
    }

    @Test
    void emailShapes() {
        for (String ok : new String[] {"a@b.co", "first.last+tag@mail.example.com.br"}) {
            assertThat(validator.validate(change(1L, Op.CREATE, row("A", "M", ok), 1))).as(ok)
                    .isInstanceOf(ValidationResult.Valid.class);
        }
        for (String bad : new String[] {"a@b", "@b.com", "a b@c.com", "a@@b.com", "a@b."}) {
            assertThat(validator.validate(change(1L, Op.CREATE, row("A", "M", bad), 1))).as(bad)
                    .isInstanceOf(ValidationResult.Invalid.class);
        }
    }
}
