package dev.dojomcp.defectdojo;

import dev.dojomcp.config.Secret;
import dev.dojomcp.defectdojo.model.Note;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Typed access to DefectDojo's REST API v2: paged lists with whitelisted filters, objects by id,
 * capability discovery, and writes (sent once, never retried). Every path ends with the trailing
 * slash DefectDojo requires.
 */
public final class DefectDojoClient {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DefectDojoClient.class);
    /** Page size used when a tool pages through a bounded set itself. */
    public static final int BULK_PAGE_SIZE = 1000;

    private final DojoHttp http;
    private final Secret key;
    private final Clock clock;
    private final CallSlots slots;
    private final AtomicReference<Capabilities> capabilities;
    private final AtomicReference<Optional<String>> version;

    public DefectDojoClient(DojoHttp http, Secret key, Clock clock) {
        this(http, key, clock, CallSlots.UNLIMITED, new AtomicReference<>(), new AtomicReference<>());
    }

    private DefectDojoClient(DojoHttp http, Secret key, Clock clock, CallSlots slots,
            AtomicReference<Capabilities> capabilities, AtomicReference<Optional<String>> version) {
        this.http = http;
        this.key = key;
        this.clock = clock;
        this.slots = slots;
        this.capabilities = capabilities;
        this.version = version;
    }

    /** The same DefectDojo (connection, discovered capabilities) with another key, e.g. a caller's own. */
    public DefectDojoClient as(Secret otherKey) {
        return new DefectDojoClient(http, otherKey, clock, slots, capabilities, version);
    }

    /** This client with every request counted against a caller's concurrency ceiling. */
    public DefectDojoClient within(CallSlots callerSlots) {
        return new DefectDojoClient(http, key, clock, callerSlots, capabilities, version);
    }

    private JsonNode get(String relativePath) {
        return slots.within(() -> http.get(relativePath, key), false);
    }

    public <T> Page<T> list(Query query, int limit, int offset, Class<T> type) {
        JsonNode body = get(query.resource().path() + "/?" + query.encode(limit, offset));
        JsonNode results = body.path("results");
        if (!body.isObject() || !results.isArray()) {
            throw new DojoException(DojoFailure.BAD_RESPONSE);
        }
        List<T> items = new ArrayList<>(results.size());
        List<JsonNode> raw = new ArrayList<>(results.size());
        for (JsonNode node : results) {
            items.add(convert(node, type));
            raw.add(node);
        }
        long count = body.path("count").asLong(items.size());
        return new Page<>(count, limit, offset, List.copyOf(items), List.copyOf(raw));
    }

    /** Number of objects matching the query, from one {@code limit=1} request. */
    public long count(Query query) {
        JsonNode body = get(query.resource().path() + "/?" + query.encode(1, 0));
        JsonNode count = body.path("count");
        if (!count.isNumber()) {
            throw new DojoException(DojoFailure.BAD_RESPONSE);
        }
        return count.asLong();
    }

    /**
     * Pages through matching objects, at most {@code maxItems}, handing each to {@code sink}.
     * Returns the total DefectDojo reported, which may exceed what was visited.
     */
    public <T> long forEach(Query query, int maxItems, Class<T> type, Consumer<T> sink) {
        int offset = 0;
        long total;
        do {
            int limit = Math.min(BULK_PAGE_SIZE, maxItems - offset);
            Page<T> page = list(query, limit, offset, type);
            page.results().forEach(sink);
            total = page.count();
            if (page.results().isEmpty()) {
                break;
            }
            offset += page.results().size();
        } while (offset < total && offset < maxItems);
        return total;
    }

    public <T> T get(Resource resource, long id, Class<T> type) {
        return convert(getRaw(resource, id), type);
    }

    public JsonNode getRaw(Resource resource, long id) {
        return get(resource.path() + "/" + id + "/");
    }

    /** {@code GET /findings/{id}/notes/} answers a wrapper object, not a page. */
    public List<Note> findingNotes(long findingId) {
        JsonNode body = get("findings/" + findingId + "/notes/");
        JsonNode notes = body.path("notes");
        if (!notes.isArray()) {
            throw new DojoException(DojoFailure.BAD_RESPONSE);
        }
        List<Note> out = new ArrayList<>();
        notes.forEach(n -> out.add(convert(n, Note.class)));
        return out;
    }

    /** The caller as DefectDojo sees it: a cheap authenticated round trip. */
    public JsonNode userProfile() {
        return get("user_profile/");
    }

    public Capabilities capabilities() {
        Capabilities c = capabilities.get();
        return c != null ? c : refreshCapabilities();
    }

    public Capabilities refreshCapabilities() {
        JsonNode root = get("");
        if (!root.isObject()) {
            throw new DojoException(DojoFailure.BAD_RESPONSE);
        }
        Set<String> endpoints = new HashSet<>(root.propertyNames());
        Capabilities fresh = new Capabilities(endpoints, Instant.now(clock));
        capabilities.set(fresh);
        return fresh;
    }

    /**
     * DefectDojo's version from its OpenAPI document ({@code info.version}), fetched once. Empty when
     * the document is not served; the document can be large, so only {@code get_instance_info} asks.
     */
    public Optional<String> dojoVersion() {
        Optional<String> v = version.get();
        if (v != null) {
            return v;
        }
        Optional<String> found;
        try {
            JsonNode schema = get("oa3/schema/?format=json");
            String text = schema.path("info").path("version").asString("");
            found = text.isBlank() ? Optional.empty() : Optional.of(text);
        } catch (DojoException e) {
            found = Optional.empty();
        }
        version.set(found);
        return found;
    }

    /** {@code POST} of a JSON body (create, or an action such as {@code close/}); never retried. */
    public JsonNode post(String relativePath, Object body) {
        return writeJson("POST", relativePath, body);
    }

    /** {@code PATCH}: only the fields sent change. */
    public JsonNode patch(String relativePath, Object body) {
        return writeJson("PATCH", relativePath, body);
    }

    /** {@code PUT}; DefectDojo's {@code remove_tags/} takes it. */
    public JsonNode put(String relativePath, Object body) {
        return writeJson("PUT", relativePath, body);
    }

    /** A multipart upload (import-scan, reimport-scan) with the longer import timeout and progress reports. */
    public JsonNode upload(String relativePath, Multipart form, UploadProgress progress) {
        Multipart.Encoded encoded = form.encode();
        DojoHttp.Reply reply = slots.within(() -> http.write("POST", relativePath,
                new CountingPublisher(encoded.body(), progress), encoded.contentType(), key, http.importTimeout()), true);
        return interpret(reply);
    }

    private JsonNode writeJson(String method, String relativePath, Object body) {
        byte[] bytes = Json.mapper().writeValueAsBytes(body);
        DojoHttp.Reply reply = slots.within(() -> http.write(method, relativePath,
                java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes), "application/json", key, http.timeout()),
                true);
        return interpret(reply);
    }

    /**
     * 2xx: the body (missing for 204 and empty answers; DefectDojo attaches a body to some 204s that
     * must be ignored). 4xx: refused, nothing changed, with sanitised field errors. 5xx: DefectDojo may
     * have applied part of the change before failing, so the outcome is unknown.
     */
    private JsonNode interpret(DojoHttp.Reply reply) {
        int status = reply.status();
        if (status >= 200 && status < 300) {
            if (status == 204 || reply.body().length == 0) {
                return tools.jackson.databind.node.MissingNode.getInstance();
            }
            try {
                return Json.mapper().readTree(reply.body());
            } catch (JacksonException e) {
                return tools.jackson.databind.node.MissingNode.getInstance();
            }
        }
        JsonNode body = parseQuietly(reply.body());
        if (status >= 500) {
            LOG.debug("DefectDojo write failed with {}", status);
            throw new DojoWriteException(DojoWriteException.Kind.UNKNOWN, status, List.of(), reply.retryAfterSeconds(),
                    "DefectDojo failed while handling the change (HTTP " + status + "); it may or may not have been "
                            + "applied");
        }
        List<FieldError> errors = status >= 400 ? DojoErrors.from(body, secrets()) : List.of();
        String message = status < 400 ? "DefectDojo redirected the request"
                : DojoFailure.forStatus(status).message();
        throw new DojoWriteException(DojoWriteException.Kind.REJECTED, status, errors, reply.retryAfterSeconds(),
                message + "; nothing was changed (HTTP " + status + ")");
    }

    private List<String> secrets() {
        java.net.URI root = http.apiRoot();
        return List.of(key.reveal(), root.toString(), root.getHost() + (root.getPort() > 0 ? ":" + root.getPort() : ""));
    }

    private static JsonNode parseQuietly(byte[] body) {
        try {
            return body.length == 0 ? null : Json.mapper().readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static <T> T convert(JsonNode node, Class<T> type) {
        if (type == JsonNode.class) {
            return type.cast(node);
        }
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (JacksonException e) {
            throw new DojoException(DojoFailure.BAD_RESPONSE);
        }
    }
}
