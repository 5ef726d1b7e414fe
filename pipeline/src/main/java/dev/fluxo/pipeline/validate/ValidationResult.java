package dev.fluxo.pipeline.validate;

import dev.fluxo.pipeline.change.CustomerChange;

import java.util.List;
import java.util.Objects;

/** A cleaned change that silver may store, or every reason it may not. */
public sealed interface ValidationResult {

    record Valid(CustomerChange change) implements ValidationResult {
        public Valid {
            Objects.requireNonNull(change, "change");
        }
    }

    record Invalid(List<String> reasons) implements ValidationResult {
        public Invalid {
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("an invalid change needs at least one reason");
            }
        }

        /** All reasons in one line, as the dead-letter table stores them. */
        public String reason() {
            return String.join("; ", reasons);
        }
    }
}
