package dev.dojomcp.imports.qai;

import dev.dojomcp.defectdojo.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * DefectDojo's {@code mitigation} text: qai's {@code remediation}, then qai's structured guidance
 * ({@code mitigation.sections[*].items}, {@code caveats}, {@code disclaimer}) as Markdown lists.
 */
final class MitigationText {
    static final int MAX_MITIGATION = 8_000;
    private static final int MAX_ITEM = 1_000;

    private MitigationText() {
    }

    /** The text, or "" when the finding has neither remediation nor guidance. */
    static String of(String remediation, JsonNode mitigation) {
        List<String> blocks = new ArrayList<>();
        String rem = TextSanitiser.multiLine(remediation);
        if (!rem.isEmpty()) {
            blocks.add(rem);
        }
        if (mitigation != null) {
            for (JsonNode section : mitigation.path("sections")) {
                List<String> items = items(section.path("items"));
                if (!items.isEmpty()) {
                    blocks.add(heading(section) + "\n" + bullets(items));
                }
            }
            List<String> caveats = items(mitigation.path("caveats"));
            if (!caveats.isEmpty()) {
                blocks.add("Caveats:\n" + bullets(caveats));
            }
            String disclaimer = TextSanitiser.oneLine(JsonFields.text(mitigation, "disclaimer"));
            if (!disclaimer.isEmpty()) {
                blocks.add(TextSanitiser.truncate(disclaimer, MAX_ITEM));
            }
        }
        return TextSanitiser.truncate(String.join("\n\n", blocks), MAX_MITIGATION);
    }

    /** e.g. "Actions (taxonomy: MCP07):" or "Risk factors (context: auth):". */
    private static String heading(JsonNode section) {
        String kind = JsonFields.text(section, "kind").strip().toLowerCase(Locale.ROOT);
        String label = switch (kind) {
            case "actions" -> "Actions";
            case "factors" -> "Risk factors";
            default -> "Guidance";
        };
        List<String> source = new ArrayList<>();
        String type = TextSanitiser.cap(TextSanitiser.oneLine(JsonFields.text(section, "source_type")), 40);
        List<String> ids = items(section.path("source_ids"));
        if (!type.isEmpty()) {
            source.add(ids.isEmpty() ? type : type + ": " + String.join(", ", ids));
        } else if (!ids.isEmpty()) {
            source.add(String.join(", ", ids));
        }
        return label + (source.isEmpty() ? "" : " (" + source.get(0) + ")") + ":";
    }

    private static List<String> items(JsonNode list) {
        List<String> out = new ArrayList<>();
        if (list == null || !list.isArray()) {
            return out;
        }
        for (JsonNode item : list) {
            String text = item.isString() ? item.stringValue()
                    : item.isNull() ? "" : item.isContainer() ? Json.mapper().writeValueAsString(item) : item.asString();
            String clean = TextSanitiser.truncate(TextSanitiser.oneLine(text), MAX_ITEM);
            if (!clean.isEmpty()) {
                out.add(clean);
            }
        }
        return out;
    }

    private static String bullets(List<String> items) {
        StringBuilder out = new StringBuilder();
        for (String item : items) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append("- ").append(item);
        }
        return out.toString();
    }
}
