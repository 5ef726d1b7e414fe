package dev.fluxo.pipeline.validate;

import dev.fluxo.pipeline.change.Customer;
import dev.fluxo.pipeline.change.CustomerChange;
import dev.fluxo.pipeline.change.Op;
import dev.fluxo.schema.CustomerColumns;
import dev.fluxo.schema.LakehouseTables;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cleans a decoded change and says whether silver may store it. Cleaning: strings trimmed, blank strings become
 * {@code null}, {@code sexo} upper-cased, instants truncated to microseconds (what Iceberg stores). Rules: the id is
 * present, a create/update/read has an after image, {@code sexo} is M or F, {@code email} looks like an address, and the
 * schema version is one this pipeline reads. For a delete only the id matters: the old image is cleaned, not judged.
 * Thread-safe.
 */
public final class ChangeValidator {
    /** Default supported customer record versions: the one {@link LakehouseTables} describes. */
    public static final Set<Integer> DEFAULT_SUPPORTED_VERSIONS = Set.of(LakehouseTables.CUSTOMER_SCHEMA_VERSION);

    private final Set<Integer> supportedVersions;

    /** A validator for {@link #DEFAULT_SUPPORTED_VERSIONS}. */
    public ChangeValidator() {
        this(DEFAULT_SUPPORTED_VERSIONS);
    }

    public ChangeValidator(Set<Integer> supportedVersions) {
        if (supportedVersions.isEmpty()) {
            throw new IllegalArgumentException("at least one supported schema version is needed");
        }
        this.supportedVersions = Set.copyOf(supportedVersions);
    }

    public ValidationResult validate(CustomerChange change) {
        List<String> reasons = new ArrayList<>(2);
        if (!supportedVersions.contains(change.schemaVersion())) {
            reasons.add("schema version " + change.schemaVersion() + " is not supported; this pipeline reads "
                    + new TreeSet<>(supportedVersions));
        }
        if (change.id() == null) {
            reasons.add(CustomerColumns.ID.name() + " is required");
        }
        Customer before = clean(change.before());
        Customer after = clean(change.after());
        if (change.op().writesRow()) {
            if (after == null) {
                reasons.add("op " + change.op().letter() + " needs an after image");
            } else {
                check(after, reasons);
                if (after.id() != null && change.id() != null && !after.id().equals(change.id())) {
                    reasons.add("after.id " + after.id() + " differs from the change's id " + change.id());
                }
            }
        }
        if (!reasons.isEmpty()) {
            return new ValidationResult.Invalid(reasons);
        }
        CustomerChange cleaned = new CustomerChange(change.id(), change.op(), before, after, change.position(),
                micros(change.commitTime()), change.schemaVersion());
        return new ValidationResult.Valid(cleaned);
    }

    private static void check(Customer row, List<String> reasons) {
        if (row.sexo() != null && !row.sexo().equals("M") && !row.sexo().equals("F")) {
            reasons.add(CustomerColumns.SEXO.name() + " must be M or F, got '" + abbreviate(row.sexo()) + "'");
        }
        if (row.email() != null && !looksLikeEmail(row.email())) {
            // The value is personal data: the reason names the rule, not the value.
            reasons.add(CustomerColumns.EMAIL.name() + " is not shaped like an e-mail address");
        }
    }

    /**
     * One {@code @} with something before it, a domain of dot-separated non-empty labels (at least two), no
     * whitespace: a shape check, not deliverability. Hand-written: a regex costs more than the rest of validation.
     */
    static boolean looksLikeEmail(String s) {
        int at = s.indexOf('@');
        if (at <= 0 || at != s.lastIndexOf('@')) {
            return false;
        }
        int labels = 0;
        int labelLength = 0;
        for (int i = at + 1; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isWhitespace(ch)) {
                return false;
            }
            if (ch == '.') {
                if (labelLength == 0) {
                    return false;
                }
                labels++;
                labelLength = 0;
            } else {
                labelLength++;
            }
        }
        for (int i = 0; i < at; i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return labelLength > 0 && labels >= 1;
    }

    /** The row with trimmed strings, blanks as {@code null}, {@code sexo} upper-case and microsecond instants. */
    static Customer clean(Customer row) {
        if (row == null) {
            return null;
        }
        String sexo = text(row.sexo());
        return new Customer(row.id(), text(row.nome()), sexo == null || sexo.equals("M") || sexo.equals("F") ? sexo
                        : sexo.toUpperCase(Locale.ROOT),
                text(row.endereco()), text(row.telefone()), text(row.email()), text(row.foto()), text(row.profissao()),
                micros(row.dtUpdate()));
    }

    private static String text(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static String abbreviate(String text) {
        return text.length() <= 20 ? text : text.substring(0, 20) + "...";
    }
}
