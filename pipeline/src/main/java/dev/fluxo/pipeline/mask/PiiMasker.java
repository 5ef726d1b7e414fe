package dev.fluxo.pipeline.mask;

import dev.fluxo.pipeline.change.Customer;
import dev.fluxo.pipeline.change.CustomerChange;
import dev.fluxo.schema.Column;
import dev.fluxo.schema.ColumnType;
import dev.fluxo.schema.CustomerColumns;
import dev.fluxo.schema.Pii;

import java.util.Objects;

/**
 * Masks a change for silver, column by column as {@link Column#pii()} in {@link CustomerColumns#ALL} says:
 * {@link Pii#KEYED_HASH} values become their {@link KeyedHash}, {@link Pii#KEEP_IF_ALLOWED} values are kept only when the
 * {@link MaskingPolicy} allows. Thread-safe.
 */
public final class PiiMasker {
    private static final Pii[] POLICIES = CustomerColumns.ALL.stream().map(Column::pii).toArray(Pii[]::new);

    static {
        for (Column c : CustomerColumns.ALL) {
            if (c.pii() == Pii.KEYED_HASH && c.type() != ColumnType.STRING) {
                throw new IllegalStateException("keyed hashes replace text: column " + c.name() + " is " + c.type());
            }
        }
    }

    private final KeyedHash hash;
    private final MaskingPolicy policy;

    public PiiMasker(MaskingKey key, MaskingPolicy policy) {
        this.hash = new KeyedHash(key);
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The hash used for {@link Pii#KEYED_HASH} columns (to hash a source value the same way). */
    public KeyedHash keyedHash() {
        return hash;
    }

    public CustomerChange mask(CustomerChange change) {
        return change.withImages(mask(change.before()), mask(change.after()));
    }

    /**
     * The change as silver stores it: its {@link CustomerChange#image()} masked, the other image dropped. Silver keeps
     * only that image, and hashing an update's before image too would double the keyed hashes it costs.
     */
    public CustomerChange maskForSilver(CustomerChange change) {
        return change.after() != null ? change.withImages(null, mask(change.after()))
                : change.withImages(mask(change.before()), null);
    }

    public Customer mask(Customer row) {
        if (row == null) {
            return null;
        }
        Object[] values = row.values();
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (POLICIES[i]) {
                case NONE -> values[i];
                case KEEP_IF_ALLOWED -> policy.keepAllowedPii() ? values[i] : null;
                case KEYED_HASH -> hash.hash((String) values[i]);
            };
        }
        return Customer.fromValues(values);
    }
}
