package dev.dojomcp.audit.forward;

import dev.dojomcp.config.ConfigException;
import dev.dojomcp.config.Environment;
import dev.dojomcp.config.Secret;
import dev.dojomcp.defectdojo.TrustStores;
import dev.dojomcp.security.LogRedaction;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the audit trail is forwarded to (SIEM): a syslog receiver, an HTTPS endpoint, both or neither. Read by
 * {@link #from}; every problem is a {@link ConfigException} naming the variable, never echoing a secret.
 *
 * @param warnings start-up warnings (already logged), e.g. plain http to a loopback address
 */
public record ForwardSettings(Optional<Syslog> syslog, Optional<Https> https, List<String> warnings) {
    private static final Logger LOG = LoggerFactory.getLogger(ForwardSettings.class);

    public static final String AUDIT_LOG_FILE = "AUDIT_LOG_FILE";
    public static final String SYSLOG = "AUDIT_LOG_SYSLOG";
    public static final String SYSLOG_CA = "AUDIT_LOG_SYSLOG_CA";
    public static final String HTTPS_URL = "AUDIT_LOG_HTTPS_URL";
    public static final String HTTPS_TOKEN = "AUDIT_LOG_HTTPS_TOKEN";
    public static final String HTTPS_BATCH_SIZE = "AUDIT_LOG_HTTPS_BATCH_SIZE";
    public static final String HTTPS_FLUSH_SECS = "AUDIT_LOG_HTTPS_FLUSH_SECS";
    public static final String HTTPS_CA = "AUDIT_LOG_HTTPS_CA";

    /** How syslog messages travel. UDP is best effort: no connection, so no delivery guarantee. */
    public enum Protocol {
        TCP(514), UDP(514), TLS(6514);

        final int defaultPort;

        Protocol(int defaultPort) {
            this.defaultPort = defaultPort;
        }
    }

    /** {@code AUDIT_LOG_SYSLOG=[tcp|udp|tls://]host[:port]}, bare host = TLS; {@code caFile} only for TLS. */
    public record Syslog(Protocol protocol, String host, int port, Optional<Path> caFile) {
        @Override
        public String toString() {
            return protocol.name().toLowerCase(Locale.ROOT) + "://" + (host.contains(":") ? "[" + host + "]" : host)
                    + ":" + port;
        }
    }

    /** {@code AUDIT_LOG_HTTPS_*}: POST JSON arrays of at most {@code batchSize} records, at least every {@code flush}. */
    public record Https(URI url, Optional<Secret> token, int batchSize, Duration flush, Optional<Path> caFile) {
        /** Scheme, host and port only: a query could carry a credential, so the full URL is never logged. */
        public String safeTarget() {
            return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
        }

        @Override
        public String toString() {
            return "Https[" + safeTarget() + ", token=" + (token.isPresent() ? "[secret]" : "none") + ", batchSize="
                    + batchSize + ", flush=" + flush + "]";
        }
    }

    /** One refusal for the start-up guard table: the variable the error names, when, and an environment that trips it. */
    public record GuardExample(String variable, String refusesWhen, Map<String, String> example) {
    }

    /**
     * Every refusal of {@link #from}, each with an example environment (no network, no files needed) that trips it
     * when {@code AUDIT_LOG_FILE} is set or not. The {@code AUDIT_LOG_FILE} entry trips only when it is unset.
     */
    public static final List<GuardExample> GUARDS = List.of(
            new GuardExample(SYSLOG, "is not `[tcp|udp|tls://]host[:port]`", Map.of(SYSLOG, "ftp://siem.example.com")),
            new GuardExample(SYSLOG_CA, "is not a readable PEM certificate file, or the syslog protocol is not TLS",
                    Map.of(SYSLOG, "siem.example.com", SYSLOG_CA, "/nonexistent/ca.pem")),
            new GuardExample(HTTPS_URL, "is not an https:// URL (plain http:// only to a loopback address), has "
                    + "credentials or a fragment", Map.of(HTTPS_URL, "http://siem.example.com/audit")),
            new GuardExample(HTTPS_TOKEN, "is not one printable token, or is set without `AUDIT_LOG_HTTPS_URL`",
                    Map.of(HTTPS_URL, "https://siem.example.com/audit", HTTPS_TOKEN, "two words")),
            new GuardExample(HTTPS_BATCH_SIZE, "is not a whole number 1–10000", Map.of(HTTPS_BATCH_SIZE, "0")),
            new GuardExample(HTTPS_FLUSH_SECS, "is not a whole number 1–3600", Map.of(HTTPS_FLUSH_SECS, "0")),
            new GuardExample(HTTPS_CA, "is not a readable PEM certificate file, or is set without an https:// "
                    + "`AUDIT_LOG_HTTPS_URL`", Map.of(HTTPS_CA, "/nonexistent/ca.pem")),
            new GuardExample(AUDIT_LOG_FILE, "is not set while `AUDIT_LOG_SYSLOG` or `AUDIT_LOG_HTTPS_URL` is "
                    + "(the forwarders read the file)", Map.of(SYSLOG, "siem.example.com")));

    public ForwardSettings {
        warnings = List.copyOf(warnings);
    }

    /** True when at least one forwarder is configured. */
    public boolean any() {
        return syslog.isPresent() || https.isPresent();
    }

    /**
     * Reads the forwarding variables. Every variable is checked before the audit file, so a malformed variable is
     * reported as itself whether or not {@code AUDIT_LOG_FILE} is set.
     *
     * @param auditFileOrNull the configured {@code AUDIT_LOG_FILE}, {@code null} when none
     */
    public static ForwardSettings from(Environment env, Path auditFileOrNull) {
        List<String> warnings = new ArrayList<>();
        Optional<Syslog> syslog = env.get(SYSLOG).map(ForwardSettings::parseSyslog);
        Optional<Path> syslogCa = env.get(SYSLOG_CA).map(v -> caFile(SYSLOG_CA, v));
        if (syslogCa.isPresent()) {
            if (syslog.isEmpty()) {
                throw new ConfigException(SYSLOG_CA, "is set but " + SYSLOG + " is not");
            }
            if (syslog.get().protocol() != Protocol.TLS) {
                throw new ConfigException(SYSLOG_CA, "applies only to TLS syslog (tls:// or a bare host in " + SYSLOG
                        + ")");
            }
            syslog = Optional.of(new Syslog(Protocol.TLS, syslog.get().host(), syslog.get().port(), syslogCa));
        }

        Optional<Secret> token = env.get(HTTPS_TOKEN).map(ForwardSettings::token);
        // Masked in every log line from here on, before anything else can fail and be logged.
        token.ifPresent(LogRedaction::register);
        Optional<URI> url = env.get(HTTPS_URL).map(v -> parseHttpsUrl(v, warnings));
        int batchSize = env.integer(HTTPS_BATCH_SIZE, 100, 1, 10_000);
        int flushSecs = env.integer(HTTPS_FLUSH_SECS, 5, 1, 3600);
        Optional<Path> httpsCa = env.get(HTTPS_CA).map(v -> caFile(HTTPS_CA, v));
        if (token.isPresent() && url.isEmpty()) {
            throw new ConfigException(HTTPS_TOKEN, "is set but " + HTTPS_URL + " is not");
        }
        if (httpsCa.isPresent() && (url.isEmpty() || !url.get().getScheme().equals("https"))) {
            throw new ConfigException(HTTPS_CA, "applies only to an https:// " + HTTPS_URL);
        }
        Optional<Https> https = url.map(u -> new Https(u, token, batchSize, Duration.ofSeconds(flushSecs), httpsCa));

        if ((syslog.isPresent() || https.isPresent()) && auditFileOrNull == null) {
            throw new ConfigException(AUDIT_LOG_FILE, "is not set; " + (syslog.isPresent() ? SYSLOG : HTTPS_URL)
                    + " forwards the audit file and needs it");
        }
        warnings.forEach(LOG::warn);
        return new ForwardSettings(syslog, https, warnings);
    }

    /** Host names, IPv4 and bracketed IPv6 addresses; the value is never echoed (it could be a mistyped secret). */
    private static final Pattern HOST_NAME = Pattern.compile(
            "(?i)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\\.?");

    static Syslog parseSyslog(String value) {
        String v = value.trim();
        Protocol protocol = Protocol.TLS;
        int sep = v.indexOf("://");
        if (sep >= 0) {
            String scheme = v.substring(0, sep).toLowerCase(Locale.ROOT);
            protocol = switch (scheme) {
                case "tcp" -> Protocol.TCP;
                case "udp" -> Protocol.UDP;
                case "tls" -> Protocol.TLS;
                default -> throw new ConfigException(SYSLOG, "must be [tcp|udp|tls://]host[:port]; unknown protocol");
            };
            v = v.substring(sep + 3);
        }
        String host;
        String port = null;
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            if (close < 0) {
                throw new ConfigException(SYSLOG, "must be [tcp|udp|tls://]host[:port]; unclosed [ in the address");
            }
            host = v.substring(1, close);
            String rest = v.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new ConfigException(SYSLOG, "must be [tcp|udp|tls://]host[:port]");
                }
                port = rest.substring(1);
            }
            if (!host.matches("[0-9A-Fa-f:.]+") || !host.contains(":")) {
                throw new ConfigException(SYSLOG, "has an invalid IPv6 address");
            }
        } else {
            int colon = v.indexOf(':');
            if (colon >= 0) {
                if (v.indexOf(':', colon + 1) >= 0) {
                    throw new ConfigException(SYSLOG, "must put an IPv6 address in brackets: tls://[2001:db8::5]:6514");
                }
                host = v.substring(0, colon);
                port = v.substring(colon + 1);
            } else {
                host = v;
            }
            if (host.length() > 253 || !HOST_NAME.matcher(host).matches()) {
                throw new ConfigException(SYSLOG, "must be [tcp|udp|tls://]host[:port]; the host is not a valid name "
                        + "or address");
            }
        }
        int portNumber = protocol.defaultPort;
        if (port != null) {
            try {
                portNumber = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                portNumber = -1;
            }
            if (portNumber < 1 || portNumber > 65535) {
                throw new ConfigException(SYSLOG, "has a port that is not a number 1–65535");
            }
        }
        return new Syslog(protocol, host, portNumber, Optional.empty());
    }

    static URI parseHttpsUrl(String value, List<String> warnings) {
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new ConfigException(HTTPS_URL, "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new ConfigException(HTTPS_URL, "must start with https://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new ConfigException(HTTPS_URL, "has no host name");
        }
        if (uri.getRawUserInfo() != null) {
            throw new ConfigException(HTTPS_URL, "must not contain credentials; use " + HTTPS_TOKEN);
        }
        if (uri.getRawFragment() != null) {
            throw new ConfigException(HTTPS_URL, "must not contain a fragment");
        }
        if (scheme.equals("http")) {
            if (!isLoopback(uri.getHost())) {
                throw new ConfigException(HTTPS_URL, "uses plain http://, allowed only to a loopback address; use "
                        + "https://");
            }
            warnings.add(HTTPS_URL + " uses plain http:// to a loopback address: audit records (and "
                    + HTTPS_TOKEN + ", if set) cross this host unencrypted");
        }
        return uri;
    }

    /** Loopback by its literal form only: {@code localhost}, 127.0.0.0/8, ::1 (no DNS lookup at start-up). */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.equals("localhost.")) {
            return true;
        }
        if (h.matches("127(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}")) {
            return true;
        }
        return h.matches("(0{0,4}:){2,7}0{0,3}1") || h.equals("::1");
    }

    private static Secret token(String value) {
        if (value.length() > 4096 || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ConfigException(HTTPS_TOKEN, "must be a single printable token without spaces");
        }
        return Secret.of(value);
    }

    private static Path caFile(String variable, String value) {
        Path path;
        try {
            path = Path.of(value);
        } catch (java.nio.file.InvalidPathException e) {
            throw new ConfigException(variable, "is not a valid file path");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ConfigException(variable, "is not a readable file");
        }
        // Parsed now, so a bad file refuses start-up instead of failing every delivery later.
        TrustStores.forCaFile(path, variable);
        return path;
    }
}
