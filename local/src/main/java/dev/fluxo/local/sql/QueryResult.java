package dev.fluxo.local.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * A query's columns and rows as text, small enough to print.
 *
 * @param columns column labels
 * @param rows    each row's values as text ({@code null} shown as {@code NULL})
 */
public record QueryResult(List<String> columns, List<List<String>> rows) {
    /** Rows printed at most by {@link #render(int)} callers that do not choose. */
    public static final int DEFAULT_SHOWN_ROWS = 10;
    /** Longest value printed; longer ones are cut with an ellipsis. */
    static final int MAX_WIDTH = 40;

    public QueryResult {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> java.util.Collections.unmodifiableList(new ArrayList<>(r))).toList();
    }

    /** A text table of the first {@code maxRows} rows, with a line saying how many were left out. */
    public String render(int maxRows) {
        List<List<String>> shown = new ArrayList<>();
        shown.add(columns);
        rows.stream().limit(maxRows).forEach(r -> shown.add(r.stream().map(QueryResult::cell).toList()));
        int[] width = new int[columns.size()];
        for (List<String> r : shown) {
            for (int i = 0; i < r.size(); i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (int n = 0; n < shown.size(); n++) {
            List<String> r = shown.get(n);
            b.append("  ");
            for (int i = 0; i < r.size(); i++) {
                b.append(i == 0 ? "" : " | ").append(pad(r.get(i), width[i]));
            }
            b.append('\n');
            if (n == 0) {
                b.append("  ");
                for (int i = 0; i < width.length; i++) {
                    b.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
                }
                b.append('\n');
            }
        }
        if (rows.size() > maxRows) {
            b.append("  (").append(rows.size() - maxRows).append(" more rows)\n");
        }
        b.append("  ").append(rows.size()).append(rows.size() == 1 ? " row" : " rows").append('\n');
        return b.toString();
    }

    private static String cell(String value) {
        if (value == null) {
            return "NULL";
        }
        return value.length() <= MAX_WIDTH ? value : value.substring(0, MAX_WIDTH - 1) + "…";
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
