package dev.dojomcp.audit.forward;

import dev.dojomcp.Version;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * POSTs the records as a JSON array, {@code [line1,line2,…]} with each line's exact bytes, to
 * {@code AUDIT_LOG_HTTPS_URL}; a 2xx response means delivered. The token goes in {@code Authorization: Bearer};
 * redirects are not followed (the token would go along); the response body is discarded unread, never logged.
 */
final class HttpsSink implements Sink {
    private final ForwardSettings.Https target;
    private final HttpClient client;
    private final Tuning tuning;
    private volatile Thread sending;

    HttpsSink(ForwardSettings.Https target, SSLContext tlsOrNull, Tuning tuning) {
        this.target = target;
        this.tuning = tuning;
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(tuning.connectTimeout());
        if (tlsOrNull != null) {
            b.sslContext(tlsOrNull);
        }
        this.client = b.build();
    }

    @Override
    public String name() {
        return "https";
    }

    @Override
    public int maxBatch() {
        return target.batchSize();
    }

    @Override
    public long flushNanos() {
        return target.flush().toNanos();
    }

    @Override
    public boolean acknowledged() {
        return true;
    }

    static byte[] body(List<AuditRecord> batch) {
        int size = 2 + batch.size();
        for (AuditRecord r : batch) {
            size += r.line().length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.write('[');
        for (int i = 0; i < batch.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(batch.get(i).line());
        }
        out.write(']');
        return out.toByteArray();
    }

    @Override
    public void send(List<AuditRecord> batch) throws IOException, InterruptedException {
        HttpRequest.Builder req = HttpRequest.newBuilder(target.url()).timeout(tuning.ioTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "dojo-mcp/" + Version.current() + " audit-forwarder")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(batch)));
        target.token().ifPresent(t -> req.header("Authorization", "Bearer " + t.reveal()));
        sending = Thread.currentThread();
        try {
            int status = client.send(req.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status < 200 || status > 299) {
                throw new StatusException(status);
            }
        } finally {
            sending = null;
        }
    }

    @Override
    public void disconnect() {
        // HttpClient pools its connections and reconnects by itself.
    }

    @Override
    public void abort() {
        Thread t = sending;
        if (t != null) {
            t.interrupt();
        }
    }

    /** A response other than 2xx; the message is the status only (never the body). */
    static final class StatusException extends IOException {
        final int status;

        StatusException(int status) {
            super("HTTP " + status);
            this.status = status;
        }

        /** 4xx other than 408 and 429: a configuration problem (token, URL), reported at the first occurrence. */
        boolean reportAtOnce() {
            return status >= 400 && status < 500 && status != 408 && status != 429;
        }

        String errorClass() {
            return "http_" + status;
        }
    }
}
