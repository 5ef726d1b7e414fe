package dev.fluxo.producer.customer;

/** The {@code sexo} column's two values, as the source system stores them ({@code char(1)}). */
public enum Sexo {
    M, F;

    /** The single-letter code written to {@code public.customers.sexo}. */
    public String code() {
        return name();
    }
}
