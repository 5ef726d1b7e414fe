package dev.fluxo.cli.diagram;

/**
 * An input of {@code from} whose value names {@code to} (its id, ARN, physical name or an address built from it).
 *
 * @param from  the resource whose input holds the reference
 * @param to    the resource referred to
 * @param input the input's path, e.g. {@code environment.variables.FLUXO_DB_HOST}
 */
public record Reference(ResourceNode from, ResourceNode to, String input) {
}
