package dev.fluxo.schema;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class NamedQueriesTest {
    private static final Pattern TABLE_REF = Pattern.compile("\\b(bronze|silver|gold)\\.([a-z_]+)");

    @Test
    void everyQueryReadsOnlyTablesOfTheSchemaModule() {
        var known = LakehouseTables.ALL.stream().map(TableDefinition::qualifiedName).toList();
        for (var query : NamedQueries.ALL) {
            var matcher = TABLE_REF.matcher(query.sql());
            assertThat(matcher.find()).as(query.name() + " references a table").isTrue();
            do {
                assertThat(known).as(query.name()).contains(matcher.group());
            } while (matcher.find());
        }
    }

    @Test
    void rendersForAnotherDatabaseNaming() {
        var sql = NamedQueries.LATEST_CHANGES.sql(layer -> "fluxo_prod_" + layer.database());
        assertThat(sql).contains("FROM fluxo_prod_silver.customers_changes").doesNotContain("{db:");
    }

    @Test
    void answersTheEverydayQuestions() {
        assertThat(NamedQueries.CUSTOMERS_BY_PROFISSAO.sql()).contains("FROM gold.customers_by_profissao");
        assertThat(NamedQueries.CUSTOMERS_BY_PROFISSAO_CHECK.sql()).contains("count(*)", "FROM gold.customers\n",
                "GROUP BY profissao, sexo");
        assertThat(NamedQueries.LATEST_CHANGES.sql()).contains("ORDER BY commit_time DESC").endsWith("LIMIT 50");
        assertThat(NamedQueries.GOLD_FRESHNESS.sql()).contains("current_timestamp - max(commit_time)");
        assertThat(NamedQueries.DEAD_LETTER_REASONS.sql()).contains("INTERVAL '1' DAY", "GROUP BY stage, reason");
        assertThat(NamedQueries.DEAD_LETTER_REASONS.layer()).isEqualTo(Layer.BRONZE);
    }

    @Test
    void queryNamesAreUnique() {
        assertThat(NamedQueries.ALL.stream().map(NamedQuery::name).distinct()).hasSameSizeAs(NamedQueries.ALL);
    }
}
