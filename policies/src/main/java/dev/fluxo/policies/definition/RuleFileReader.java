package dev.fluxo.policies.definition;

import dev.fluxo.policies.Rule;
import dev.fluxo.policies.Scope;
import dev.fluxo.policies.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads rules.yaml and checks its structure (fields, severities, scopes, ids). Every problem is collected, not
 * just the first, so one run shows the author everything to fix. CEL is compiled elsewhere.
 */
public final class RuleFileReader {

    /** The only rules.yaml format version this reader understands. */
    public static final int SUPPORTED_VERSION = 1;
    /** The {@code environments} value meaning "every environment". */
    public static final String ALL_ENVIRONMENTS = "all";

    private static final Set<String> TOP_LEVEL_FIELDS = Set.of("version", "jsonStringInputs", "taggableTypes", "rules");
    private static final Set<String> RULE_FIELDS = Set.of("id", "description", "severity", "environments", "scope",
            "resourceTypes", "when", "check", "message", "remediation");
    private static final List<String> REQUIRED_TEXT_FIELDS = List.of("description", "check", "message", "remediation");
    private static final Pattern KEBAB_CASE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final List<String> problems = new ArrayList<>();

    private RuleFileReader() {
    }

    /** Parses {@code yaml}; adds every structural problem to {@code problems} and returns what could be read. */
    public static RuleFile read(String yaml, List<String> problems) {
        RuleFileReader reader = new RuleFileReader();
        RuleFile file = reader.parse(yaml);
        problems.addAll(reader.problems);
        return file;
    }

    private RuleFile parse(String yaml) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            problems.add("not valid YAML: " + e.getMessage());
            return new RuleFile(SUPPORTED_VERSION, List.of(), List.of(), List.of());
        }
        if (!(root instanceof Map<?, ?> top)) {
            problems.add("the file must be a mapping with 'version', 'jsonStringInputs', 'taggableTypes' and 'rules'");
            return new RuleFile(SUPPORTED_VERSION, List.of(), List.of(), List.of());
        }
        unknownFields(top, TOP_LEVEL_FIELDS, "top level");
        Object version = top.get("version");
        if (!Integer.valueOf(SUPPORTED_VERSION).equals(version)) {
            problems.add("top level: 'version' must be " + SUPPORTED_VERSION + " (was " + version + ")");
        }
        List<String> jsonInputs = stringList(top.get("jsonStringInputs"), "top level: 'jsonStringInputs'", true);
        List<String> taggable = stringList(top.get("taggableTypes"), "top level: 'taggableTypes'", true);
        List<Rule> rules = new ArrayList<>();
        if (!(top.get("rules") instanceof List<?> ruleList) || ruleList.isEmpty()) {
            problems.add("top level: 'rules' must be a non-empty list");
        } else {
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < ruleList.size(); i++) {
                rule(ruleList.get(i), i, ids).ifPresent(rules::add);
            }
        }
        return new RuleFile(SUPPORTED_VERSION, jsonInputs, taggable, List.copyOf(rules));
    }

    private Optional<Rule> rule(Object node, int index, Set<String> ids) {
        if (!(node instanceof Map<?, ?> map)) {
            problems.add("rule #" + (index + 1) + ": must be a mapping");
            return Optional.empty();
        }
        String id = map.get("id") instanceof String s ? s : null;
        String where = id == null ? "rule #" + (index + 1) : "rule '" + id + "'";
        int before = problems.size();
        if (id == null) {
            problems.add(where + ": 'id' is required");
        } else if (!KEBAB_CASE.matcher(id).matches()) {
            problems.add(where + ": 'id' must be kebab-case (e.g. s3-bucket-encrypted-kms)");
        } else if (!ids.add(id)) {
            problems.add(where + ": duplicate id");
        }
        unknownFields(map, RULE_FIELDS, where);
        for (String field : REQUIRED_TEXT_FIELDS) {
            if (!(map.get(field) instanceof String s) || s.isBlank()) {
                problems.add(where + ": '" + field + "' is required (a non-blank string)");
            }
        }
        Object when = map.get("when");
        if (when != null && !(when instanceof String s && !s.isBlank())) {
            problems.add(where + ": 'when' must be a non-blank CEL string when present");
        }
        Optional<Severity> severity = Severity.fromWireName(String.valueOf(map.get("severity")));
        if (severity.isEmpty()) {
            problems.add(where + ": 'severity' must be 'mandatory' or 'advisory' (was " + map.get("severity") + ")");
        }
        Optional<Scope> scope = map.containsKey("scope")
                ? Scope.fromWireName(String.valueOf(map.get("scope"))) : Optional.of(Scope.RESOURCE);
        if (scope.isEmpty()) {
            problems.add(where + ": 'scope' must be 'resource' or 'stack' (was " + map.get("scope") + ")");
        }
        List<String> environments = environments(map.get("environments"), where);
        List<String> types = stringList(map.get("resourceTypes"), where + ": 'resourceTypes'", false);
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new Rule(id, (String) map.get("description"), severity.get(), environments, scope.get(),
                types, Optional.ofNullable((String) when), (String) map.get("check"), (String) map.get("message"),
                (String) map.get("remediation")));
    }

    private List<String> environments(Object value, String where) {
        if (ALL_ENVIRONMENTS.equals(value)) {
            return List.of();
        }
        if (value instanceof String) {
            problems.add(where + ": 'environments' must be '" + ALL_ENVIRONMENTS + "' or a list of environments");
            return List.of();
        }
        return stringList(value, where + ": 'environments'", false);
    }

    private List<String> stringList(Object value, String what, boolean mayBeEmpty) {
        if (value instanceof List<?> list && (mayBeEmpty || !list.isEmpty())
                && list.stream().allMatch(e -> e instanceof String s && !s.isBlank())) {
            return list.stream().map(String.class::cast).toList();
        }
        problems.add(what + " must be a " + (mayBeEmpty ? "" : "non-empty ") + "list of strings");
        return List.of();
    }

    private void unknownFields(Map<?, ?> map, Set<String> known, String where) {
        Set<Object> unknown = new LinkedHashSet<>(map.keySet());
        unknown.removeAll(known);
        for (Object field : unknown) {
            problems.add(where + ": unknown field '" + field + "' (known: " + String.join(", ", known.stream().sorted().toList()) + ")");
        }
    }
}
