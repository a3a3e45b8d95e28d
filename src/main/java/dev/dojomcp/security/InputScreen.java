package dev.dojomcp.security;

import dev.dojomcp.defectdojo.Json;
import dev.dojomcp.tools.ToolInputException;
import dev.dojomcp.tools.ToolSpec;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The write side of the hostile-content defence: every text argument of a tool that changes
 * DefectDojo is screened before anything is sent (instruction overrides, role markers, calls of our own
 * tools, embedded secrets). A refusal names the field and the category, never the text. Report uploads
 * are not screened: they are scanner output that DefectDojo parses, and are wrapped when read back.
 */
public final class InputScreen {
    private static final Set<String> NOT_SCREENED = Set.of("file_content_base64", "report_content_base64",
            "file_path");

    private final Function<String, Optional<String>> detector;

    /** {@code detector} answers the category label of a hostile text, or empty. */
    public InputScreen(Function<String, Optional<String>> detector) {
        this.detector = detector;
    }

    public void check(ToolSpec<?, ?> tool, Object input) {
        if (tool.readOnly() || input == null) {
            return;
        }
        JsonNode tree = Json.mapper().valueToTree(input);
        screen("", tree);
    }

    private void screen(String field, JsonNode node) {
        if (node.isString()) {
            detector.apply(node.asString()).ifPresent(category -> {
                throw ToolInputException.hostile(field, String.valueOf(category), "was refused as " + category
                        + "; text sent to DefectDojo must not carry instructions for AI assistants or secrets");
            });
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                screen(field, item);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!NOT_SCREENED.contains(e.getKey())) {
                    screen(field.isEmpty() ? e.getKey() : field + "." + e.getKey(), e.getValue());
                }
            }
        }
    }
}
