package dev.fluxo.pipeline.change;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourcePositionTest {

    @Test
    void renderedPositionsSortAsTheNumbersDo() {
        List<SourcePosition> lsns = List.of(SourcePosition.lsn(9, null), SourcePosition.lsn(10, null),
                SourcePosition.lsn(123_456_789_012L, 5L));
        assertThat(lsns).isSorted();
        assertThat(lsns.stream().map(SourcePosition::rendered).toList()).isSorted()
                .allSatisfy(s -> assertThat(s).hasSize(SourcePosition.LSN_DIGITS));
        assertThat(SourcePosition.lsn(10, null).rendered()).isEqualTo("00000000000000000010");
    }

    @Test
    void lsnIsUnsignedSixtyFourBits() {
        assertThat(SourcePosition.lsn(-1, null).rendered()).isEqualTo("18446744073709551615");
        assertThat(SourcePosition.lsn(Long.MAX_VALUE, null).rendered()).isEqualTo("09223372036854775807");
        assertThat(SourcePosition.lsn(Long.MIN_VALUE, null).rendered()).isEqualTo("09223372036854775808");
        assertThat(SourcePosition.offset(0).rendered()).isEqualTo("0".repeat(SourcePosition.LSN_DIGITS));
        assertThat(SourcePosition.lsn(-1, null)).isGreaterThan(SourcePosition.lsn(Long.MAX_VALUE, null));
    }

    @Test
    void kinesisSequenceNumbersRenderToSixtyFourDigits() {
        SourcePosition a = SourcePosition.sequence("49590338271490256608559692538361571095921575989136588898");
        SourcePosition b = SourcePosition.sequence("49590338271490256608559692538361571095921575989136588899");
        assertThat(a.rendered()).hasSize(SourcePosition.SEQUENCE_DIGITS);
        assertThat(a.rendered().compareTo(b.rendered())).isNegative();
        assertThat(a).isLessThan(b);
        assertThatThrownBy(() -> SourcePosition.sequence("12a")).hasMessageContaining("decimal digits");
    }

    @Test
    void transactionIdDoesNotChangeTheOrder() {
        assertThat(SourcePosition.lsn(5, 1L).compareTo(SourcePosition.lsn(5, 2L))).isZero();
        assertThat(SourcePosition.offset(5).withTxId(3L).txId()).isEqualTo(3L);
    }
}
