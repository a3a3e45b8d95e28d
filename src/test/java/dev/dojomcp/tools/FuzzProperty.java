package dev.dojomcp.tools;

import dev.dojomcp.testing.TestServers;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What must hold for every tool result, whatever the arguments: a failure is {@code Error: <message>
 * (request <16 hex>)} or a failed write outcome, with no stack trace, Java class name, sandbox address,
 * API key or echoed hostile argument, and never "internal error"; a success (and a failed write
 * outcome) matches the tool's output schema.
 */
final class FuzzProperty {
    static final Pattern ERROR = Pattern.compile("Error: (.+) \\(request [0-9a-f]{16}\\)", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:java|javax|jdk|sun|dev\\.dojomcp|tools\\.jackson"
            + "|com\\.fasterxml|org\\.eclipse|org\\.slf4j|io\\.modelcontextprotocol|reactor|com\\.networknt)"
            + "\\.[a-z][\\w$]*");
    private static final List<String> STACK = List.of("Exception", "\tat ", "at dev.dojomcp", "Caused by", "at java.",
            "stackTrace");

    private final List<String> addresses;
    private final JsonSchemaValidator validator = McpJsonDefaults.getSchemaValidator();

    /** {@code addresses}: the sandbox's base URL and host:port forms that must not reach a client. */
    FuzzProperty(List<String> addresses) {
        this.addresses = List.copyOf(addresses);
    }

    static List<String> addressesOf(java.net.URI base) {
        return List.of(base.toString(), base.getHost() + ":" + base.getPort(), "localhost:" + base.getPort());
    }

    /** Problems with this result, as short sentences that group well (empty when the property holds). */
    List<String> check(ToolSpec<?, ?> tool, CallToolResult r, boolean sdkValidated) {
        List<String> problems = new ArrayList<>();
        if (r == null) {
            problems.add("no result");
            return problems;
        }
        if (r.content() == null || r.content().size() != 1 || !(r.content().get(0) instanceof TextContent)) {
            problems.add("content is not a single text item");
            return problems;
        }
        String text = ((TextContent) r.content().get(0)).text();
        Object structured = r.structuredContent();
        if (Boolean.TRUE.equals(r.isError())) {
            if (structured == null) {
                Matcher m = ERROR.matcher(text);
                if (!m.matches()) {
                    if (!sdkValidated) {
                        problems.add("error text is not 'Error: <message> (request <16 hex>)'");
                    }
                } else if (m.group(1).equals("internal error")) {
                    problems.add("internal error (an unexpected exception in the server)");
                }
            } else {
                Object outcome = structured instanceof Map<?, ?> map ? map.get("outcome") : null;
                if ("unknown".equals(outcome)) {
                    problems.add("write outcome unknown against a healthy sandbox");
                } else if (!"rejected".equals(outcome)) {
                    problems.add("isError with structured content whose outcome is " + outcome);
                }
                schema(tool, structured, problems);
            }
            leaks(text + (structured == null ? "" : "\n" + structured), problems);
        } else {
            if (structured == null) {
                problems.add("success without structured content");
            } else {
                schema(tool, structured, problems);
            }
            if (text.contains(TestServers.KEY) || String.valueOf(structured).contains(TestServers.KEY)) {
                problems.add("API key in a successful result");
            }
        }
        return problems;
    }

    private void schema(ToolSpec<?, ?> tool, Object structured, List<String> problems) {
        var verdict = validator.validate(McpToolBinding.describe(tool).outputSchema(), structured);
        if (!verdict.valid()) {
            problems.add("structured content does not match the output schema: "
                    + SchemaFuzzer.printable(String.valueOf(verdict.errorMessage())));
        }
    }

    /** Things a failure text must never show: internals, the sandbox, the key, an echoed hostile value. */
    void leaks(String text, List<String> problems) {
        for (String s : STACK) {
            if (text.contains(s)) {
                problems.add("stack trace in error text ('" + s.strip() + "')");
                break;
            }
        }
        Matcher m = CLASS_NAME.matcher(text);
        if (m.find()) {
            problems.add("Java class name in error text (" + m.group() + ")");
        }
        for (String a : addresses) {
            if (text.contains(a)) {
                problems.add("sandbox address in error text");
                break;
            }
        }
        if (text.contains(TestServers.KEY)) {
            problems.add("API key in error text");
        }
        for (String canary : FuzzStrings.CANARIES) {
            if (text.contains(canary)) {
                problems.add("error text echoes a hostile argument ('" + SchemaFuzzer.printable(canary) + "')");
                break;
            }
        }
    }
}
