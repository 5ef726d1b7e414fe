package dev.fluxo.pipeline.write;

import dev.fluxo.pipeline.change.CustomerChange;

import java.util.Objects;

/**
 * A decoded record as bronze keeps it: the envelope's bytes as received, with the change's coordinates beside them.
 *
 * @param change      the decoded (not cleaned, not masked) change, for the metadata columns
 * @param coordinates where the record was read
 * @param raw         the envelope's bytes
 */
public record BronzeRow(CustomerChange change, String coordinates, byte[] raw) {
    public BronzeRow {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(coordinates, "coordinates");
        Objects.requireNonNull(raw, "raw");
    }

    @Override
    public String toString() {
        return "BronzeRow[" + coordinates + ", " + change.position() + ", " + raw.length + " bytes]";
    }
}
