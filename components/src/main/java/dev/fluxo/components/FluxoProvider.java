package dev.fluxo.components;

import com.pulumi.provider.internal.ComponentProviderHost;

/**
 * The component package's entry point: {@code components/PulumiPlugin.yaml} ({@code runtime: java}) makes Pulumi run
 * it, so {@code pulumi package add <repo>/components@<tag>} gives TypeScript, Python and Go programs
 * {@code fluxo:index:StreamingLakehouse} and the other components. Pulumi finds a component as
 * {@code dev.fluxo.components.<ClassName>}: keep exported components in this package.
 */
public final class FluxoProvider {
    /** The package name: type tokens are {@code fluxo:index:<ClassName>}. */
    public static final String PACKAGE = "fluxo";

    private FluxoProvider() {
    }

    public static void main(String[] args) throws Exception {
        new ComponentProviderHost(PACKAGE, FluxoProvider.class.getPackage()).start(args);
    }
}
