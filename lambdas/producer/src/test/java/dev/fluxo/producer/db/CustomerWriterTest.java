package dev.fluxo.producer.db;

import dev.fluxo.producer.TestDatabase;
import dev.fluxo.producer.change.ChangeBatch;
import dev.fluxo.producer.change.ProducedBatch;
import dev.fluxo.producer.customer.Customer;
import dev.fluxo.producer.customer.CustomerUpdate;
import dev.fluxo.producer.customer.Sexo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.fluxo.producer.TestDatabase.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerWriterTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123456789Z");
    private final CustomerWriter writer = new CustomerWriter(Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void emptyTable() throws Exception {
        TestDatabase.resetWithSchema();
    }

    private static Customer customer(String nome) {
        return new Customer(nome, Sexo.F, "Rua A, 1 - Recife/PE, 50000-000", "(81) 91234-5678",
                "ana.silva@gmail.com", "https://randomuser.me/api/portraits/women/1.jpg", "Analista de TI");
    }

    @Test
    void copiesValuesWithTabsBackslashesAndNewlinesUnchanged() throws Exception {
        String tricky = "Ana\tda \\Silva\nSegunda\rlinha";
        try (Connection c = TestDatabase.connect()) {
            ProducedBatch batch = writer.apply(c, new ChangeBatch(List.of(customer(tricky)), Map.of(), List.of()));
            try (PreparedStatement ps = c.prepareStatement("SELECT nome, dt_update FROM public.customers WHERE id = ?")) {
                ps.setLong(1, batch.insertedIds().get(0));
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(tricky);
                    assertThat(rs.getObject(2, LocalDateTime.class))
                            .isEqualTo(LocalDateTime.parse("2026-11-23T10:15:30.123456"));
                }
            }
            assertThat(batch.dtUpdate()).isEqualTo(Instant.parse("2026-11-23T10:15:30.123456Z"));
        }
    }

    @Test
    void updatesAndDeletesOfRowsAlreadyGoneAreNotCounted() throws Exception {
        try (Connection c = TestDatabase.connect()) {
            List<Long> ids = writer.apply(c, new ChangeBatch(List.of(customer("Ana Lima"), customer("Bia Reis")),
                    Map.of(), List.of())).insertedIds();
            ProducedBatch batch = writer.apply(c, new ChangeBatch(List.of(),
                    Map.of(ids.get(0), new CustomerUpdate("Rua B, 2", "(11) 98888-7777", "Gerente"), 999_999L,
                            new CustomerUpdate("x", "y", "z")), List.of(ids.get(1), 888_888L)));
            assertThat(batch.updatedIds()).containsExactly(ids.get(0));
            assertThat(batch.deletedIds()).containsExactly(ids.get(1));
            assertThat(count(c, "SELECT count(*) FROM public.customers WHERE profissao = 'Gerente'")).isEqualTo(1);
        }
    }

    @Test
    void aFailingBatchLeavesNothingBehind() throws Exception {
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE public.customers ADD CONSTRAINT short_address CHECK (length(endereco) < 5)");
            ChangeBatch batch = new ChangeBatch(List.of(customer("Ana Lima")), Map.of(), List.of());
            assertThatThrownBy(() -> writer.apply(c, batch)).hasMessageContaining("short_address");
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(count(c, "SELECT count(*) FROM public.customers")).isZero();
        }
    }

    @Test
    void explainsAMissingIdentityColumn() throws Exception {
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE public.customers ALTER COLUMN id DROP IDENTITY");
            ChangeBatch batch = new ChangeBatch(List.of(customer("Ana Lima")), Map.of(), List.of());
            assertThatThrownBy(() -> writer.apply(c, batch)).hasMessageContaining("must be an identity column");
        }
    }
}
