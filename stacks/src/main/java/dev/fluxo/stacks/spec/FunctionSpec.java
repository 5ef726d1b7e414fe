package dev.fluxo.stacks.spec;

import java.util.Optional;

/**
 * One Lambda function's settings ({@code fluxo:functions.producer} or {@code .transform}); empty values take the
 * {@code JavaFunction} defaults.
 *
 * @param memoryMb              memory
 * @param timeoutSeconds        timeout
 * @param batchSize             records per invocation (transform) or rows per run (producer)
 * @param batchingWindowSeconds how long the event source waits to fill a batch (transform)
 * @param schedule              EventBridge schedule expression (producer), e.g. {@code rate(1 minute)}
 * @param enabled               whether the producer runs on its schedule (off where real writers exist)
 */
public record FunctionSpec(Optional<Integer> memoryMb, Optional<Integer> timeoutSeconds, Optional<Integer> batchSize,
                           Optional<Integer> batchingWindowSeconds, Optional<String> schedule,
                           Optional<Boolean> enabled) {
}
