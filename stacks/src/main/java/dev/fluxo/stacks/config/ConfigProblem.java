package dev.fluxo.stacks.config;

/**
 * One thing wrong with a stack's configuration, with everything a user needs to fix it.
 *
 * @param key     the full config key, e.g. {@code fluxo:network.cidr}
 * @param value   the value as given ({@code null} when the key is missing; {@code [secret]} for secrets)
 * @param problem what is wrong
 * @param allowed what would be accepted
 * @param example a line to paste into {@code Pulumi.<stack>.yaml}
 */
public record ConfigProblem(String key, String value, String problem, String allowed, String example) {

    /** A multi-line rendering: key and value, then the problem, what is allowed and an example. */
    public String render() {
        var shown = value == null ? "(not set)" : value;
        return key + " = " + shown + "\n     " + problem
                + (allowed.isEmpty() ? "" : "\n     allowed: " + allowed)
                + (example.isEmpty() ? "" : "\n     example: " + example);
    }
}
