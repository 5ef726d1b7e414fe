package dev.fluxo.producer.run;

import java.time.Duration;

/**
 * How fast the {@link ProducerLoop} goes: a fixed pause between batches, a target rate in rows per second, or
 * as fast as the database takes it.
 */
public sealed interface Pace {
    /** No pause: the next batch starts as soon as the previous one committed. */
    Pace UNLIMITED = new Interval(Duration.ZERO);

    /** The pause after a batch of {@code rows} rows that took {@code elapsed}. */
    Duration pauseAfter(int rows, Duration elapsed);

    /** Sleep {@code interval} after each batch, like the classic producer's {@code time.sleep(interval)}. */
    static Pace interval(Duration interval) {
        return new Interval(interval);
    }

    /** Aim at {@code rowsPerSecond}: each batch of n rows occupies n / rate seconds, its write time included. */
    static Pace rowsPerSecond(double rowsPerSecond) {
        return new Rate(rowsPerSecond);
    }

    /** @param interval the pause after each batch */
    record Interval(Duration interval) implements Pace {
        public Interval {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("interval must be >= 0, was " + interval);
            }
        }

        @Override
        public Duration pauseAfter(int rows, Duration elapsed) {
            return interval;
        }
    }

    /** @param rowsPerSecond the target rate */
    record Rate(double rowsPerSecond) implements Pace {
        public Rate {
            if (!(rowsPerSecond > 0) || Double.isInfinite(rowsPerSecond)) {
                throw new IllegalArgumentException("rows per second must be > 0, was " + rowsPerSecond);
            }
        }

        @Override
        public Duration pauseAfter(int rows, Duration elapsed) {
            Duration slot = Duration.ofNanos((long) (rows / rowsPerSecond * 1e9));
            Duration pause = slot.minus(elapsed);
            return pause.isNegative() ? Duration.ZERO : pause;
        }
    }
}
