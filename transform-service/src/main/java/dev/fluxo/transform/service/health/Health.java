package dev.fluxo.transform.service.health;

import java.time.Duration;

/**
 * Whether the transform works, as {@code GET /health} reports it: up while the poller's thread runs and its last poll
 * returned less than {@link #STALE_AFTER} ago. A poller stuck in one batch (a write retried for a minute) is down too,
 * so Kubernetes restarts the pod and the batch is read again from the last committed offset.
 *
 * @param up     whether the transform polls
 * @param detail one line for whoever reads the probe's answer
 */
public record Health(boolean up, String detail) {
    /** How old the last poll may be for the transform to count as up (a poll returns every 100 ms when idle). */
    public static final Duration STALE_AFTER = Duration.ofSeconds(60);

    /**
     * @param polling        whether the polling thread runs
     * @param lastPollMillis when its last poll returned (epoch ms, 0 before the first)
     * @param nowMillis      now (epoch ms)
     */
    public static Health ofPoller(boolean polling, long lastPollMillis, long nowMillis) {
        if (!polling) {
            return new Health(false, "down: the poller has stopped");
        }
        if (lastPollMillis == 0) {
            return new Health(false, "down: no poll yet");
        }
        long age = nowMillis - lastPollMillis;
        if (age > STALE_AFTER.toMillis()) {
            return new Health(false, "down: no poll for " + age / 1000 + " s (a batch is stuck)");
        }
        return new Health(true, "up: last poll " + age + " ms ago");
    }
}
