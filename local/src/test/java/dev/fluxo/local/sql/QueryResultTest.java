package dev.fluxo.local.sql;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QueryResultTest {
    @Test
    void rendersAnAlignedTableWithNullsAndHowManyRowsWereLeftOut() {
        QueryResult r = new QueryResult(List.of("profissao", "customers"), List.of(
                List.of("Engenheira", "12"), Arrays.asList(null, "3"), List.of("Gerente", "1")));
        assertThat(r.render(2)).isEqualTo("""
                  profissao  | customers
                  -----------+----------
                  Engenheira | 12      \s
                  NULL       | 3       \s
                  (1 more rows)
                  3 rows
                """);
    }

    @Test
    void longValuesAreCut() {
        QueryResult r = new QueryResult(List.of("h"), List.of(List.of("x".repeat(100))));
        assertThat(r.render(QueryResult.DEFAULT_SHOWN_ROWS)).contains("x".repeat(QueryResult.MAX_WIDTH - 1) + "…")
                .doesNotContain("x".repeat(QueryResult.MAX_WIDTH + 1));
    }
}
