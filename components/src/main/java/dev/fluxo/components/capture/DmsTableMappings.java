package dev.fluxo.components.capture;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.List;

/** DMS table-mapping JSON: one selection rule per {@code schema.table} of the include list. */
public final class DmsTableMappings {
    private DmsTableMappings() {
    }

    /** The selection rules for tables such as {@code public.customers}. */
    public static String include(List<String> tables) {
        var rules = new JsonArray();
        int id = 1;
        for (var table : tables) {
            var parts = table.split("\\.", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("table '" + table + "' must be schema.table");
            }
            var locator = new JsonObject();
            locator.addProperty("schema-name", parts[0]);
            locator.addProperty("table-name", parts[1]);
            var rule = new JsonObject();
            rule.addProperty("rule-type", "selection");
            rule.addProperty("rule-id", Integer.toString(id));
            rule.addProperty("rule-name", "include-" + parts[0] + "-" + parts[1]);
            rule.add("object-locator", locator);
            rule.addProperty("rule-action", "include");
            rules.add(rule);
            id++;
        }
        var mappings = new JsonObject();
        mappings.add("rules", rules);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(mappings);
    }

    /** DMS migration type for a Debezium-style snapshot mode: {@code initial} loads the table first. */
    public static String migrationType(String snapshotMode) {
        return switch (snapshotMode) {
            case "initial", "always", "initial_only" -> "full-load-and-cdc";
            default -> "cdc";
        };
    }
}
