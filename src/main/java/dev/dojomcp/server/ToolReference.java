package dev.dojomcp.server;

import dev.dojomcp.tools.McpToolBinding;
import dev.dojomcp.tools.ToolCatalog;
import dev.dojomcp.tools.ToolSpec;
import dev.dojomcp.tools.Toolset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Markdown tool reference, generated from the tool declarations (README section and `tools`). */
public final class ToolReference {
    public static final String BEGIN = "<!-- BEGIN GENERATED TOOL REFERENCE (bin/dojo-mcp tools --update-readme README.md) -->";
    public static final String END = "<!-- END GENERATED TOOL REFERENCE -->";

    private ToolReference() {
    }

    public static String markdown(ToolCatalog catalog) {
        StringBuilder sb = new StringBuilder();
        sb.append(catalog.all().size()).append(" tools. Parameters marked * are required.\n");
        for (Toolset toolset : Toolset.values()) {
            List<ToolSpec<?, ?>> tools = catalog.all().stream().filter(t -> t.toolset() == toolset).toList();
            if (tools.isEmpty()) {
                continue;
            }
            sb.append("\n#### Toolset `").append(toolset.id()).append("`: ").append(toolset.description())
                    .append("\n\n| Tool | Description | Parameters | Hints | Permission |\n|---|---|---|---|---|\n");
            for (ToolSpec<?, ?> t : tools) {
                sb.append("| `").append(t.name()).append("` | ").append(cell(t.description())).append(" | ")
                        .append(parameters(t)).append(" | ").append(hints(t)).append(" | `")
                        .append(t.permission().id()).append("` |\n");
            }
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static String parameters(ToolSpec<?, ?> t) {
        Map<String, Object> schema = McpToolBinding.inputSchema(t);
        Map<String, Object> props = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        List<String> required = (List<String>) schema.getOrDefault("required", List.of());
        if (props.isEmpty()) {
            return "none";
        }
        List<String> out = new ArrayList<>();
        props.keySet().forEach(name -> out.add("`" + name + "`" + (required.contains(name) ? "*" : "")));
        return String.join(", ", out);
    }

    private static String hints(ToolSpec<?, ?> t) {
        List<String> h = new ArrayList<>();
        h.add(t.hints().readOnly() ? "read-only" : "writes");
        if (t.hints().destructive()) {
            h.add("destructive");
        }
        if (t.hints().idempotent()) {
            h.add("idempotent");
        }
        return String.join(", ", h);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** Replaces the generated section of a README; fails loudly when the markers are missing. */
    public static String updateReadme(String readme, String markdown) {
        return replaceSection(readme, BEGIN, END, markdown);
    }

    /** Replaces the text between two marker lines; fails loudly when they are missing. */
    public static String replaceSection(String readme, String beginMarker, String endMarker, String markdown) {
        int begin = readme.indexOf(beginMarker);
        int end = readme.indexOf(endMarker);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("README has no " + beginMarker + " … " + endMarker + " markers");
        }
        return readme.substring(0, begin + beginMarker.length()) + "\n" + markdown + readme.substring(end);
    }
}
