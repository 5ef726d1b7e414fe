package dev.fluxo.jobs.support;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The oracle: gold holds, per id, the change with the highest source position, unless that change is a delete.
 * Row and aggregate text forms match {@link TestLakehouse#goldRows()} and {@link TestLakehouse#aggregateRows()}.
 */
public final class ExpectedGold {
    private ExpectedGold() {
    }

    public static List<String> rows(Collection<Change> validChanges) {
        return newest(validChanges).stream().sorted(Comparator.comparing(Change::id))
                .map(c -> c.id() + "|" + c.nome() + "|" + c.sexo() + "|" + c.profissao() + "|" + c.sourcePosition())
                .toList();
    }

    public static List<String> aggregate(Collection<Change> validChanges) {
        Map<String, Long> counts = newest(validChanges).stream()
                .collect(Collectors.groupingBy(c -> c.profissao() + "|" + c.sexo(), Collectors.counting()));
        return counts.entrySet().stream().map(e -> e.getKey() + "|" + e.getValue()).sorted().toList();
    }

    private static List<Change> newest(Collection<Change> changes) {
        return changes.stream()
                .collect(Collectors.toMap(Change::id, Function.identity(),
                        (a, b) -> a.position() >= b.position() ? a : b))
                .values().stream().filter(c -> !c.op().equals("d")).toList();
    }
}
