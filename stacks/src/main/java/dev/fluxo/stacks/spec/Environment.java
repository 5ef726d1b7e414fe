package dev.fluxo.stacks.spec;

import java.util.Locale;

/** The tier a stack belongs to; it decides which safety requirements apply. */
public enum Environment {
    DEV, STAGING, PROD;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isProd() {
        return this == PROD;
    }
}
