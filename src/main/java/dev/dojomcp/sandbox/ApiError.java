package dev.dojomcp.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An error answer in DefectDojo's shapes (§3.6). */
final class ApiError extends RuntimeException {
    final int status;
    final Map<String, Object> body;
    final Map<String, String> headers = new LinkedHashMap<>();

    ApiError(int status, Map<String, Object> body) {
        super(status + " " + body, null, false, false);
        this.status = status;
        this.body = body;
    }

    static ApiError detail(int status, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", detail);
        return new ApiError(status, body);
    }

    static ApiError notFound() {
        return detail(404, "Not found.");
    }

    static ApiError permissionDenied() {
        return detail(403, "You do not have permission to perform this action.");
    }

    static ApiError methodNotAllowed(String method) {
        return detail(405, "Method \"" + method + "\" not allowed.");
    }

    static ApiError invalidParameter(String name, String message) {
        return validation(Map.of(name, List.of(message)));
    }

    /**
     * DRF validation dict plus the extra "message" key DefectDojo's exception handler adds to dict bodies.
     * The exact text of "message" is not documented in the reference; the sandbox joins the field errors.
     */
    static ApiError validation(Map<String, List<String>> errors) {
        Map<String, Object> body = new LinkedHashMap<>(new java.util.TreeMap<>(errors));
        StringBuilder message = new StringBuilder();
        new java.util.TreeMap<>(errors).forEach((k, v) -> {
            if (message.length() > 0) {
                message.append(' ');
            }
            message.append(k).append(": ").append(String.join(" ", v));
        });
        body.put("message", message.toString());
        return new ApiError(400, body);
    }

    static ApiError serverError() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "Internal server error, check logs for details");
        return new ApiError(500, body);
    }
}
