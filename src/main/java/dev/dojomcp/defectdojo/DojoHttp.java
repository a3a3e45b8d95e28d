package dev.dojomcp.defectdojo;

import dev.dojomcp.config.DojoConnection;
import dev.dojomcp.config.Secret;
import dev.dojomcp.security.LogRedaction;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The transport under {@link DefectDojoClient}: one pooled {@link HttpClient}, a bound on
 * concurrent requests, request timeouts, and retries with backoff for idempotent requests only.
 */
public final class DojoHttp {
    private static final Logger LOG = LoggerFactory.getLogger(DojoHttp.class);
    private static final Set<Integer> RETRYABLE_STATUS = Set.of(429, 502, 503, 504);
    static final int MAX_ATTEMPTS = 3;
    static final long MAX_RETRY_AFTER_MS = 10_000;
    private static final String USER_AGENT = "dojo-mcp/" + dev.dojomcp.Version.current();

    private final URI apiRoot;
    private final HttpClient http;
    private final Duration timeout;
    private final Duration importTimeout;
    private final Semaphore inFlight;
    private final long baseBackoffMs;
    private final Retry retry;

    public DojoHttp(DojoConnection connection) {
        this(connection, 200);
    }

    DojoHttp(DojoConnection connection, long baseBackoffMs) {
        this.apiRoot = connection.apiRoot();
        this.timeout = connection.timeout();
        this.importTimeout = connection.importTimeout();
        this.inFlight = new Semaphore(connection.maxConcurrentRequests(), true);
        this.baseBackoffMs = baseBackoffMs;
        // Idle keep-alive connections are capped like in-flight requests (the JDK default is unbounded).
        if (System.getProperty("jdk.httpclient.connectionPoolSize") == null) {
            System.setProperty("jdk.httpclient.connectionPoolSize",
                    String.valueOf(connection.maxConcurrentRequests()));
        }
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10));
        connection.caFile().ifPresent(ca -> builder.sslContext(TrustStores.forCaFile(ca)));
        this.http = builder.build();
        this.retry = Retry.of("defectdojo-get", RetryConfig.<HttpResponse<byte[]>>custom()
                .maxAttempts(MAX_ATTEMPTS)
                .retryOnResult(r -> RETRYABLE_STATUS.contains(r.statusCode())
                        && retryAfterMillis(r) <= MAX_RETRY_AFTER_MS)
                .retryOnException(DojoHttp::isRetryableException)
                .intervalBiFunction(backoff())
                .failAfterMaxAttempts(false)
                .build());
    }

    /** GET a path below {@code /api/v2/} (with its trailing slash, optionally a query); retried when safe. */
    public JsonNode get(String relativePath, Secret key) {
        URI uri = apiRoot.resolve(relativePath);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Authorization", "Token " + key.reveal())
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT)
                .headers(requestIdHeader())
                .GET()
                .build();
        HttpResponse<byte[]> response = sendWithRetry(request);
        return parse(response);
    }

    /** An HTTP answer to a write, whatever its status. */
    public record Reply(int status, byte[] body, String contentType, Integer retryAfterSeconds) {
    }

    /**
     * A write (POST, PUT, PATCH): sent once and never retried, because DefectDojo may have applied it
     * even when no answer arrives. Every HTTP answer comes back as a {@link Reply}; a failure before
     * the request left is {@code NOT_SENT}, one after it may have arrived is {@code UNKNOWN}.
     */
    public Reply write(String method, String relativePath, HttpRequest.BodyPublisher body, String contentType,
            Secret key, Duration requestTimeout) {
        HttpRequest request = HttpRequest.newBuilder(apiRoot.resolve(relativePath))
                .timeout(requestTimeout)
                .header("Authorization", "Token " + key.reveal())
                .header("Accept", "application/json")
                .header("Content-Type", contentType)
                .header("User-Agent", USER_AGENT)
                .headers(requestIdHeader())
                .method(method, body)
                .build();
        try {
            if (!inFlight.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw notSent("too many DefectDojo requests in flight");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notSent("interrupted");
        }
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            LOG.debug("DefectDojo {} {} -> {} in {} ms", method, request.uri().getRawPath(), response.statusCode(),
                    (System.nanoTime() - start) / 1_000_000);
            long ms = retryAfterMillis(response);
            return new Reply(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    ms < 0 ? null : (int) Math.min(Integer.MAX_VALUE, ms / 1000));
        } catch (HttpConnectTimeoutException | ConnectException | javax.net.ssl.SSLHandshakeException e) {
            LOG.debug("DefectDojo write not sent: {}", e.toString());
            throw notSent("DefectDojo could not be reached; nothing was sent");
        } catch (HttpTimeoutException e) {
            throw unknown("DefectDojo did not answer in time; the change may or may not have been applied");
        } catch (IOException e) {
            LOG.debug("DefectDojo write failed: {}", e.toString());
            throw unknown("the connection to DefectDojo failed after sending; the change may or may not have "
                    + "been applied");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unknown("interrupted after sending; the change may or may not have been applied");
        } finally {
            inFlight.release();
        }
    }

    private static DojoWriteException notSent(String message) {
        return new DojoWriteException(DojoWriteException.Kind.NOT_SENT, 0, java.util.List.of(), null, message);
    }

    private static DojoWriteException unknown(String message) {
        return new DojoWriteException(DojoWriteException.Kind.UNKNOWN, 0, java.util.List.of(), null, message);
    }

    URI apiRoot() {
        return apiRoot;
    }

    Duration timeout() {
        return timeout;
    }

    Duration importTimeout() {
        return importTimeout;
    }

    private String[] requestIdHeader() {
        String id = MDC.get("request_id");
        return id == null ? new String[] {"X-Request-Source", "dojo-mcp"} : new String[] {"X-Request-ID", id};
    }

    private HttpResponse<byte[]> sendWithRetry(HttpRequest request) {
        try {
            return Retry.decorateCheckedSupplier(retry, () -> sendOnce(request)).get();
        } catch (DojoException e) {
            throw e;
        } catch (HttpConnectTimeoutException | ConnectException e) {
            LOG.debug("DefectDojo connect failed: {}", e.toString());
            throw new DojoException(DojoFailure.UNREACHABLE);
        } catch (HttpTimeoutException e) {
            throw new DojoException(DojoFailure.TIMEOUT);
        } catch (IOException e) {
            LOG.debug("DefectDojo I/O failed: {}", e.toString());
            throw new DojoException(DojoFailure.UNREACHABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DojoException(DojoFailure.TIMEOUT);
        } catch (Throwable e) {
            LOG.debug("DefectDojo call failed", e);
            throw new DojoException(DojoFailure.UNREACHABLE);
        }
    }

    private IntervalBiFunction<HttpResponse<byte[]>> backoff() {
        return (attempt, outcome) -> {
            if (outcome.isRight()) {
                long retryAfter = retryAfterMillis(outcome.get());
                if (retryAfter >= 0) {
                    return retryAfter;
                }
            }
            long exp = baseBackoffMs * (1L << Math.min(attempt - 1, 6));
            return exp + ThreadLocalRandom.current().nextLong(baseBackoffMs / 2 + 1);
        };
    }

    /** Connection failures and resets are safe to retry for a GET; a request timeout is not retried. */
    static boolean isRetryableException(Throwable e) {
        if (e instanceof HttpConnectTimeoutException || e instanceof ConnectException) {
            return true;
        }
        return e instanceof IOException && !(e instanceof HttpTimeoutException);
    }

    private HttpResponse<byte[]> sendOnce(HttpRequest request) throws IOException, InterruptedException {
        if (!inFlight.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new DojoException(DojoFailure.TIMEOUT);
        }
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (LOG.isDebugEnabled()) {
                LOG.debug("DefectDojo {} {} -> {} in {} ms", request.method(), request.uri().getRawPath(),
                        response.statusCode(), (System.nanoTime() - start) / 1_000_000);
            }
            return response;
        } finally {
            inFlight.release();
        }
    }

    /** Retry-After in milliseconds (seconds form only), or -1 when absent or unparseable. */
    static long retryAfterMillis(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(v -> {
            try {
                return Math.max(0, Long.parseLong(v.trim())) * 1000;
            } catch (NumberFormatException e) {
                return -1L;
            }
        }).orElse(-1L);
    }

    private static JsonNode parse(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status >= 300) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("DefectDojo error body ({}): {}", status, snippet(response.body(),
                        response.request().headers().firstValue("Authorization").orElse("")));
            }
            Integer retryAfter = null;
            long ms = retryAfterMillis(response);
            if (ms >= 0) {
                retryAfter = (int) Math.min(Integer.MAX_VALUE, ms / 1000);
            }
            if (status >= 300 && status < 400) {
                throw new DojoException(DojoFailure.BAD_RESPONSE, status, null);
            }
            throw new DojoException(DojoFailure.forStatus(status), status, retryAfter);
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.isEmpty() && !type.contains("json")) {
            LOG.debug("DefectDojo answered {} with content type {}", status, type);
            throw new DojoException(DojoFailure.BAD_RESPONSE, status, null);
        }
        try {
            return Json.mapper().readTree(response.body());
        } catch (JacksonException e) {
            LOG.debug("DefectDojo body is not JSON: {}", e.getOriginalMessage());
            throw new DojoException(DojoFailure.BAD_RESPONSE, status, null);
        }
    }

    /** The start of an error body, on one line, without the request's own key (DefectDojo may echo it back). */
    static String snippet(byte[] body, String authorization) {
        String key = authorization.startsWith("Token ") ? authorization.substring("Token ".length()) : authorization;
        // Masked before cutting to 500 characters, so that no key is left half-shown at the cut.
        String s = new String(body, 0, Math.min(body.length, 500 + key.length() * 4), StandardCharsets.UTF_8);
        if (!key.isBlank()) {
            s = s.replace(key, LogRedaction.LITERAL_MARK);
        }
        return s.substring(0, Math.min(s.length(), 500)).replaceAll("[\\r\\n]+", " ");
    }
}
