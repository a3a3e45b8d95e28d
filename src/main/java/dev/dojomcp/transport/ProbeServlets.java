package dev.dojomcp.transport;

import dev.dojomcp.defectdojo.DefectDojoClient;
import dev.dojomcp.defectdojo.DojoException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/** Liveness and readiness endpoints for orchestrators; they reveal nothing about DefectDojo but up or down. */
final class ProbeServlets {
    private ProbeServlets() {
    }

    static final class Liveness extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            write(resp, 200, "{\"status\":\"alive\"}");
        }
    }

    /** Ready when an authenticated DefectDojo request succeeds; the answer is cached briefly. */
    static final class Readiness extends HttpServlet {
        private static final long CACHE_NANOS = 5_000_000_000L;
        private final transient DefectDojoClient dojo;
        private final transient AtomicReference<long[]> last = new AtomicReference<>();

        Readiness(DefectDojoClient dojo) {
            this.dojo = dojo;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            long now = System.nanoTime();
            long[] cached = last.get();
            boolean ready;
            if (cached != null && now - cached[0] < CACHE_NANOS) {
                ready = cached[1] == 1;
            } else {
                ready = probe();
                last.set(new long[] {now, ready ? 1 : 0});
            }
            write(resp, ready ? 200 : 503, ready ? "{\"status\":\"ready\"}"
                    : "{\"status\":\"not ready\",\"reason\":\"DefectDojo is not reachable with the configured key\"}");
        }

        private boolean probe() {
            try {
                dojo.userProfile();
                return true;
            } catch (DojoException e) {
                return false;
            }
        }
    }

    private static void write(HttpServletResponse resp, int status, String body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setHeader("Cache-Control", "no-store");
        resp.getWriter().write(body);
    }
}
