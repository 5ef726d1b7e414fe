package dev.fluxo.local.e2e;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** Polls a check until it reports no problem or time runs out; returns the last problems seen. */
final class Eventually {
    private Eventually() {
    }

    static List<String> problems(Duration max, Callable<List<String>> check) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        List<String> last = check.call();
        while (!last.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            last = check.call();
        }
        return last;
    }
}
