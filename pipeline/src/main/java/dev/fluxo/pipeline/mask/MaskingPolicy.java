package dev.fluxo.pipeline.mask;

import dev.fluxo.schema.Pii;

/**
 * What silver may keep of personal data.
 *
 * @param keepAllowedPii whether {@link Pii#KEEP_IF_ALLOWED} columns (e.g. {@code nome}) are kept as is; when
 *                       {@code false} they are stored as {@code null}. Default {@link #DEFAULT_KEEP_ALLOWED_PII}.
 */
public record MaskingPolicy(boolean keepAllowedPii) {
    /** Default: {@code false}, personal data is dropped unless a stack opts in. */
    public static final boolean DEFAULT_KEEP_ALLOWED_PII = false;

    public static MaskingPolicy defaults() {
        return new MaskingPolicy(DEFAULT_KEEP_ALLOWED_PII);
    }
}
