package dev.dojomcp.tools;

import dev.dojomcp.security.UntrustedContent;
import dev.dojomcp.tools.schema.SchemaBundle;
import dev.dojomcp.tools.schema.SchemaFactory;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.List;
import java.util.Map;

/** Turns a {@link ToolSpec} into the SDK's registration, routing every call through the pipeline. */
public final class McpToolBinding {
    private McpToolBinding() {
    }

    /** As clients see it by default: untrusted text fields of the output schema wrapped. */
    public static McpSchema.Tool describe(ToolSpec<?, ?> spec) {
        return describe(spec, new UntrustedContent(true, s -> s));
    }

    public static McpSchema.Tool describe(ToolSpec<?, ?> spec, UntrustedContent untrusted) {
        ToolHints h = spec.hints();
        SchemaBundle.Entry schemas = schemas(spec);
        return McpSchema.Tool.builder()
                .name(spec.name())
                .title(spec.title())
                .description(spec.description())
                .inputSchema(schemas.input())
                .outputSchema(untrusted.protectSchema(schemas.output()))
                .annotations(new ToolAnnotations(spec.title(), h.readOnly(), h.destructive(), h.idempotent(),
                        h.openWorld(), null))
                .meta(new java.util.TreeMap<>(Map.of("dojo-mcp/toolset", spec.toolset().id(),
                        "dojo-mcp/permission", spec.permission().id())))
                .build();
    }

    /** Both schemas: from the build-time bundle when it matches the records, else generated now. */
    static SchemaBundle.Entry schemas(ToolSpec<?, ?> spec) {
        String fingerprint = fingerprint(spec);
        return SchemaBundle.lookup(spec.name(), fingerprint).orElseGet(() -> new SchemaBundle.Entry(fingerprint,
                generateInputSchema(spec), generateOutputSchema(spec)));
    }

    public static Map<String, Object> inputSchema(ToolSpec<?, ?> spec) {
        return schemas(spec).input();
    }

    public static Map<String, Object> outputSchema(ToolSpec<?, ?> spec) {
        return schemas(spec).output();
    }

    public static Map<String, Object> generateInputSchema(ToolSpec<?, ?> spec) {
        return SchemaFactory.input(spec.input());
    }

    public static Map<String, Object> generateOutputSchema(ToolSpec<?, ?> spec) {
        return SchemaFactory.output(spec.output(), spec.outputTypeArguments());
    }

    public static String fingerprint(ToolSpec<?, ?> spec) {
        return SchemaBundle.fingerprint(spec.input(), spec.output(), spec.outputTypeArguments());
    }

    public static List<SyncToolSpecification> bind(ToolCatalog catalog, ToolPipeline pipeline) {
        return catalog.all().stream().map(spec -> bind(spec, pipeline)).toList();
    }

    /** Progress notifications go only to a client that asked for them with a progress token. */
    static Progress progress(io.modelcontextprotocol.server.McpSyncServerExchange exchange, Object token) {
        if (token == null) {
            return Progress.NONE;
        }
        return (progress, total, message) -> exchange.progressNotification(
                new McpSchema.ProgressNotification(token, progress, total, message, null));
    }

    private static SyncToolSpecification bind(ToolSpec<?, ?> spec, ToolPipeline pipeline) {
        McpSchema.Tool tool = describe(spec, pipeline.policy().untrusted());
        return SyncToolSpecification.builder()
                .tool(tool)
                .callHandler((exchange, request) -> pipeline.call(spec, request.arguments(),
                        exchange.transportContext(), CallOrigin.of(exchange, request),
                        progress(exchange, request.progressToken())))
                .build();
    }
}
