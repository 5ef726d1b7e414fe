package dev.fluxo.producer.customer;

import java.util.Objects;

/**
 * A generated customer, i.e. the columns of {@code public.customers} the generator decides. The {@code id} is
 * assigned by the database sequence and {@code dt_update} by the writer when the row is written.
 *
 * @param nome      full name
 * @param sexo      M or F, consistent with the first name
 * @param endereco  postal address, Brazilian style
 * @param telefone  phone number as {@code (DD) 9XXXX-XXXX} (mobile) or {@code (DD) XXXX-XXXX} (landline)
 * @param email     e-mail address derived from the name
 * @param foto      picture URL
 * @param profissao occupation
 */
public record Customer(String nome, Sexo sexo, String endereco, String telefone, String email, String foto,
                       String profissao) {
    public Customer {
        Objects.requireNonNull(nome, "nome");
        Objects.requireNonNull(sexo, "sexo");
    }
}
