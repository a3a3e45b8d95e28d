package dev.dojomcp.transport;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.dojomcp.security.AuthSettings;
import dev.dojomcp.security.Caller;
import dev.dojomcp.security.SecurityEvents;
import dev.dojomcp.security.Callers;
import dev.dojomcp.security.HttpAuthenticator;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityValidator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates every request to the MCP endpoint before the SDK sees it: 401 with a
 * {@code WWW-Authenticate} challenge when there is no valid credential, 503 when DefectDojo cannot check
 * a passthrough key. The caller goes into a request attribute (never a header a client could send).
 *
 * <p>Session ids are the SDK's random UUIDs and never identify anyone; each one is bound to the caller
 * that created it, so another caller presenting it gets 404 as if it did not exist.
 */
final class AuthFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(AuthFilter.class);
    private static final String SESSION_HEADER = "Mcp-Session-Id";

    private final ServerTransportSecurityValidator origins;
    private final HttpAuthenticator authenticator;
    private final Cache<String, String> sessionOwners;
    private final SecurityEvents events;

    AuthFilter(ServerTransportSecurityValidator origins, HttpAuthenticator authenticator, Duration sessionIdle,
            SecurityEvents events) {
        this.origins = origins;
        this.authenticator = authenticator;
        this.events = events;
        this.sessionOwners = Caffeine.newBuilder().expireAfterAccess(sessionIdle.multipliedBy(2))
                .maximumSize(100_000).build();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) resp;
        try {
            origins.validateHeaders(headers(request));
        } catch (ServerTransportSecurityException e) {
            // Origin and Host first: a foreign page gets 403 whether or not it guessed a credential.
            events.requestRefused(request.getRemoteAddr(), e.getStatusCode() == 421 ? "host not allowed"
                    : "origin not allowed");
            refuse(response, e.getStatusCode(), e.getMessage(), false);
            return;
        }
        HttpAuthenticator.Result result = authenticator.authenticate(request.getHeader("Authorization"));
        if (result.caller().isEmpty()) {
            LOG.warn("authentication failed: {} from {}", result.reason(), request.getRemoteAddr());
            events.authFailure(request.getRemoteAddr(), result.reason());
            refuse(response, result.status(), result.status() == 401 ? "authentication required"
                    : "the credential could not be checked; retry later", request.getHeader("Authorization") != null);
            return;
        }
        Caller caller = result.caller().get();
        String session = request.getHeader(SESSION_HEADER);
        if (session != null) {
            String owner = sessionOwners.getIfPresent(session);
            if (owner != null && !owner.equals(caller.id())) {
                LOG.warn("session presented by a caller that did not create it: caller={}", caller.id());
                events.requestRefused(request.getRemoteAddr(), "session of another caller, presented by " + caller.id());
                refuse(response, 404, "session not found", false);
                return;
            }
        }
        request.setAttribute(Callers.KEY, caller);
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                remember(name, value);
                super.setHeader(name, value);
            }

            @Override
            public void addHeader(String name, String value) {
                remember(name, value);
                super.addHeader(name, value);
            }

            private void remember(String name, String value) {
                if (SESSION_HEADER.equalsIgnoreCase(name) && value != null) {
                    sessionOwners.asMap().putIfAbsent(value, caller.id());
                }
            }
        });
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> out = new HashMap<>();
        for (String name : List.of("Origin", "Host")) {
            List<String> values = Collections.list(request.getHeaders(name));
            if (!values.isEmpty()) {
                out.put(name, values);
            }
        }
        return out;
    }

    private void refuse(HttpServletResponse response, int status, String message, boolean credentialSent)
            throws IOException {
        response.setStatus(status);
        if (status == 401) {
            String error = credentialSent ? ", error=\"invalid_token\"" : "";
            response.addHeader("WWW-Authenticate", "Bearer realm=\"dojo-mcp\"" + error);
            if (authenticator.mode() == AuthSettings.Mode.PASSTHROUGH) {
                response.addHeader("WWW-Authenticate", "Token realm=\"DefectDojo\"");
            }
        }
        if (status == 503) {
            response.setHeader("Retry-After", "5");
        }
        response.setContentType("application/json");
        String safe = message == null ? "refused" : message.replaceAll("[^A-Za-z0-9 ;,.'-]", "");
        byte[] body = ("{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32001,\"message\":\"" + safe + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
