package dev.fluxo.cli.cost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stack's estimated monthly cost for two scenarios, idle and at the price table's load, per resource, with the
 * resources that cost nothing by themselves, those that could not be priced, and the settings that drive the total.
 */
public final class CostEstimate {
    private final String region;
    private final PriceTable table;
    private final List<CostLine> lines;
    private final Map<String, Long> free;
    private final List<NotPriced> notPriced;
    private final List<String> drivers;

    CostEstimate(String region, PriceTable table, List<CostLine> lines, Map<String, Long> free, List<NotPriced> notPriced,
                 List<String> drivers) {
        this.region = region;
        this.table = table;
        this.lines = List.copyOf(lines);
        this.free = Map.copyOf(free);
        this.notPriced = List.copyOf(notPriced);
        this.drivers = List.copyOf(drivers);
    }

    public String region() {
        return region;
    }

    public List<CostLine> lines() {
        return lines;
    }

    /** Resources per type that cost nothing by themselves. */
    public Map<String, Long> free() {
        return new TreeMap<>(free);
    }

    public List<NotPriced> notPriced() {
        return notPriced;
    }

    /** What drives the cost and which settings change it. */
    public List<String> drivers() {
        return drivers;
    }

    public double idleUsd() {
        return lines.stream().mapToDouble(CostLine::idleUsd).sum();
    }

    public double loadUsd() {
        return lines.stream().mapToDouble(CostLine::loadUsd).sum();
    }

    /** Idle cost per component, largest first. */
    public Map<String, Double> idleByComponent() {
        var byComponent = new LinkedHashMap<String, Double>();
        lines.forEach(l -> byComponent.merge(l.component(), l.idleUsd(), Double::sum));
        var sorted = new LinkedHashMap<String, Double>();
        byComponent.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The estimate as text, printed after the resource counts of {@code fluxo plan}. */
    public String render() {
        var sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Estimated monthly cost (USD, %s; price table of %s, %s):%n", region,
                table.date(), table.regionNote(region)));
        sb.append(String.format(Locale.ROOT, "  idle     %10s%n", Money.usd(idleUsd())));
        sb.append(String.format(Locale.ROOT, "  at load  %10s   load: %s%n", Money.usd(loadUsd()), table.load().description()));
        sb.append("  assumed: ").append(table.assumptionsText()).append('\n');
        sb.append(String.format(Locale.ROOT, "%n  %-58s %10s %10s  %s%n", "component / resource", "idle", "load", "basis"));
        var byComponent = new LinkedHashMap<String, List<CostLine>>();
        lines.forEach(l -> byComponent.computeIfAbsent(l.component(), k -> new ArrayList<>()).add(l));
        var zero = 0;
        for (var component : idleByComponent().keySet()) {
            var componentLines = byComponent.get(component);
            var idle = componentLines.stream().mapToDouble(CostLine::idleUsd).sum();
            var load = componentLines.stream().mapToDouble(CostLine::loadUsd).sum();
            sb.append(String.format(Locale.ROOT, "  %-58s %10s %10s%n", component, Money.usd(idle), Money.usd(load)));
            for (var line : componentLines) {
                if (Money.cents(line.loadUsd()) == 0) {
                    zero++;
                    continue;
                }
                var basis = line.idleBasis();
                if (!line.loadBasis().isEmpty() && Money.cents(line.loadUsd() - line.idleUsd()) > 0) {
                    basis = (basis.isEmpty() ? "" : basis + "; ") + "load adds " + line.loadBasis();
                }
                sb.append(String.format(Locale.ROOT, "    %-56s %10s %10s  %s%n", shortType(line.type()) + " " + line.name(),
                        Money.usd(line.idleUsd()), Money.usd(line.loadUsd()), basis));
            }
        }
        if (zero > 0) {
            sb.append("  (").append(zero).append(" usage-priced resources cost under $0.01 in both scenarios: empty buckets, "
                    + "queues, topics…)\n");
        }
        var freeCount = free.values().stream().mapToLong(Long::longValue).sum();
        sb.append(String.format(Locale.ROOT, "%n  free by themselves: %d resources of %d types (%s)%n", freeCount, free.size(),
                String.join(", ", free().keySet().stream().map(CostEstimate::shortType).toList())));
        if (notPriced.isEmpty()) {
            sb.append("  not priced: none — every resource is priced or listed as free\n");
        } else {
            sb.append("  NOT PRICED (").append(notPriced.size()).append("; not included in the totals):\n");
            notPriced.forEach(n -> sb.append("    - ").append(n.type()).append("  ").append(n.name()).append(": ")
                    .append(n.reason()).append('\n'));
        }
        if (!drivers.isEmpty()) {
            sb.append("\n  What drives the cost:\n");
            drivers.forEach(d -> sb.append("    - ").append(d).append('\n'));
        }
        return sb.toString();
    }

    /** The estimate for {@code fluxo plan --json}, under {@code cost}. */
    public Map<String, Object> toMap() {
        var m = new LinkedHashMap<String, Object>();
        m.put("currency", "USD");
        m.put("region", region);
        m.put("priceTableDate", table.date());
        m.put("priceNote", table.regionNote(region));
        m.put("load", table.load().description());
        m.put("assumptions", table.assumptionsText());
        m.put("idleMonthlyUsd", Money.cents(idleUsd()));
        m.put("loadMonthlyUsd", Money.cents(loadUsd()));
        m.put("resources", lines.stream().map(l -> {
            var r = new LinkedHashMap<String, Object>();
            r.put("type", l.type());
            r.put("name", l.name());
            r.put("component", l.component());
            r.put("idleMonthlyUsd", Money.cents(l.idleUsd()));
            r.put("loadMonthlyUsd", Money.cents(l.loadUsd()));
            r.put("idleBasis", l.idleBasis());
            r.put("loadAdds", l.loadBasis());
            r.put("notes", l.pricing().notes());
            r.put("sources", l.pricing().idleCharges().stream().map(c -> c.price().source()).distinct().toList());
            return r;
        }).toList());
        m.put("free", free());
        m.put("notPriced", notPriced.stream().map(n -> Map.of("type", n.type(), "name", n.name(), "reason", n.reason()))
                .toList());
        m.put("drivers", drivers);
        return m;
    }

    /** {@code aws:rds/instance:Instance} → {@code rds/Instance}. */
    public static String shortType(String type) {
        var parts = type.split(":");
        if (parts.length < 3) {
            return type;
        }
        var module = parts[1].contains("/") ? parts[1].substring(0, parts[1].indexOf('/')) : parts[1];
        return module + "/" + parts[2];
    }
}
