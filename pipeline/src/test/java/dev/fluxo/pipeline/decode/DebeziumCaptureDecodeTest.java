package dev.fluxo.pipeline.decode;

import dev.fluxo.pipeline.change.Customer;
import dev.fluxo.pipeline.change.CustomerChange;
import dev.fluxo.pipeline.change.Op;
import dev.fluxo.pipeline.change.SourcePosition;
import dev.fluxo.pipeline.testing.DebeziumCapture;
import dev.fluxo.pipeline.testing.SourceDatabase;
import dev.fluxo.schema.LakehouseTables;
import io.debezium.engine.ChangeEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real change events: PostgreSQL 17 → Debezium embedded engine (pgoutput, JSON converter) → our decoder. What was
 * written must come back, {@code dt_update} to the microsecond, in LSN order.
 */
class DebeziumCaptureDecodeTest {
    private static SourceDatabase db;
    private final ChangeDecoder decoder = ChangeDecoder.debezium(DecoderOptions.defaults());

    @BeforeAll
    static void startDatabase() {
        db = SourceDatabase.start();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        db.close();
    }

    @ParameterizedTest(name = "schemas enabled: {0}")
    @ValueSource(booleans = {true, false})
    void snapshotInsertUpdateDeleteDecodeToWhatWasWritten(boolean schemas) throws Exception {
        long base = schemas ? 1000 : 2000;
        db.execute("delete from public.customers");
        Customer snapshotRow = new Customer(base + 1, "Ana Souza", "F", "Rua A, 1", "+55 11 91234-5678", "ana@example.com",
                "https://img.example/1.png", "Engenheira", Instant.parse("2026-11-23T10:15:30.123456Z"));
        Customer inserted = new Customer(base + 2, "Bruno Lima", "M", "Av. B, 22", "+55 21 99876-5432", "bruno@example.com",
                "https://img.example/2.png", "Professor", Instant.parse("2026-11-23T23:59:59.999999Z"));
        Customer updated = new Customer(base + 2, "Bruno Lima", "M", "Av. B, 22", "+55 21 99876-5432", "bruno@example.com",
                "https://img.example/2.png", "Diretor", Instant.parse("2026-11-24T00:00:00.000001Z"));
        insert(snapshotRow);

        List<ChangeEvent<String, String>> events;
        try (DebeziumCapture capture = new DebeziumCapture(db, schemas)) {
            List<ChangeEvent<String, String>> snapshot = capture.take(1, 60);
            insert(inserted);
            db.execute("update public.customers set profissao = 'Diretor', dt_update = '2026-11-24 00:00:00.000001' "
                    + "where id = " + (base + 2));
            db.execute("delete from public.customers where id = " + (base + 2));
            events = new java.util.ArrayList<>(snapshot);
            events.addAll(capture.take(4, 60));
        }
        assertThat(events.get(0).value()).startsWith(schemas ? "{\"schema\":" : "{\"before\":");

        List<DecodeResult> results = events.stream().map(this::decode).toList();
        assertThat(results.get(4)).isEqualTo(new DecodeResult.Ignored(DecodeResult.Ignored.TOMBSTONE));
        List<CustomerChange> changes = results.subList(0, 4).stream()
                .map(r -> assertThat(r).isInstanceOf(DecodeResult.Decoded.class).actual())
                .map(r -> ((DecodeResult.Decoded) r).change()).toList();

        CustomerChange read = changes.get(0);
        assertThat(read.op()).isEqualTo(Op.READ);
        assertThat(read.after()).isEqualTo(snapshotRow);

        CustomerChange create = changes.get(1);
        assertThat(create.op()).isEqualTo(Op.CREATE);
        assertThat(create.id()).isEqualTo(base + 2);
        assertThat(create.before()).isNull();
        assertThat(create.after()).isEqualTo(inserted);

        CustomerChange update = changes.get(2);
        assertThat(update.op()).isEqualTo(Op.UPDATE);
        assertThat(update.before()).isEqualTo(inserted);
        assertThat(update.after()).isEqualTo(updated);
        assertThat(update.after().dtUpdate()).isEqualTo(Instant.parse("2026-11-24T00:00:00.000001Z"));

        CustomerChange delete = changes.get(3);
        assertThat(delete.op()).isEqualTo(Op.DELETE);
        assertThat(delete.id()).isEqualTo(base + 2);
        assertThat(delete.before()).isEqualTo(updated);
        assertThat(delete.after()).isNull();

        for (CustomerChange c : changes) {
            assertThat(c.position().kind()).isEqualTo(SourcePosition.Kind.LSN);
            assertThat(c.position().rendered()).hasSize(SourcePosition.LSN_DIGITS);
            assertThat(c.commitTime()).isBetween(Instant.now().minus(Duration.ofMinutes(5)), Instant.now());
            assertThat(c.schemaVersion()).isEqualTo(LakehouseTables.CUSTOMER_SCHEMA_VERSION);
        }
        List<SourcePosition> streamed = changes.subList(1, 4).stream().map(CustomerChange::position).toList();
        assertThat(streamed).isSorted().doesNotHaveDuplicates();
        assertThat(streamed.stream().map(SourcePosition::rendered).toList()).isSorted();
        assertThat(streamed).allSatisfy(p -> assertThat(p.txId()).isNotNull());
        assertThat(read.position()).isLessThanOrEqualTo(streamed.get(0));
    }

    private DecodeResult decode(ChangeEvent<String, String> e) {
        return decoder.decode(SourceRecord.of(bytes(e.key()), bytes(e.value()), e.destination()));
    }

    private static byte[] bytes(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static void insert(Customer c) throws SQLException {
        try (Connection conn = db.connect(); PreparedStatement ps = conn.prepareStatement(
                "insert into public.customers (id, nome, sexo, endereco, telefone, email, foto, profissao, dt_update) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, c.id());
            ps.setString(2, c.nome());
            ps.setString(3, c.sexo());
            ps.setString(4, c.endereco());
            ps.setString(5, c.telefone());
            ps.setString(6, c.email());
            ps.setString(7, c.foto());
            ps.setString(8, c.profissao());
            ps.setTimestamp(9, Timestamp.valueOf(LocalDateTime.ofInstant(c.dtUpdate(), ZoneOffset.UTC)));
            ps.executeUpdate();
        }
    }
}
