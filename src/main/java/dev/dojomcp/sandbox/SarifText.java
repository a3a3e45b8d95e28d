package dev.dojomcp.sandbox;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The texts of a SARIF finding as DefectDojo's SARIF parser writes them: title, Markdown description (result
 * message, snippet, rule name and descriptions, code flow) and references.
 */
final class SarifText {
    private SarifText() {
    }

    static String title(JsonNode result, JsonNode rule) {
        String title = null;
        if (result.has("message")) {
            title = message(result.get("message"), rule);
        }
        if (title == null && rule != null) {
            if (rule.has("shortDescription")) {
                title = message(rule.get("shortDescription"), rule);
            } else if (rule.has("fullDescription")) {
                title = message(rule.get("fullDescription"), rule);
            } else if (rule.has("name")) {
                title = ReportJson.text(rule, "name");
            } else if (rule.has("id")) {
                title = ReportJson.text(rule, "id");
            }
        }
        if (title == null) {
            throw new ReportError("No information found to create a title");
        }
        return PythonText.shorten(title, 150);
    }

    static String description(JsonNode result, JsonNode rule, JsonNode location) {
        StringBuilder d = new StringBuilder();
        String message = "";
        if (result.has("message")) {
            message = message(result.get("message"), rule);
            d.append("**Result message:** ").append(py(message)).append('\n');
        }
        String snippet = snippet(location);
        if (snippet != null) {
            d.append("**Snippet:**\n```\n").append(snippet).append("\n```\n");
        }
        if (rule != null) {
            if (rule.has("name")) {
                d.append("**Rule name:** ").append(py(ReportJson.text(rule, "name"))).append('\n');
            }
            String shortDescription = "";
            if (rule.has("shortDescription")) {
                shortDescription = message(rule.get("shortDescription"), rule);
                if (!Objects.equals(shortDescription, message)) {
                    d.append("**Rule short description:** ").append(py(shortDescription)).append('\n');
                }
            }
            if (rule.has("fullDescription")) {
                String full = message(rule.get("fullDescription"), rule);
                if (!Objects.equals(full, message) && !Objects.equals(full, shortDescription)) {
                    d.append("**Rule full description:** ").append(py(full)).append('\n');
                }
            }
        }
        if (result.path("codeFlows").size() > 0) {
            d.append(codeFlows(result.get("codeFlows")));
        }
        int end = d.length();
        return end > 0 && d.charAt(end - 1) == '\n' ? d.substring(0, end - 1) : d.toString();
    }

    /** A multiformat message: its text, or the rule's message string for its id with {0}…{5} filled in. */
    private static String message(JsonNode data, JsonNode rule) {
        if (rule != null && data.has("id")) {
            String text = ReportJson.text(rule.path("messageStrings").path(ReportJson.text(data, "id")), "text");
            if (text == null) {
                throw new ReportError("Invalid format: the rule has no message string \""
                        + ReportJson.text(data, "id") + "\".");
            }
            JsonNode arguments = data.path("arguments");
            for (int i = 0; i < 6; i++) {
                String placeholder = "{" + i + "}";
                if (!text.contains(placeholder)) {
                    return text;
                }
                text = text.replace(placeholder, Objects.requireNonNullElse(ReportJson.value(arguments.get(i)), ""));
            }
            return null; // DefectDojo's loop returns nothing once all six placeholders were filled
        }
        return ReportJson.text(data, "text");
    }

    private static String snippet(JsonNode location) {
        if (location == null || !location.has("physicalLocation")) {
            return null;
        }
        JsonNode physical = location.get("physicalLocation");
        String text = ReportJson.text(physical.path("region").path("snippet"), "text");
        if (text == null) {
            text = ReportJson.text(physical.path("contextRegion").path("snippet"), "text");
        }
        return text;
    }

    /** Only the last thread flow with locations is kept, as DefectDojo's loop restarts the text for each. */
    private static String codeFlows(JsonNode codeFlows) {
        StringBuilder d = new StringBuilder();
        for (JsonNode codeFlow : codeFlows) {
            for (JsonNode threadFlow : codeFlow.path("threadFlows")) {
                if (!threadFlow.has("locations")) {
                    continue;
                }
                d.setLength(0);
                d.append("**Code flow:**\n");
                int number = 1;
                for (JsonNode step : threadFlow.path("locations")) {
                    JsonNode physical = step.path("location").path("physicalLocation");
                    JsonNode region = physical.path("region");
                    d.append(number++).append(". ").append(py(ReportJson.text(physical.path("artifactLocation"), "uri")));
                    if (region.has("startLine")) {
                        d.append(":L").append(py(ReportJson.text(region, "startLine")));
                    }
                    if (region.has("startColumn")) {
                        d.append(":C").append(py(ReportJson.text(region, "startColumn")));
                    }
                    if (region.has("snippet")) {
                        d.append("\t-\t").append(py(ReportJson.text(region.get("snippet"), "text")));
                    }
                    d.append('\n');
                    JsonNode stepMessage = step.path("location").get("message");
                    if (stepMessage != null) {
                        String text = stepMessage.has("markdown") ? ReportJson.text(stepMessage, "markdown")
                                : Objects.requireNonNullElse(ReportJson.text(stepMessage, "text"), "");
                        d.append('\t').append(py(text)).append('\n');
                    }
                }
            }
        }
        return d.toString();
    }

    static String references(JsonNode rule) {
        if (rule == null) {
            return null;
        }
        if (rule.has("helpUri")) {
            return ReportJson.text(rule, "helpUri");
        }
        if (rule.has("help")) {
            String help = message(rule.get("help"), rule);
            return help != null && help.startsWith("http") ? help : null;
        }
        return null;
    }

    /** Python's str() of an optional text, as f-strings print it. */
    static String py(String text) {
        return text == null ? "None" : text;
    }
}
