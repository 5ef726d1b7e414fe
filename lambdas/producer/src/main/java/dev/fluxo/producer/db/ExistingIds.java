package dev.fluxo.producer.db;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Picks random ids that exist in {@code public.customers}, for updates and deletes. It probes random ids
 * between the smallest and largest id through the primary key, so it stays cheap on large tables; only when
 * the table is sparse (many deletes) does it fall back to a full {@code ORDER BY random()}.
 */
public final class ExistingIds {
    private static final int PROBE_ROUNDS = 3;

    private ExistingIds() {
    }

    /**
     * Up to {@code count} distinct existing ids, fewer only when the table has fewer rows.
     *
     * @param random chooses the probed ids
     */
    public static List<Long> sample(Connection connection, int count, RandomGenerator random) throws SQLException {
        if (count <= 0) {
            return List.of();
        }
        long min;
        long max;
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT min(id), max(id) FROM " + CustomerTable.NAME)) {
            rs.next();
            min = rs.getLong(1);
            if (rs.wasNull()) {
                return List.of();
            }
            max = rs.getLong(2);
        }
        Set<Long> found = new LinkedHashSet<>();
        for (int round = 0; round < PROBE_ROUNDS && found.size() < count; round++) {
            int probes = 2 * (count - found.size()) + 8;
            Long[] candidates = new Long[probes];
            for (int i = 0; i < probes; i++) {
                candidates[i] = random.nextLong(min, max + 1);
            }
            found.addAll(select(connection, "SELECT id FROM " + CustomerTable.NAME + " WHERE id = ANY (?)",
                    candidates, count - found.size()));
        }
        if (found.size() < count) {
            found.addAll(select(connection, "SELECT id FROM " + CustomerTable.NAME
                    + " WHERE id <> ALL (?) ORDER BY random() LIMIT " + (count - found.size()),
                    found.toArray(Long[]::new), count - found.size()));
        }
        return new ArrayList<>(found).subList(0, Math.min(count, found.size()));
    }

    private static List<Long> select(Connection connection, String sql, Long[] ids, int limit) throws SQLException {
        List<Long> result = new ArrayList<>();
        Array array = connection.createArrayOf("bigint", ids);
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, array);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && result.size() < limit) {
                    result.add(rs.getLong(1));
                }
            }
        } finally {
            array.free();
        }
        return result;
    }
}
