package dev.dojomcp.conformance;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncCompletionSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.AudioContent;
import io.modelcontextprotocol.spec.McpSchema.BlobResourceContents;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.CompleteResult;
import io.modelcontextprotocol.spec.McpSchema.Content;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageRequest;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageResult;
import io.modelcontextprotocol.spec.McpSchema.ElicitFormRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import io.modelcontextprotocol.spec.McpSchema.EmbeddedResource;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.ImageContent;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import io.modelcontextprotocol.spec.McpSchema.LoggingMessageNotification;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema.PromptReference;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.ResourceTemplate;
import io.modelcontextprotocol.spec.McpSchema.Role;
import io.modelcontextprotocol.spec.McpSchema.SamplingMessage;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Test-only fixtures named by the MCP conformance suite's server scenarios (tools, prompts, resources,
 * a resource template and a completion). They live in test sources only, so they never ship in the
 * product jar; {@link ConformanceServer} adds them to a loopback server through the
 * {@code HttpTransport.start(..., extras)} hook.
 *
 * <p>Behaviour follows each scenario's published requirements (suite 0.1.16); the binary payloads are
 * generated here (a 1x1 PNG and a short silent WAV) rather than embedded.
 */
public final class ConformanceFixtures {
    static final String STATIC_TEXT_URI = "test://static-text";
    static final String STATIC_BINARY_URI = "test://static-binary";
    static final String TEMPLATE_URI = "test://template/{id}/data";
    static final String WATCHED_URI = "test://watched-resource";

    static final String PNG_BASE64 = Base64.getEncoder().encodeToString(onePixelPng());
    static final String WAV_BASE64 = Base64.getEncoder().encodeToString(silentWav());

    private static final Pattern TEMPLATE_PATTERN = Pattern.compile("^test://template/([^/]+)/data$");
    private static final long STEP_MILLIS = 50;

    private ConformanceFixtures() {
    }

    /** Adds every fixture and widens the capabilities to prompts, resources (with subscribe), completions. */
    public static void register(McpServer.SyncSpecification<?> spec) {
        spec.capabilities(McpSchema.ServerCapabilities.builder()
                .tools(false)
                .logging()
                .prompts(false)
                .resources(true, false)
                .completions()
                .build());
        spec.tools(tools());
        spec.prompts(prompts());
        spec.resources(resources());
        spec.resourceTemplates(resourceTemplates());
        spec.completions(completions());
    }

    // ---------------------------------------------------------------- tools

    static List<SyncToolSpecification> tools() {
        return List.of(
                tool("test_simple_text", "Returns one text content item.", noArgs(),
                        (ex, req) -> text("This is a simple text response for testing.")),
                tool("test_image_content", "Returns one PNG image content item.", noArgs(),
                        (ex, req) -> result(new ImageContent(null, PNG_BASE64, "image/png"))),
                tool("test_audio_content", "Returns one WAV audio content item.", noArgs(),
                        (ex, req) -> result(new AudioContent(null, WAV_BASE64, "audio/wav"))),
                tool("test_embedded_resource", "Returns one embedded text resource.", noArgs(),
                        (ex, req) -> result(new EmbeddedResource(null, new TextResourceContents(
                                "test://embedded-resource", "text/plain", "This is an embedded resource content.")))),
                tool("test_multiple_content_types", "Returns text, image and embedded resource content.", noArgs(),
                        (ex, req) -> result(
                                new TextContent("Multiple content types test:"),
                                new ImageContent(null, PNG_BASE64, "image/png"),
                                new EmbeddedResource(null, new TextResourceContents("test://mixed-content-resource",
                                        "application/json", "{\"test\":\"data\",\"value\":123}")))),
                tool("test_tool_with_logging", "Sends three info log notifications while it runs.", noArgs(),
                        ConformanceFixtures::withLogging),
                tool("test_error_handling", "Always fails with a tool error result.", noArgs(),
                        (ex, req) -> CallToolResult.builder()
                                .addTextContent("This tool intentionally returns an error for testing")
                                .isError(true)
                                .build()),
                tool("test_tool_with_progress", "Reports progress 0, 50 and 100 of 100 when given a progress token.",
                        noArgs(), ConformanceFixtures::withProgress),
                tool("test_sampling", "Asks the client to sample an LLM completion for the prompt.",
                        object(Map.of("prompt", stringProp("The prompt to send to the LLM")), List.of("prompt")),
                        ConformanceFixtures::sampling),
                tool("test_elicitation", "Asks the client for a username and an email address.",
                        object(Map.of("message", stringProp("The message to show the user")), List.of("message")),
                        ConformanceFixtures::elicitation),
                tool("test_elicitation_sep1034_defaults", "Elicits a form whose primitive fields carry defaults.",
                        noArgs(), (ex, req) -> elicitForm(ex, "Please review and update the form fields with defaults",
                                sep1034Schema())),
                tool("test_elicitation_sep1330_enums", "Elicits a form with every enum variant.", noArgs(),
                        (ex, req) -> elicitForm(ex, "Please select options from the enum fields", sep1330Schema())));
    }

