package dev.fluxo.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LakehouseTablesTest {

    @Test
    void tablesHaveTheArchitecturesNames() {
        assertThat(LakehouseTables.ALL).extracting(TableDefinition::qualifiedName).containsExactly(
                "bronze.customers_changes", "bronze.customers_dead_letter", "silver.customers_changes",
                "gold.customers", "gold.customers_by_profissao");
    }

    @Test
    void silverCarriesEveryCustomerColumnAndTheChangePosition() {
        var silver = LakehouseTables.SILVER_CUSTOMERS_CHANGES.columnNames();
        assertThat(silver).containsSubsequence("id", "nome", "sexo", "endereco", "telefone", "email", "foto",
                "profissao", "dt_update");
        assertThat(silver).contains("op", "source_position", "commit_time");
    }

    @Test
    void changeTablesArePartitionedByDayOfChange() {
        for (var t : List.of(LakehouseTables.BRONZE_CUSTOMERS_CHANGES, LakehouseTables.SILVER_CUSTOMERS_CHANGES)) {
            assertThat(t.partitioning()).containsExactly(PartitionField.day("commit_time"));
        }
    }

    @Test
    void goldCustomersIsKeyedById() {
        assertThat(LakehouseTables.GOLD_CUSTOMERS.identifierFields()).containsExactly("id");
        assertThat(LakehouseTables.GOLD_CUSTOMERS.column("id")).get().extracting(Column::required).isEqualTo(true);
    }

    @Test
    void emailAndTelefoneAreHashedInSilver() {
        assertThat(CustomerColumns.ALL).filteredOn(c -> c.pii() == Pii.KEYED_HASH)
                .extracting(Column::name).containsExactlyInAnyOrder("email", "telefone");
    }

    @Test
    void aPartitionOnAMissingColumnIsRejected() {
        assertThatThrownBy(() -> new TableDefinition(Layer.GOLD, "t", "d",
                List.of(Column.required("a", ColumnType.STRING, "a")), List.of(PartitionField.day("b")), List.of()))
                .hasMessageContaining("partition column b is not a column");
    }

    @Test
    void columnNamesMustBeSnakeCase() {
        assertThatThrownBy(() -> Column.required("dtUpdate", ColumnType.TIMESTAMP, "x"))
                .hasMessageContaining("snake_case");
    }
}
