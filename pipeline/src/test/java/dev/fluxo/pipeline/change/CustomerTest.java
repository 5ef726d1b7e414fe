package dev.fluxo.pipeline.change;

import dev.fluxo.schema.CustomerColumns;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerTest {

    @Test
    void componentsFollowTheSchemaColumnsInOrder() {
        var names = Arrays.stream(Customer.class.getRecordComponents()).map(RecordComponent::getName)
                .map(n -> n.replaceAll("([A-Z])", "_$1").toLowerCase()).toList();
        assertThat(names).isEqualTo(CustomerColumns.ALL.stream().map(c -> c.name()).toList());
    }

    @Test
    void valuesRoundTripAndAreAddressableByColumn() {
        Customer c = new Customer(1L, "Ana", "F", "Rua", "+55", "a@b.com", "f", "p", Instant.EPOCH);
        assertThat(Customer.fromValues(c.values())).isEqualTo(c);
        assertThat(c.value(CustomerColumns.EMAIL)).isEqualTo("a@b.com");
        assertThat(c.value(CustomerColumns.DT_UPDATE)).isEqualTo(Instant.EPOCH);
    }

    @Test
    void opLettersAreDebeziums() {
        assertThat(Arrays.stream(Op.values()).map(Op::letter)).containsExactly("c", "u", "d", "r");
        assertThat(Op.fromLetter("d")).contains(Op.DELETE);
        assertThat(Op.fromLetter("t")).isEmpty();
        assertThat(Op.fromLetter(null)).isEmpty();
    }
}
