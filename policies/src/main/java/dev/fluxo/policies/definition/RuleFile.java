package dev.fluxo.policies.definition;

import dev.fluxo.policies.Rule;
import java.util.List;

/**
 * The contents of rules.yaml.
 *
 * @param jsonStringInputs input names whose JSON-object strings are parsed into maps before evaluation
 * @param taggableTypes    types that must carry tags even without a {@code tags} input (CEL variable {@code taggableTypes})
 */
public record RuleFile(int version, List<String> jsonStringInputs, List<String> taggableTypes, List<Rule> rules) {
}
