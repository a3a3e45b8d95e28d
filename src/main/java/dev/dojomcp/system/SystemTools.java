package dev.dojomcp.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.dojomcp.defectdojo.Capabilities;
import dev.dojomcp.defectdojo.DojoException;
import dev.dojomcp.tools.PermissionGroup;
import dev.dojomcp.tools.TextRendering;
import dev.dojomcp.tools.ToolContext;
import dev.dojomcp.tools.ToolSpec;
import dev.dojomcp.tools.Toolset;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Health and instance information. */
public final class SystemTools {
    private SystemTools() {
    }

    public static List<ToolSpec<?, ?>> all() {
        return List.of(healthCheck(), instanceInfo());
    }

    public record NoArguments() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record InstanceInfoInput(
            @JsonPropertyDescription("true: ask DefectDojo again which endpoints it offers") Boolean refresh) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Health(
            @JsonPropertyDescription("ok, or unhealthy when DefectDojo cannot be used") String status,
            String serverVersion,
            boolean defectdojoReachable,
            @JsonPropertyDescription("Round trip of an authenticated DefectDojo request") Long defectdojoLatencyMs,
            @JsonPropertyDescription("The DefectDojo user this server acts as") String authenticatedAs,
            @JsonPropertyDescription("Why DefectDojo cannot be used") String problem) implements TextRendering {
        @Override
        public String asText() {
            return status.equals("ok")
                    ? "ok: DefectDojo answered in " + defectdojoLatencyMs + " ms as " + authenticatedAs
                    : "unhealthy: " + problem;
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InstanceInfo(
            String serverVersion,
            @JsonPropertyDescription("DefectDojo's version from its OpenAPI document, when served")
            String defectdojoVersion,
            @JsonPropertyDescription("2.x when the groups/roles endpoints exist, else 3.x") String apiGeneration,
            @JsonPropertyDescription("Groups, group members and roles can be read") boolean groupsAndRoles,
            @JsonPropertyDescription("API v2 collections this DefectDojo routes") List<String> endpoints,
            String capabilitiesDiscoveredAt,
            String transport,
            List<String> enabledToolsets,
            boolean readOnly) implements TextRendering {
        @Override
        public String asText() {
            return "dojo-mcp " + serverVersion + " on DefectDojo " + (defectdojoVersion == null ? "(version unknown)"
                    : defectdojoVersion) + " (" + apiGeneration + " API, groups/roles "
                    + (groupsAndRoles ? "available" : "absent") + "); toolsets " + enabledToolsets + "; transport "
                    + transport + (readOnly ? "; read-only" : "");
        }
    }

    static ToolSpec<NoArguments, Health> healthCheck() {
        return ToolSpec.named("health_check", NoArguments.class)
                .title("Check health")
                .description("Whether this server can reach DefectDojo and authenticate; never fails, reports "
                        + "status ok or unhealthy with the reason.")
                .permission(PermissionGroup.SYSTEM)
                .toolset(Toolset.SYSTEM)
                .handler(Health.class, SystemTools::health);
    }

    private static Health health(ToolContext ctx, NoArguments in) {
        long start = System.nanoTime();
        try {
            JsonNode profile = ctx.dojo().userProfile();
            long ms = (System.nanoTime() - start) / 1_000_000;
            String user = profile.path("user").path("username").asString(null);
            return new Health("ok", ctx.profile().serverVersion(), true, ms, user, null);
        } catch (DojoException e) {
            boolean reachable = e.status() > 0;
            return new Health("unhealthy", ctx.profile().serverVersion(), reachable, null, null, e.getMessage());
        }
    }

    static ToolSpec<InstanceInfoInput, InstanceInfo> instanceInfo() {
        return ToolSpec.named("get_instance_info", InstanceInfoInput.class)
                .title("Describe this instance")
                .description("Server version, DefectDojo version when discoverable, which DefectDojo API endpoints "
                        + "exist (2.x has groups and roles, 3.x open source does not), enabled toolsets, "
                        + "read-only mode and transport.")
                .permission(PermissionGroup.SYSTEM)
                .toolset(Toolset.SYSTEM)
                .handler(InstanceInfo.class, (ctx, in) -> {
                    Capabilities caps = Boolean.TRUE.equals(in.refresh()) ? ctx.dojo().refreshCapabilities()
                            : ctx.dojo().capabilities();
                    String version = ctx.dojo().dojoVersion().orElse(null);
                    return new InstanceInfo(ctx.profile().serverVersion(), version, caps.apiGeneration(),
                            caps.hasRbacEndpoints(), List.copyOf(caps.sortedEndpoints()),
                            caps.discoveredAt().toString(), ctx.profile().transport(), ctx.profile().enabledToolsets(),
                            ctx.profile().readOnly());
                });
    }
}
