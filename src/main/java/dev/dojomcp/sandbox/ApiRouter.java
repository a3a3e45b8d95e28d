package dev.dojomcp.sandbox;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/** Maps {@code /api/v2/...} requests to resources, after the trailing-slash and authentication rules. */
final class ApiRouter {
    static final String BASE = "/api/v2/";

    private final Map<String, Resource> resources;
    private final Authenticator authenticator;
    private final EntityJson json;
    private final int dojoVersion;
    private final Clock clock;
    private final SandboxStore store;

    ApiRouter(SandboxStore store, Map<String, Resource> resources, Authenticator authenticator, EntityJson json, int dojoVersion,
              Clock clock) {
        this.resources = resources;
        this.authenticator = authenticator;
        this.json = json;
        this.dojoVersion = dojoVersion;
        this.clock = clock;
        this.store = store;
    }

    ApiResponse route(String method, String path, String rawQuery, String authorization, String origin, byte[] body) {
        return route(method, path, rawQuery, authorization, origin, body, null);
    }

    ApiResponse route(String method, String path, String rawQuery, String authorization, String origin, byte[] body,
                      String contentType) {
        if (!path.endsWith("/")) {
            // Django's APPEND_SLASH redirects a slash-less GET; for other methods the real answer (301 or a
            // 400 with a hint) is unverified (§3.1), so the sandbox answers 404 as if no route matched.
            if (method.equals("GET") || method.equals("HEAD")) {
                return ApiResponse.redirect(origin + path + "/" + (rawQuery == null ? "" : "?" + rawQuery));
            }
            throw ApiError.notFound();
        }
        if (!path.startsWith(BASE)) {
            // Real DefectDojo answers unrouted URLs with Django's 404 page; the sandbox keeps JSON for all errors.
            throw ApiError.notFound();
        }
        String rest = path.substring(BASE.length());
        QueryParams query = QueryParams.parse(rawQuery);
        if (rest.equals("oa3/schema/")) {
            requireRead(method);
            return ApiResponse.ok(schema());
        }
        List<String> segments = rest.isEmpty() ? List.of() : Arrays.asList(rest.substring(0, rest.length() - 1).split("/"));
        Resource resource = null;
        if (!segments.isEmpty() && !segments.get(0).equals("user_profile")) {
            resource = resources.get(segments.get(0));
            if (resource == null) {
                if (RouterPrefixes.forVersion(dojoVersion).contains(segments.get(0))) {
                    // A real endpoint of this version that the sandbox does not model.
                    throw ApiError.detail(501, "Not modelled by the DefectDojo sandbox.");
                }
                // Includes the 2.x-only RBAC prefixes in 3.x mode: not routed there, hence 404.
                throw ApiError.notFound();
            }
        } else if (segments.size() > 1) {
            throw ApiError.notFound();
        }
        Principal principal = authenticator.authenticate(authorization);
        if (!(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) && !principal.canWrite()) {
            throw ApiError.permissionDenied();
        }
        ApiRequest request = new ApiRequest(method, path, rawQuery, query, principal, origin, body, clock,
                contentType);
        if (segments.isEmpty()) {
            requireRead(method);
            return ApiResponse.ok(root(origin));
        }
        if (resource == null) {
            requireRead(method);
            ObjectNode profile = Json.object();
            profile.set("user", json.user(principal.user()));
            profile.putNull("user_contact_info");
            return ApiResponse.ok(profile);
        }
        Resource target = resource;
        List<String> remaining = segments.subList(1, segments.size());
        if (request.isRead() || method.equals("OPTIONS")) {
            return store.read(() -> target.handle(request, remaining));
        }
        return store.write(() -> target.handle(request, remaining));
    }

    private static void requireRead(String method) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw ApiError.methodNotAllowed(method);
        }
    }

    private ObjectNode root(String origin) {
        ObjectNode node = Json.object();
        for (String prefix : RouterPrefixes.forVersion(dojoVersion)) {
            node.put(prefix, origin + BASE + prefix + "/");
        }
        return node;
    }

    /** A stub of the drf-spectacular document: enough for version discovery, no paths. */
    private ObjectNode schema() {
        ObjectNode node = Json.object();
        node.put("openapi", "3.0.3");
        ObjectNode info = node.putObject("info");
        info.put("title", "DefectDojo API v2");
        info.put("version", dojoVersion >= 3 ? "3.2.0" : "2.58.4");
        node.putObject("paths");
        return node;
    }
}
