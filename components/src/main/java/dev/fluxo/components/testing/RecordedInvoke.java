package dev.fluxo.components.testing;

import java.util.Map;

/**
 * One data-source call (invoke) the program made.
 *
 * @param token the function token, e.g. {@code aws:index/getAvailabilityZones:getAvailabilityZones}
 * @param args  its arguments
 */
public record RecordedInvoke(String token, Map<String, Object> args) {
    public RecordedInvoke {
        args = Map.copyOf(args);
    }
}
