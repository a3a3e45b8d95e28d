package dev.dojomcp.sandbox;

import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reading JSON reports: the document, and field values the lenient way DefectDojo's parsers take them. */
final class ReportJson {
    private ReportJson() {
    }

    /** The parsed document; text that is not JSON is a 400 (Python's json module raises a ValueError). */
    static JsonNode read(byte[] content) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(content);
        } catch (JacksonException e) {
            // DefectDojo's text is Python's JSONDecodeError message; the sandbox says where Jackson stopped.
            throw new ReportError("Invalid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"));
        }
        if (root == null || root.isMissingNode()) {
            throw new ReportError("Invalid JSON: the report is empty.");
        }
        return root;
    }

    /** A field as text: null for absent or JSON null, numbers and booleans as written. */
    static String text(JsonNode node, String name) {
        return value(node.get(name));
    }

    static String value(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isValueNode() ? node.asString() : node.toString();
    }

    /**
     * A numeric field, or null when it holds no number: numbers, and strings that read as one after trimming;
     * booleans and anything else count as absent. For integer fields a fractional string holds no integer.
     */
    static Double number(JsonNode node, String name, boolean integer) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || value.isBoolean()) {
            return null;
        }
        double number;
        if (value.isNumber()) {
            number = integer ? (double) (long) value.asDouble() : value.asDouble();
        } else if (value.isString()) {
            String text = value.asString().strip();
            try {
                number = integer ? Long.parseLong(text) : Double.parseDouble(text);
            } catch (NumberFormatException e) {
                return null;
            }
        } else {
            return null;
        }
        return Double.isFinite(number) ? number : null;
    }

    /** JSON booleans; 0/1 and the strings Django's BooleanField reads (true/false, t/f, 1/0). */
    static boolean bool(JsonNode node, String name, boolean fallback) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isNumber()) {
            return value.asDouble() != 0;
        }
        return switch (value.asString().strip().toLowerCase(Locale.ROOT)) {
            case "true", "t", "1" -> true;
            case "false", "f", "0" -> false;
            default -> fallback;
        };
    }
}
