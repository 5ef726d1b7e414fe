package dev.fluxo.policies.cel;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns resource inputs into the values CEL expects, exactly as the CrossGuard pack does (rules.ts): whole numbers
 * become {@code long} (CEL int), other numbers {@code double}; {@code null} entries are dropped (absent); strings
 * of the configured JSON inputs that hold a JSON object are parsed, and IAM documents are normalised so that
 * {@code Statement}, {@code Action}, {@code NotAction}, {@code Resource} and {@code NotResource} are lists.
 */
public final class CelValues {

    private static final TypeAdapter<JsonElement> JSON_ELEMENTS = new Gson().getAdapter(JsonElement.class);
    private static final Set<String> IAM_LIST_FIELDS = Set.of("Action", "NotAction", "Resource", "NotResource");

    private final Set<String> jsonStringInputs;

    /** @param jsonStringInputs top-level input names whose JSON-object strings are parsed */
    public CelValues(Collection<String> jsonStringInputs) {
        this.jsonStringInputs = Set.copyOf(jsonStringInputs);
    }

    /** The inputs of one resource, ready for CEL. */
    public Map<String, Object> inputs(Map<String, ?> inputs) {
        Map<String, Object> out = new LinkedHashMap<>();
        inputs.forEach((key, value) -> {
            Object converted = jsonStringInputs.contains(key) && value instanceof String s ? parseJsonObject(s) : value;
            Object normalised = value(converted);
            if (normalised != null) {
                out.put(key, normalised);
            }
        });
        return out;
    }

    private static Object parseJsonObject(String text) {
        if (!text.trim().startsWith("{")) {
            return text;
        }
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setLenient(false); // as JSON.parse in the CrossGuard pack: no comments, no unquoted names
            JsonElement element = JSON_ELEMENTS.read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT || !element.isJsonObject()) {
                return text;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> document = (Map<String, Object>) json(element);
            return document.containsKey("Statement") ? iamDocument(document) : document;
        } catch (IOException | JsonParseException | IllegalStateException e) {
            return text;
        }
    }

    private static Map<String, Object> iamDocument(Map<String, Object> document) {
        List<Object> statements = new ArrayList<>();
        for (Object statement : asList(document.get("Statement"))) {
            if (statement instanceof Map<?, ?> map) {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((k, v) -> copy.put((String) k, IAM_LIST_FIELDS.contains(k) ? asList(v) : v));
                statements.add(copy);
            } else {
                statements.add(statement);
            }
        }
        document.put("Statement", statements);
        return document;
    }

    private static List<?> asList(Object value) {
        return value instanceof List<?> list ? list : List.of(value);
    }

    /** Any JSON element as plain Java values (maps, lists, strings, booleans, numbers; JSON null as null). */
    public static Object json(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return null;
        }
        if (element.isJsonObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            element.getAsJsonObject().entrySet().forEach(e -> map.put(e.getKey(), json(e.getValue())));
            return map;
        }
        if (element.isJsonArray()) {
            List<Object> list = new ArrayList<>();
            element.getAsJsonArray().forEach(e -> list.add(json(e)));
            return list;
        }
        var primitive = element.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return primitive.getAsBoolean();
        }
        if (primitive.isNumber()) {
            return primitive.getAsBigDecimal();
        }
        return primitive.getAsString();
    }

    /** One value, normalised recursively; returns null for null. */
    public static Object value(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object normalised = value(v);
                if (normalised != null) {
                    out.put(String.valueOf(k), normalised);
                }
            });
            return out;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> out = new ArrayList<>();
            for (Object element : collection) {
                Object normalised = value(element);
                if (normalised != null) {
                    out.add(normalised);
                }
            }
            return out;
        }
        if (value instanceof Number number) {
            return number(number);
        }
        if (value instanceof String || value instanceof Boolean) {
            return value;
        }
        return String.valueOf(value);
    }

    private static Object number(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            return number.longValue();
        }
        BigDecimal decimal = number instanceof BigDecimal d ? d
                : number instanceof BigInteger i ? new BigDecimal(i) : null;
        if (decimal == null) {
            double d = number.doubleValue();
            if (Double.isInfinite(d) || Double.isNaN(d)) {
                return d;
            }
            decimal = BigDecimal.valueOf(d);
        }
        if (decimal.stripTrailingZeros().scale() > 0) {
            return decimal.doubleValue();
        }
        try {
            return decimal.longValueExact();
        } catch (ArithmeticException tooLarge) {
            return decimal.doubleValue();
        }
    }
}
