package dev.dojomcp.config;

import dev.dojomcp.security.LogRedaction;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Where DefectDojo is and how to reach it. The read key serves read tools, the write key write
 * tools (the same key when only {@code DEFECTDOJO_API_KEY} is set).
 */
public record DojoConnection(
        URI baseUrl,
        Secret readKey,
        Optional<Secret> writeKey,
        Optional<Path> caFile,
        Duration timeout,
        Duration importTimeout,
        int maxConcurrentRequests) {

    public static final String URL = "DEFECTDOJO_URL";
    public static final String API_KEY = "DEFECTDOJO_API_KEY";
    public static final String READ_API_KEY = "DEFECTDOJO_READ_API_KEY";
    public static final String WRITE_API_KEY = "DEFECTDOJO_WRITE_API_KEY";
    public static final String CA_FILE = "DEFECTDOJO_CA_FILE";
    public static final String TIMEOUT_SECONDS = "DEFECTDOJO_TIMEOUT_SECONDS";
    public static final String IMPORT_TIMEOUT_SECONDS = "DEFECTDOJO_IMPORT_TIMEOUT_SECONDS";
    public static final String MAX_CONNECTIONS = "DEFECTDOJO_MAX_CONNECTIONS";
    public static final String ALLOW_INSECURE_HTTP = "ALLOW_INSECURE_HTTP";

    public static DojoConnection from(Environment env) {
        URI url = parseUrl(env.get(URL).orElseThrow(() -> new ConfigException(URL, "is not set")),
                env.bool(ALLOW_INSECURE_HTTP, false));
        Optional<Secret> shared = env.get(API_KEY).map(v -> Settings.apiKey(API_KEY, v));
        Optional<Secret> read = env.get(READ_API_KEY).map(v -> Settings.apiKey(READ_API_KEY, v)).or(() -> shared);
        Optional<Secret> write = env.get(WRITE_API_KEY).map(v -> Settings.apiKey(WRITE_API_KEY, v)).or(() -> shared);
        // Masked in every log line from here on (role tokens and other secrets are registered the same way).
        shared.ifPresent(LogRedaction::register);
        read.ifPresent(LogRedaction::register);
        write.ifPresent(LogRedaction::register);
        if (read.isEmpty()) {
            throw new ConfigException(API_KEY, "is not set (or set " + READ_API_KEY + " and " + WRITE_API_KEY + ")");
        }
        Optional<Path> ca = env.get(CA_FILE).map(DojoConnection::caFile);
        if (ca.isPresent() && !url.getScheme().equals("https")) {
            throw new ConfigException(CA_FILE, "applies only to an https:// " + URL);
        }
        Duration timeout = Duration.ofSeconds(Settings.integer(env, TIMEOUT_SECONDS, 30, 1, 600));
        // Imports parse, de-duplicate and grade inside the request on many instances: minutes, not seconds.
        Duration importTimeout = Duration.ofSeconds(Settings.integer(env, IMPORT_TIMEOUT_SECONDS, 600, 10, 3600));
        int maxConnections = Settings.integer(env, MAX_CONNECTIONS, 16, 1, 256);
        return new DojoConnection(url, read.get(), write, ca, timeout, importTimeout, maxConnections);
    }

    static URI parseUrl(String value, boolean allowInsecureHttp) {
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new ConfigException(URL, "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new ConfigException(URL, "must start with https://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new ConfigException(URL, "has no host name");
        }
        if (uri.getRawUserInfo() != null) {
            throw new ConfigException(URL, "must not contain credentials; use " + API_KEY);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ConfigException(URL, "must not contain a query or fragment");
        }
        if (scheme.equals("http") && !allowInsecureHttp) {
            throw new ConfigException(URL, "uses plain http://; use https:// or set " + ALLOW_INSECURE_HTTP + "=true");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        path = path.replaceAll("/+$", "");
        if (path.endsWith("/api/v2")) {
            path = path.substring(0, path.length() - "/api/v2".length());
        }
        try {
            return new URI(scheme, null, uri.getHost(), uri.getPort(), path, null, null);
        } catch (URISyntaxException e) {
            throw new ConfigException(URL, "is not a valid URL");
        }
    }

    private static Path caFile(String value) {
        Path path = Path.of(value);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ConfigException(CA_FILE, "is not a readable file");
        }
        return path;
    }

    /** The API root, always with the trailing slash DefectDojo requires. */
    public URI apiRoot() {
        return URI.create(baseUrl.toString() + "/api/v2/");
    }
}
