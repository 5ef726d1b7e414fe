package dev.fluxo.producer.customer;

/**
 * What an update changes on an existing customer: the person moved, changed number and job. Name, sexo,
 * e-mail and picture stay, so an update looks like the same person over time.
 *
 * @param endereco  the new postal address
 * @param telefone  the new phone number
 * @param profissao the new occupation
 */
public record CustomerUpdate(String endereco, String telefone, String profissao) {
}
