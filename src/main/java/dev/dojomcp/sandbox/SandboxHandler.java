package dev.dojomcp.sandbox;

import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.NetworkChannel;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Jetty entry point: counts the request, applies faults, routes, and writes the answer. */
final class SandboxHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxHandler.class);

    private final ApiRouter router;
    private final SandboxAdmin admin;
    private final Faults faults;
    private final SandboxStats stats;

    SandboxHandler(ApiRouter router, SandboxAdmin admin, Faults faults, SandboxStats stats) {
        this.router = router;
        this.admin = admin;
        this.faults = faults;
        this.stats = stats;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String method = request.getMethod();
        String path = request.getHttpURI().getPath();
        String query = request.getHttpURI().getQuery();
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        stats.record(method, path);
        byte[] body = Content.Source.asInputStream(request).readAllBytes();

        if (path.startsWith(SandboxAdmin.PREFIX)) {
            write(response, callback, answer(() -> admin.handle(method, path, authorization, body)));
            return true;
        }
        Faults.Decision decision = faults.decide(path);
        if (decision.latencyMs() > 0) {
            Thread.sleep(decision.latencyMs());
        }
        if (decision.fault() == FaultMode.RESET) {
            reset(request, callback);
            return true;
        }
        if (decision.fault() == FaultMode.STATUS) {
            write(response, callback, FaultResponses.status(decision.spec()));
            return true;
        }
        if (decision.fault() == FaultMode.HTML) {
            write(response, callback, FaultResponses.html(decision.spec()));
            return true;
        }
        String origin = origin(request);
        ApiResponse answer = answer(() -> router.route(method, path, query, authorization, origin, body,
                contentType));
        if (decision.fault() == FaultMode.MALFORMED) {
            byte[] full = bytes(answer);
            ApiResponse truncated = new ApiResponse(200, FaultResponses.truncate(full), answer.headers());
            write(response, callback, truncated);
            return true;
        }
        write(response, callback, answer);
        return true;
    }

    private interface Answer {
        ApiResponse get();
    }

    private static ApiResponse answer(Answer answer) {
        try {
            return answer.get();
        } catch (ApiError e) {
            ApiResponse response = ApiResponse.of(e.status, e.body);
            response.headers().putAll(e.headers);
            return response;
        } catch (RuntimeException e) {
            LOG.error("Unhandled error in the sandbox", e);
            ApiError error = ApiError.serverError();
            return ApiResponse.of(error.status, error.body);
        }
    }

    private static String origin(Request request) {
        String scheme = request.getHttpURI().getScheme();
        String host = request.getHeaders().get(HttpHeader.HOST);
        if (host == null) {
            host = Request.getServerName(request) + ":" + Request.getServerPort(request);
        }
        return (scheme == null ? "http" : scheme) + "://" + host;
    }

    private static byte[] bytes(ApiResponse answer) {
        if (answer.body() == null) {
            return new byte[0];
        }
        if (answer.body() instanceof byte[] raw) {
            return raw;
        }
        return Json.MAPPER.writeValueAsBytes(answer.body());
    }

    private void write(Response response, Callback callback, ApiResponse answer) {
        stats.answered(response.getRequest().getMethod(), response.getRequest().getHttpURI().getPath(),
                answer.status());
        response.setStatus(answer.status());
        boolean hasType = false;
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            response.getHeaders().put(header.getKey(), header.getValue());
            hasType |= header.getKey().equalsIgnoreCase("Content-Type");
        }
        if (answer.status() == 204 || answer.status() == 301) {
            response.write(true, null, callback);
            return;
        }
        if (!hasType) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        }
        byte[] bytes = bytes(answer);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /** Abort the TCP connection (RST via SO_LINGER 0) without writing a response. */
    private static void reset(Request request, Callback callback) {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        try {
            if (endPoint.getTransport() instanceof NetworkChannel channel) {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            }
        } catch (Exception e) {
            LOG.debug("Could not set SO_LINGER before the injected reset", e);
        }
        endPoint.close();
        callback.failed(new java.io.IOException("connection reset injected by the sandbox"));
    }
}
