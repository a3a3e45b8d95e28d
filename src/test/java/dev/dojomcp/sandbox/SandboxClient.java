package dev.dojomcp.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** Minimal HTTP client for tests against a running sandbox. */
final class SandboxClient {
    static final String ADMIN_KEY = "0123456789abcdef0123456789abcdef01234567";
    static final String READ_ONLY_KEY = "fedcba9876543210fedcba9876543210fedcba98";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI base;

    SandboxClient(SandboxServer server) {
        this.base = server.baseUrl();
    }

    HttpResponse<String> send(String method, String pathAndQuery, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(30));
        if (key != null) {
            b.header("Authorization", "Token " + key);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Like {@link #send} but with the given Content-Type (null: none) instead of application/json. */
    HttpResponse<String> sendAs(String method, String pathAndQuery, String key, String contentType, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(30));
        b.header("Authorization", "Token " + key);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        return send("GET", pathAndQuery, ADMIN_KEY, null);
    }

    JsonNode json(String pathAndQuery) throws Exception {
        HttpResponse<String> r = get(pathAndQuery);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + pathAndQuery + " → " + r.statusCode() + " " + r.body());
        }
        return Json.MAPPER.readTree(r.body());
    }

    static JsonNode parse(HttpResponse<String> response) {
        return Json.MAPPER.readTree(response.body());
    }

    long count(String query) throws Exception {
        return json("/api/v2/findings/?limit=1" + (query.isEmpty() ? "" : "&" + query)).get("count").asLong();
    }
}
