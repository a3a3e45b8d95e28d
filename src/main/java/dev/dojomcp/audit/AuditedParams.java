package dev.dojomcp.audit;

import dev.dojomcp.tools.McpToolBinding;
import dev.dojomcp.tools.ToolSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The arguments of a call as the audit record keeps them: numbers, booleans and strings the schema
 * constrains (an enum, a date, a pattern, or at most {@value #SHORT} characters and not a known text
 * field) as sent; every other string — descriptions, notes, titles, search text, file contents — as its
 * length, {@code "<N chars>"}, so no attacker text or pasted secret enters the trail.
 */
final class AuditedParams {
    static final int SHORT = 300;
    private static final int MAX_ITEMS = 1000;
    private static final Set<String> FREE_TEXT = Set.of("title", "search", "entry", "note", "reason", "description",
            "mitigation", "impact", "references", "steps_to_reproduce", "severity_justification", "accepted_by",
            "file_content_base64", "report_content_base64", "file_path", "endpoint_to_add");

    private AuditedParams() {
    }

    /** Property schemas per input record, read once (the schema lookup is not cheap). */
    private static final Map<Class<?>, Map<?, ?>> PROPERTIES = new java.util.concurrent.ConcurrentHashMap<>();

    static Map<String, Object> of(ToolSpec<?, ?> tool, Map<String, Object> arguments) {
        Map<?, ?> schemas = PROPERTIES.computeIfAbsent(tool.input(), type -> {
            Object properties = McpToolBinding.inputSchema(tool).get("properties");
            return properties instanceof Map<?, ?> m ? m : Map.of();
        });
        Map<String, Object> out = new TreeMap<>();
        arguments.forEach((name, value) -> {
            if (value != null) {
                Object schema = schemas.get(name);
                out.put(safeName(name), audited(name, value, schema instanceof Map<?, ?> s ? s : null));
            }
        });
        return out;
    }

    private static Object audited(String name, Object value, Map<?, ?> schema) {
        if (value instanceof Number n) {
            return exactInteger(n) ? (Object) n.longValue() : String.valueOf(n);
        }
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof String s) {
            return keeps(name, schema) ? wellFormed(s) : "<" + s.length() + " chars>";
        }
        if (value instanceof List<?> list) {
            if (list.size() > MAX_ITEMS) {
                return "<" + list.size() + " items>";
            }
            Object items = schema == null ? null : schema.get("items");
            List<Object> out = new ArrayList<>();
            for (Object item : list) {
                out.add(item == null ? null : audited(name, item, items instanceof Map<?, ?> m ? m : null));
            }
            return out;
        }
        return "<" + (value instanceof Map<?, ?> ? "object" : "value") + ">";
    }

    private static boolean keeps(String name, Map<?, ?> schema) {
        if (schema == null || FREE_TEXT.contains(name)) {
            return false;
        }
        if (schema.containsKey("enum") || schema.containsKey("format") || schema.containsKey("pattern")) {
            return true;
        }
        return schema.get("maxLength") instanceof Number max && max.intValue() <= SHORT;
    }

    /**
     * Integers JSON parsers everywhere read back exactly (|n| < 2^53); anything else is written as a
     * string, because RFC 8785 writes numbers as IEEE doubles and the record must stay canonical.
     */
    static boolean exactInteger(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return Math.abs(n.longValue()) < (1L << 53);
        }
        if (n instanceof java.math.BigInteger b) {
            return b.bitLength() < 53;
        }
        return false;
    }

    /** A lone surrogate cannot be written as UTF-8: it would make the line unverifiable, so it becomes U+FFFD. */
    static String wellFormed(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (paired) {
                if (out != null) {
                    out.append(c).append(s.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) {
                    out = new StringBuilder(s.substring(0, i));
                }
                out.append('\uFFFD');
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** Names of undeclared arguments come from the client: kept only when they look like names. */
    private static String safeName(String name) {
        return name.matches("[A-Za-z0-9_]{1,64}") ? name : "<" + name.length() + " chars name>";
    }
}
