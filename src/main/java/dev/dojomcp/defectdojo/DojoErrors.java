package dev.dojomcp.defectdojo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Turns a DefectDojo error body into field errors a client may see. DRF bodies are
 * {@code {field: [messages]}} (nested for list and object fields), {@code {"detail": ...}}, or a list of
 * strings from import permission checks. Messages lose anything quoted (DRF quotes the rejected value:
 * {@code "\"x\" is not a valid choice."}), control characters and any configured secret, and are capped.
 */
public final class DojoErrors {
    static final int MAX_ERRORS = 20;
    static final int MAX_MESSAGE = 300;
    private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_.\\-\\[\\]]{1,80}");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'|“[^”]*”");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]+");

    private DojoErrors() {
    }

    public static List<FieldError> from(JsonNode body, List<String> secrets) {
        List<FieldError> out = new ArrayList<>();
        if (body == null || body.isMissingNode() || body.isNull()) {
            return out;
        }
        collect("non_field_errors", body, out, secrets);
        return out;
    }

    private static void collect(String field, JsonNode node, List<FieldError> out, List<String> secrets) {
        if (out.size() >= MAX_ERRORS) {
            return;
        }
        if (node.isObject()) {
            boolean onlySummary = node.size() == 1 && node.has("message");
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                // DefectDojo's exception handler repeats a dict's errors in an extra "message" key.
                if (e.getKey().equals("message") && !onlySummary) {
                    continue;
                }
                String name = e.getKey().equals("detail") || e.getKey().equals("message") ? field
                        : field.equals("non_field_errors") ? e.getKey() : field + "." + e.getKey();
                collect(FIELD.matcher(name).matches() ? name : "field", e.getValue(), out, secrets);
            }
        } else if (node.isArray()) {
            int i = 0;
            for (JsonNode item : node) {
                collect(item.isObject() && !field.equals("non_field_errors") ? field + "[" + i + "]" : field, item,
                        out, secrets);
                i++;
            }
        } else if (!node.isNull()) {
            out.add(new FieldError(field, message(node.asString(), secrets)));
        }
    }

    /** A DefectDojo message made safe to show: no quoted values, control characters or secrets. */
    public static String message(String raw, List<String> secrets) {
        String s = raw;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                s = s.replace(secret, "[redacted]");
            }
        }
        s = QUOTED.matcher(s).replaceAll("\"…\"");
        s = CONTROL.matcher(s).replaceAll(" ").replaceAll(" {2,}", " ").strip();
        if (s.length() > MAX_MESSAGE) {
            s = s.substring(0, MAX_MESSAGE) + "…";
        }
        return s.isEmpty() ? "rejected" : s;
    }
}
