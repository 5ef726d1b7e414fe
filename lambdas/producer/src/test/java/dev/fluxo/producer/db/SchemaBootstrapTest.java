package dev.fluxo.producer.db;

import dev.fluxo.producer.TestDatabase;
import dev.fluxo.schema.Column;
import dev.fluxo.schema.CustomerColumns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.fluxo.producer.TestDatabase.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchemaBootstrapTest {
    @BeforeEach
    void emptyDatabase() throws Exception {
        TestDatabase.reset();
    }

    @Test
    void createsTheTableWithTheSchemaModulesColumns() throws Exception {
        try (Connection c = TestDatabase.connect()) {
            new SchemaBootstrap().ensure(c);
            List<String> columns = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT column_name FROM "
                    + "information_schema.columns WHERE table_schema = 'public' AND table_name = 'customers' "
                    + "ORDER BY ordinal_position")) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            assertThat(columns).isEqualTo(CustomerColumns.ALL.stream().map(Column::name).toList());
        }
    }

    @Test
    void createsTheDefaultPublicationForTheTableWithReplicaIdentityFull() throws Exception {
        try (Connection c = TestDatabase.connect()) {
            BootstrapResult result = new SchemaBootstrap().ensure(c);
            assertThat(result).isEqualTo(new BootstrapResult(true, true, true, false));
            assertThat(count(c, "SELECT count(*) FROM pg_publication_tables WHERE pubname = '"
                    + SchemaBootstrap.DEFAULT_PUBLICATION + "' AND schemaname = 'public' AND tablename = 'customers'"))
                    .isEqualTo(1);
            assertThat(count(c, "SELECT count(*) FROM pg_class WHERE oid = 'public.customers'::regclass"
                    + " AND relreplident = 'f'")).isEqualTo(1);
        }
    }

    @Test
    void secondRunChangesNothing() throws Exception {
        try (Connection c = TestDatabase.connect()) {
            new SchemaBootstrap().ensure(c);
            assertThat(new SchemaBootstrap().ensure(c).changedAnything()).isFalse();
            assertThat(count(c, "SELECT count(*) FROM pg_publication")).isEqualTo(1);
        }
    }

    @Test
    void concurrentBootstrapsAllSucceedAndCreateOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<BootstrapResult>> tasks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                tasks.add(() -> {
                    try (Connection c = TestDatabase.connect()) {
                        return new SchemaBootstrap().ensure(c);
                    }
                });
            }
            List<BootstrapResult> results = new ArrayList<>();
            for (Future<BootstrapResult> f : pool.invokeAll(tasks)) {
                results.add(f.get());
            }
            assertThat(results).filteredOn(BootstrapResult::createdTable).hasSize(1);
            assertThat(results).filteredOn(BootstrapResult::createdPublication).hasSize(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void fixesAnExistingTableAndPublicationWithoutIt() throws Exception {
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement()) {
            s.execute(CustomerTable.createTableSql());
            s.execute("CREATE PUBLICATION cdc_custom");
            BootstrapResult result = new SchemaBootstrap("cdc_custom").ensure(c);
            assertThat(result).isEqualTo(new BootstrapResult(false, true, false, true));
            assertThat(count(c, "SELECT count(*) FROM pg_publication_tables WHERE pubname = 'cdc_custom'"))
                    .isEqualTo(1);
        }
    }

    @Test
    void rejectsPublicationNamesThatAreNotPlainIdentifiers() {
        assertThatThrownBy(() -> new SchemaBootstrap("x; DROP TABLE y")).hasMessageContaining("publication name");
    }
}
