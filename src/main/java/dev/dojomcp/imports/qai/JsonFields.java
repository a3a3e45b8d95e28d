package dev.dojomcp.imports.qai;

import dev.dojomcp.defectdojo.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Lenient field access for report JSON: wrong types count as absent. */
final class JsonFields {
    private JsonFields() {
    }

    /** The string value of {@code name}, or "" when absent, null or not a string. */
    static String text(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value != null && value.isString() ? value.stringValue() : "";
    }

    /** The object at {@code name}, or null. */
    static JsonNode object(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        return value != null && value.isObject() ? value : null;
    }

    /**
     * An object stored either as an object or as a JSON-encoded string (the run bundle's {@code framework_ids}
     * and {@code mitigation}); null when absent, empty, malformed or not an object.
     */
    static JsonNode objectOrEncoded(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        if (value == null) {
            return null;
        }
        if (value.isObject()) {
            return value;
        }
        if (value.isString() && !value.stringValue().isBlank()) {
            try {
                JsonNode parsed = Json.mapper().readTree(value.stringValue());
                return parsed != null && parsed.isObject() ? parsed : null;
            } catch (JacksonException e) {
                return null;
            }
        }
        return null;
    }

    /** A scalar or a list of scalars as strings, in order; objects and nulls are skipped. */
    static List<String> strings(JsonNode value) {
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (item.isString() || item.isNumber() || item.isBoolean()) {
                    out.add(item.asString());
                }
            }
        } else if (value.isString() || value.isNumber() || value.isBoolean()) {
            out.add(value.asString());
        }
        return out;
    }
}
