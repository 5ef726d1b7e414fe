package dev.fluxo.transform.service.poll;

import java.util.Arrays;

/**
 * The most recent latency samples (a ring of {@link #CAPACITY}), for p50/p99 figures over the recent past rather
 * than since the start. Thread-safe.
 */
public final class LatencySamples {
    /** Samples kept. */
    public static final int CAPACITY = 20_000;

    private final long[] ring = new long[CAPACITY];
    private long count;

    public synchronized void add(long millis) {
        ring[(int) (count % CAPACITY)] = millis;
        count++;
    }

    /** Forgets every sample (e.g. after a warm-up). */
    public synchronized void clear() {
        count = 0;
    }

    /** Samples added since the start (or the last {@link #clear()}). */
    public synchronized long count() {
        return count;
    }

    /** The {@code q} quantile (0..1) of the kept samples, or -1 when there are none. */
    public synchronized long quantile(double q) {
        int n = (int) Math.min(count, CAPACITY);
        if (n == 0) {
            return -1;
        }
        long[] copy = Arrays.copyOf(ring, n);
        Arrays.sort(copy);
        int index = (int) Math.ceil(q * n) - 1;
        return copy[Math.max(0, Math.min(n - 1, index))];
    }
}
