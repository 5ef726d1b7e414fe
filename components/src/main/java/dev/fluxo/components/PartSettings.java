package dev.fluxo.components;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/** Copies a part's settings into its schema-named subclass ({@link StreamingLakehouseArgs.NetworkSettings}…). */
final class PartSettings {
    private PartSettings() {
    }

    /** {@code target} with every instance field {@code base} declares copied from {@code source}; null stays null. */
    static <B, S extends B> S copy(B source, S target, Class<B> base) {
        if (source == null) {
            return null;
        }
        try {
            for (Field field : base.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    field.set(target, field.get(source));
                }
            }
            return target;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot copy the settings of " + base.getSimpleName(), e);
        }
    }
}
