package dev.fluxo.stacks.spec;

import java.util.Optional;

/**
 * Where alarms go ({@code fluxo:alarms}). Alarms always publish to the stack's SNS topic; the e-mail is an optional
 * subscription to it.
 *
 * @param email address subscribed to the alarm topic
 */
public record AlarmSpec(Optional<String> email) {
}
