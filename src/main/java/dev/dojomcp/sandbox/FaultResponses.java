package dev.dojomcp.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Bodies for injected faults. The shapes of proxy and throttling errors are typical, not taken from DefectDojo. */
final class FaultResponses {
    private FaultResponses() {
    }

    static ApiResponse status(FaultSpec spec) {
        Map<String, Object> body = new LinkedHashMap<>();
        int status = spec.status();
        if (status == 500) {
            body.put("message", "Internal server error, check logs for details");
        } else if (status == 429) {
            // DRF's throttling message.
            body.put("detail", "Request was throttled. Expected available in " + spec.retryAfterSeconds() + " seconds.");
        } else {
            body.put("detail", reason(status));
        }
        ApiResponse response = ApiResponse.of(status, body);
        if (status == 429 || status == 503) {
            response.headers().put("Retry-After", String.valueOf(spec.retryAfterSeconds()));
        }
        return response;
    }

    static ApiResponse html(FaultSpec spec) {
        int status = spec.status();
        String text = status + " " + reason(status);
        String page = "<html>\r\n<head><title>" + text + "</title></head>\r\n<body>\r\n<center><h1>" + text
                + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        ApiResponse response = ApiResponse.of(status, page.getBytes(StandardCharsets.UTF_8));
        response.headers().put("Content-Type", "text/html");
        if (status == 503 || status == 429) {
            response.headers().put("Retry-After", String.valueOf(spec.retryAfterSeconds()));
        }
        return response;
    }

    /** The first half of the real body, with status 200, as if the upstream died mid-response. */
    static byte[] truncate(byte[] body) {
        int keep = Math.max(0, Math.min(body.length - 1, body.length / 2));
        return Arrays.copyOf(body, keep);
    }

    static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 408 -> "Request Timeout";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Error";
        };
    }
}