    private static CallToolResult withLogging(McpSyncServerExchange exchange, CallToolRequest request) {
        List<String> messages = List.of("Tool execution started", "Tool processing data", "Tool execution completed");
        for (int i = 0; i < messages.size(); i++) {
            if (i > 0) {
                pause();
            }
            exchange.loggingNotification(LoggingMessageNotification.builder()
                    .level(LoggingLevel.INFO)
                    .logger("conformance")
                    .data(messages.get(i))
                    .build());
        }
        return text("Tool with logging executed successfully");
    }

    private static CallToolResult withProgress(McpSyncServerExchange exchange, CallToolRequest request) {
        Object token = request.meta() == null ? null : request.meta().get("progressToken");
        double[] steps = {0, 50, 100};
        for (int i = 0; i < steps.length; i++) {
            if (i > 0) {
                pause();
            }
            if (token != null) {
                exchange.progressNotification(
                        new ProgressNotification(token, steps[i], 100.0, "Completed step " + (i + 1) + " of 3"));
            }
        }
        return text("Tool with progress executed successfully");
    }

    private static CallToolResult sampling(McpSyncServerExchange exchange, CallToolRequest request) {
        if (exchange.getClientCapabilities() == null || exchange.getClientCapabilities().sampling() == null) {
            return error("The client does not support sampling");
        }
        String prompt = stringArg(request, "prompt");
        CreateMessageResult answer = exchange.createMessage(CreateMessageRequest.builder()
                .messages(List.of(new SamplingMessage(Role.USER, new TextContent(prompt))))
                .maxTokens(100)
                .build());
        String reply = answer.content() instanceof TextContent t ? t.text() : String.valueOf(answer.content());
        return text("LLM response: " + reply);
    }

