package dev.fluxo.producer.run;

import dev.fluxo.producer.TestDatabase;
import dev.fluxo.producer.change.ChangeCounts;
import dev.fluxo.producer.change.ChangeMix;
import dev.fluxo.producer.change.ProducedBatch;
import dev.fluxo.producer.customer.CustomerGenerator;
import dev.fluxo.producer.db.CustomerWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.fluxo.producer.TestDatabase.count;
import static org.assertj.core.api.Assertions.assertThat;

class BatchProducerTest {
    @BeforeEach
    void emptyTable() throws Exception {
        TestDatabase.resetWithSchema();
    }

    private static BatchProducer producer(String mix, long seed) {
        return new BatchProducer(CustomerGenerator.seeded(seed), ChangeMix.parse(mix), new CustomerWriter(), seed);
    }

    @Test
    void writesNRowsWithValidValues() throws Exception {
        try (Connection c = TestDatabase.connect()) {
            ProducedBatch batch = producer("100/0/0", 1).produce(c, 500);
            assertThat(batch.counts()).isEqualTo(new ChangeCounts(500, 0, 0));
            assertThat(count(c, "SELECT count(*) FROM public.customers")).isEqualTo(500);
            assertThat(count(c, "SELECT count(DISTINCT id) FROM public.customers")).isEqualTo(500);
            assertThat(count(c, "SELECT count(*) FROM public.customers WHERE sexo NOT IN ('M', 'F') OR sexo IS NULL"))
                    .isZero();
            assertThat(count(c, "SELECT count(*) FROM public.customers WHERE email !~ '^[a-z0-9._]+@[a-z.]+\\.[a-z]+$'"))
                    .isZero();
            assertThat(count(c, "SELECT count(*) FROM public.customers WHERE nome IS NULL OR btrim(nome) = ''"))
                    .isZero();
            assertThat(count(c, "SELECT count(*) FROM public.customers WHERE dt_update IS NULL")).isZero();
            assertThat(count(c, "SELECT count(*) FROM public.customers WHERE foto NOT LIKE 'https://%'")).isZero();
            assertThat(count(c, "SELECT count(*) FROM public.customers WHERE endereco IS NULL OR telefone IS NULL"
                    + " OR profissao IS NULL")).isZero();
        }
    }

    @Test
    void mixUpdatesAndDeletesExistingIds() throws Exception {
        try (Connection c = TestDatabase.connect()) {
            BatchProducer producer = producer(ChangeMix.DEFAULT_TEXT, 2);
            Set<Long> before = new HashSet<>(producer.produce(c, 300).insertedIds());
            assertThat(before).hasSize(300);

            ProducedBatch batch = producer.produce(c, 100);

            assertThat(batch.counts()).isEqualTo(ChangeMix.DEFAULT.split(100));
            assertThat(batch.updatedIds()).doesNotHaveDuplicates().allMatch(before::contains);
            assertThat(batch.deletedIds()).doesNotHaveDuplicates().allMatch(before::contains)
                    .doesNotContainAnyElementsOf(batch.updatedIds());
            assertThat(batch.insertedIds()).noneMatch(before::contains);
            assertThat(count(c, "SELECT count(*) FROM public.customers")).isEqualTo(300 + 70 - 5);
            assertThat(countIds(c, "SELECT count(*) FROM public.customers WHERE id = ANY (?)", batch.deletedIds()))
                    .isZero();
            Timestamp stamp = Timestamp.valueOf(LocalDateTime.ofInstant(batch.dtUpdate(), ZoneOffset.UTC));
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT count(*) FROM public.customers WHERE id = ANY (?) AND dt_update = ?")) {
                Array ids = c.createArrayOf("bigint", batch.updatedIds().toArray());
                ps.setArray(1, ids);
                ps.setTimestamp(2, stamp);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(25);
                }
            }
        }
    }

    @Test
    void changesMissingForLackOfRowsBecomeInserts() throws Exception {
        try (Connection c = TestDatabase.connect()) {
            BatchProducer producer = producer(ChangeMix.DEFAULT_TEXT, 3);
            assertThat(producer.produce(c, 100).counts()).isEqualTo(new ChangeCounts(100, 0, 0));
            assertThat(producer("0/50/50", 3).produce(c, 300).counts()).isEqualTo(new ChangeCounts(200, 50, 50));
        }
    }

    @Test
    void findsExistingIdsInASparseTable() throws Exception {
        try (Connection c = TestDatabase.connect()) {
            List<Long> ids = producer("100/0/0", 4).produce(c, 2_000).insertedIds();
            c.createStatement().execute("DELETE FROM public.customers WHERE id NOT IN ("
                    + ids.get(3) + ", " + ids.get(1_000) + ", " + ids.get(1_999) + ")");
            ProducedBatch batch = producer("0/100/0", 4).produce(c, 3);
            assertThat(batch.updatedIds()).containsExactlyInAnyOrder(ids.get(3), ids.get(1_000), ids.get(1_999));
        }
    }

    private static long countIds(Connection c, String sql, List<Long> ids) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
