package dev.dojomcp.sandbox;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /__sandbox/faults} (GET, POST, DELETE) and {@code /__sandbox/stats} (GET, DELETE); admin key only. */
final class SandboxAdmin {
    static final String PREFIX = "/__sandbox/";

    private final String adminKey;
    private final Faults faults;
    private final SandboxStats stats;

    SandboxAdmin(String adminKey, Faults faults, SandboxStats stats) {
        this.adminKey = adminKey;
        this.faults = faults;
        this.stats = stats;
    }

    ApiResponse handle(String method, String path, String authorization, byte[] body) {
        if (authorization == null || !authorization.trim().equals("Token " + adminKey)) {
            throw ApiError.detail(403, "The sandbox admin endpoints need the admin API key.");
        }
        String name = path.substring(PREFIX.length()).replaceAll("/$", "");
        switch (name) {
            case "faults":
                switch (method) {
                    case "GET":
                        return ApiResponse.ok(toJson(faults.current()));
                    case "POST":
                    case "PUT":
                        faults.set(parse(body));
                        return ApiResponse.ok(toJson(faults.current()));
                    case "DELETE":
                        faults.clear();
                        return ApiResponse.of(204, null);
                    default:
                        throw ApiError.methodNotAllowed(method);
                }
            case "stats":
                if (method.equals("DELETE")) {
                    stats.reset();
                    return ApiResponse.of(204, null);
                }
                ObjectNode node = Json.object();
                node.put("total", stats.totalRequests());
                ObjectNode byPath = node.putObject("by_path");
                stats.byPath().forEach(byPath::put);
                return ApiResponse.ok(node);
            default:
                throw ApiError.notFound();
        }
    }

    static FaultSpec parse(byte[] body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body == null || body.length == 0 ? "{}".getBytes() : body);
            FaultMode mode = node.hasNonNull("mode") ? FaultMode.parse(node.get("mode").asString()) : FaultMode.STATUS;
            boolean errorRequested = node.hasNonNull("mode") || node.hasNonNull("status");
            double rate = node.hasNonNull("error_rate") ? node.get("error_rate").asDouble() : errorRequested ? 1.0 : 0.0;
            int defaultStatus = mode == FaultMode.HTML ? 502 : 500;
            return new FaultSpec(node.path("latency_ms").asLong(0), rate, mode,
                    node.hasNonNull("status") ? node.get("status").asInt() : defaultStatus,
                    node.hasNonNull("path_prefix") ? node.get("path_prefix").asString() : null,
                    node.hasNonNull("remaining") ? node.get("remaining").asInt() : -1,
                    node.hasNonNull("retry_after") ? node.get("retry_after").asInt() : 1);
        } catch (IllegalArgumentException e) {
            ObjectNode err = Json.object();
            throw ApiError.detail(400, e.getMessage());
        } catch (RuntimeException e) {
            java.util.Map<String, Object> err = new java.util.LinkedHashMap<>();
            err.put("message", "JSON request content is malformed");
            throw new ApiError(400, err);
        }
    }

    static ObjectNode toJson(FaultSpec spec) {
        ObjectNode node = Json.object();
        node.put("latency_ms", spec.latencyMs());
        node.put("error_rate", spec.errorRate());
        node.put("mode", spec.mode().wireName());
        node.put("status", spec.status());
        Json.text(node, "path_prefix", spec.pathPrefix());
        node.put("remaining", spec.remaining());
        node.put("retry_after", spec.retryAfterSeconds());
        return node;
    }
}