    private static CallToolResult elicitation(McpSyncServerExchange exchange, CallToolRequest request) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("username", Map.of("type", "string", "description", "User's response"));
        properties.put("email", Map.of("type", "string", "description", "User's email address"));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", List.of("username", "email"));
        if (!supportsElicitation(exchange)) {
            return error("The client does not support elicitation");
        }
        ElicitResult answer = exchange.createElicitation(new ElicitFormRequest(stringArg(request, "message"), schema, null));
        return text("User response: action=" + action(answer) + ", content=" + answer.content());
    }

    private static CallToolResult elicitForm(McpSyncServerExchange exchange, String message, Map<String, Object> schema) {
        if (!supportsElicitation(exchange)) {
            return error("The client does not support elicitation");
        }
        ElicitResult answer = exchange.createElicitation(new ElicitFormRequest(message, schema, null));
        return text("Elicitation completed: action=" + action(answer) + ", content=" + answer.content());
    }

    static Map<String, Object> sep1034Schema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name", Map.of("type", "string", "description", "User name", "default", "John Doe"));
        properties.put("age", Map.of("type", "integer", "description", "User age", "default", 30));
        properties.put("score", Map.of("type", "number", "description", "User score", "default", 95.5));
        properties.put("status", Map.of("type", "string", "description", "User status",
                "enum", List.of("active", "inactive", "pending"), "default", "active"));
        properties.put("verified", Map.of("type", "boolean", "description", "Verification status", "default", true));
        return formSchema(properties);
    }

    static Map<String, Object> sep1330Schema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("untitledSingle", Map.of("type", "string", "description", "Untitled single-select",
                "enum", List.of("option1", "option2", "option3")));
        properties.put("titledSingle", Map.of("type", "string", "description", "Titled single-select",
                "oneOf", List.of(titled("value1", "First Option"), titled("value2", "Second Option"),
                        titled("value3", "Third Option"))));
        properties.put("legacyEnum", Map.of("type", "string", "description", "Legacy titled enum",
                "enum", List.of("opt1", "opt2", "opt3"),
                "enumNames", List.of("Option One", "Option Two", "Option Three")));
        properties.put("untitledMulti", Map.of("type", "array", "description", "Untitled multi-select",
                "items", Map.of("type", "string", "enum", List.of("option1", "option2", "option3"))));
        properties.put("titledMulti", Map.of("type", "array", "description", "Titled multi-select",
                "items", Map.of("anyOf", List.of(titled("value1", "First Choice"), titled("value2", "Second Choice"),
                        titled("value3", "Third Choice")))));
        return formSchema(properties);
    }

    // ---------------------------------------------------------------- prompts

    static List<SyncPromptSpecification> prompts() {
        return List.of(
                new SyncPromptSpecification(
                        new Prompt("test_simple_prompt", "A simple prompt without arguments", List.of()),
                        (ex, req) -> new GetPromptResult("A simple prompt",
                                List.of(new PromptMessage(Role.USER, new TextContent("This is a simple prompt for testing."))))),
                new SyncPromptSpecification(
                        new Prompt("test_prompt_with_arguments", "A prompt with two required arguments", List.of(
                                new PromptArgument("arg1", "First test argument", true),
                                new PromptArgument("arg2", "Second test argument", true))),
                        (ex, req) -> {
                            String arg1 = stringArg(req.arguments(), "arg1");
                            String arg2 = stringArg(req.arguments(), "arg2");
                            return new GetPromptResult("A prompt with arguments", List.of(new PromptMessage(Role.USER,
                                    new TextContent("Prompt with arguments: arg1='" + arg1 + "', arg2='" + arg2 + "'"))));
                        }),
                new SyncPromptSpecification(
                        new Prompt("test_prompt_with_embedded_resource", "A prompt that embeds a resource", List.of(
                                new PromptArgument("resourceUri", "URI of the resource to embed", true))),
                        (ex, req) -> {
                            String uri = stringArg(req.arguments(), "resourceUri");
                            return new GetPromptResult("A prompt with an embedded resource", List.of(
                                    new PromptMessage(Role.USER, new EmbeddedResource(null, new TextResourceContents(
                                            uri, "text/plain", "Embedded resource content for testing."))),
                                    new PromptMessage(Role.USER,
                                            new TextContent("Please process the embedded resource above."))));
                        }),
                new SyncPromptSpecification(
                        new Prompt("test_prompt_with_image", "A prompt that includes an image", List.of()),
                        (ex, req) -> new GetPromptResult("A prompt with an image", List.of(
                                new PromptMessage(Role.USER, new ImageContent(null, PNG_BASE64, "image/png")),
                                new PromptMessage(Role.USER, new TextContent("Please analyze the image above."))))));
    }

    // ---------------------------------------------------------------- resources

    static List<SyncResourceSpecification> resources() {
        return List.of(
                new SyncResourceSpecification(
                        Resource.builder().uri(STATIC_TEXT_URI).name("Static Text Resource")
                                .description("A static text resource for testing").mimeType("text/plain").build(),
                        (ex, req) -> new ReadResourceResult(List.of(new TextResourceContents(req.uri(), "text/plain",
                                "This is the content of the static text resource.")))),
                new SyncResourceSpecification(
                        Resource.builder().uri(STATIC_BINARY_URI).name("Static Binary Resource")
                                .description("A static binary resource (PNG image) for testing").mimeType("image/png")
                                .build(),
                        (ex, req) -> new ReadResourceResult(
                                List.of(new BlobResourceContents(req.uri(), "image/png", PNG_BASE64)))),
                new SyncResourceSpecification(
                        Resource.builder().uri(WATCHED_URI).name("Watched Resource")
                                .description("A resource clients can subscribe to").mimeType("text/plain").build(),
                        (ex, req) -> new ReadResourceResult(List.of(new TextResourceContents(req.uri(), "text/plain",
                                "Watched resource content")))));
    }

    static List<SyncResourceTemplateSpecification> resourceTemplates() {
        return List.of(new SyncResourceTemplateSpecification(
                ResourceTemplate.builder().uriTemplate(TEMPLATE_URI).name("Template Resource")
                        .description("A resource template with an id parameter").mimeType("application/json").build(),
                (ex, req) -> {
                    Matcher m = TEMPLATE_PATTERN.matcher(req.uri());
                    String id = m.matches() ? m.group(1) : "";
                    String json = "{\"id\":\"" + jsonEscape(id) + "\",\"templateTest\":true,\"data\":\"Data for ID: "
                            + jsonEscape(id) + "\"}";
                    return new ReadResourceResult(List.of(new TextResourceContents(req.uri(), "application/json", json)));
                }));
    }

    // ---------------------------------------------------------------- completions

    /** The suite completes argument {@code arg1} of prompt {@code test_prompt_with_arguments}. */
    static List<SyncCompletionSpecification> completions() {
        List<String> candidates = List.of("paris", "park", "party", "test", "testing", "testValue1");
        return List.of(new SyncCompletionSpecification(new PromptReference("test_prompt_with_arguments"),
                (ex, req) -> {
                    String prefix = req.argument() == null || req.argument().value() == null ? "" : req.argument().value();
                    List<String> values = candidates.stream().filter(c -> c.startsWith(prefix)).toList();
                    return new CompleteResult(new CompleteResult.CompleteCompletion(values, values.size(), false));
                }));
    }

    // ---------------------------------------------------------------- helpers

    private static SyncToolSpecification tool(String name, String description, Map<String, Object> inputSchema,
            BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> handler) {
        return SyncToolSpecification.builder()
                .tool(Tool.builder().name(name).description(description).inputSchema(inputSchema).build())
                .callHandler(handler)
                .build();
    }

    private static Map<String, Object> noArgs() {
        return object(Map.of(), List.of());
    }

    private static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        return schema;
    }

    private static Map<String, Object> formSchema(Map<String, Object> properties) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        return schema;
    }

    private static Map<String, Object> stringProp(String description) {
        return Map.of("type", "string", "description", description);
    }

    private static Map<String, Object> titled(String value, String title) {
        return Map.of("const", value, "title", title);
    }

    private static CallToolResult text(String text) {
        return CallToolResult.builder().addTextContent(text).isError(false).build();
    }

    private static CallToolResult error(String text) {
        return CallToolResult.builder().addTextContent(text).isError(true).build();
    }

    private static CallToolResult result(Content... content) {
        return CallToolResult.builder().content(List.of(content)).isError(false).build();
    }

    private static boolean supportsElicitation(McpSyncServerExchange exchange) {
        return exchange.getClientCapabilities() != null && exchange.getClientCapabilities().elicitation() != null;
    }

    private static String action(ElicitResult result) {
        return result.action() == null ? "unknown" : result.action().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String stringArg(CallToolRequest request, String name) {
        return stringArg(request.arguments(), name);
    }

    private static String stringArg(Map<String, Object> args, String name) {
        Object v = args == null ? null : args.get(name);
        return v == null ? "" : String.valueOf(v);
    }

    private static String jsonEscape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static void pause() {
        try {
            Thread.sleep(STEP_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A valid 1x1 opaque PNG, built from its chunks (signature, IHDR, IDAT, IEND). */
    static byte[] onePixelPng() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(1).putInt(1)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        pngChunk(out, "IHDR", ihdr.array());
        byte[] raw = {0, (byte) 0x2e, (byte) 0x7d, (byte) 0xb3}; // filter byte + one RGB pixel
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        byte[] buf = new byte[64];
        int n = deflater.deflate(buf);
        deflater.end();
        pngChunk(out, "IDAT", java.util.Arrays.copyOf(buf, n));
        pngChunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void pngChunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A valid 8 kHz, 8-bit mono PCM WAV holding 0.01 s of silence. */
    static byte[] silentWav() {
        int samples = 80;
        ByteBuffer b = ByteBuffer.allocate(44 + samples).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples)
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(8000).putInt(8000)
                .putShort((short) 1).putShort((short) 8)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples);
        for (int i = 0; i < samples; i++) {
            b.put((byte) 0x80);
        }
        return b.array();
    }
}
