package dev.dojomcp.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the router answers; the body is serialised to JSON unless it is a {@code byte[]}. */
record ApiResponse(int status, Object body, Map<String, String> headers) {

    static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, new LinkedHashMap<>());
    }

    static ApiResponse of(int status, Object body) {
        return new ApiResponse(status, body, new LinkedHashMap<>());
    }

    static ApiResponse redirect(String location) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Location", location);
        return new ApiResponse(301, null, headers);
    }
}
