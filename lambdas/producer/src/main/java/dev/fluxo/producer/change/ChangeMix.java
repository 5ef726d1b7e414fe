package dev.fluxo.producer.change;

import java.util.regex.Pattern;

/**
 * The share of inserts, updates of existing customers and deletes of existing customers in a batch, in percent
 * (they add up to 100). Written {@code 70/25/5}, the {@link #DEFAULT}.
 *
 * @param insertPercent share of new customers
 * @param updatePercent share of changes to existing customers
 * @param deletePercent share of existing customers removed
 */
public record ChangeMix(int insertPercent, int updatePercent, int deletePercent) {
    // before DEFAULT, which parses with it
    private static final Pattern FORMAT = Pattern.compile("\\s*(\\d{1,3})\\s*/\\s*(\\d{1,3})\\s*/\\s*(\\d{1,3})\\s*");

    /** The default mix, {@value #DEFAULT_TEXT}: a growing table with steady churn. */
    public static final String DEFAULT_TEXT = "70/25/5";
    /** {@link #DEFAULT_TEXT} parsed. */
    public static final ChangeMix DEFAULT = parse(DEFAULT_TEXT);

    public ChangeMix {
        if (insertPercent < 0 || updatePercent < 0 || deletePercent < 0
                || insertPercent + updatePercent + deletePercent != 100) {
            throw new IllegalArgumentException("change mix " + insertPercent + "/" + updatePercent + "/"
                    + deletePercent + " must be three non-negative percentages that add up to 100");
        }
    }

    /**
     * Parses {@code inserts/updates/deletes}, e.g. {@code 70/25/5}.
     *
     * @throws IllegalArgumentException with a message naming the expected form
     */
    public static ChangeMix parse(String text) {
        var m = FORMAT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("change mix '" + text
                    + "' must be inserts/updates/deletes in percent, e.g. " + DEFAULT_TEXT);
        }
        return new ChangeMix(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    /**
     * Splits {@code rows} changes by this mix. Updates and deletes are rounded down and inserts take the rest, so
     * the parts always add up to {@code rows}: 10 rows at 70/25/5 are 8 inserts, 2 updates, 0 deletes.
     */
    public ChangeCounts split(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, was " + rows);
        }
        int updates = (int) ((long) rows * updatePercent / 100);
        int deletes = (int) ((long) rows * deletePercent / 100);
        return new ChangeCounts(rows - updates - deletes, updates, deletes);
    }

    @Override
    public String toString() {
        return insertPercent + "/" + updatePercent + "/" + deletePercent;
    }
}
