package dev.dojomcp.sandbox;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One API call after authentication.
 *
 * @param origin  scheme://host[:port] as the client addressed the server (Host header), for absolute links
 * @param path    full request path, e.g. /api/v2/findings/
 * @param contentType the request's Content-Type header, or null
 */
record ApiRequest(String method, String path, String rawQuery, QueryParams query, Principal principal,
                  String origin, byte[] body, Clock clock, String contentType) {

    ApiRequest(String method, String path, String rawQuery, QueryParams query, Principal principal,
               String origin, byte[] body, Clock clock) {
        this(method, path, rawQuery, query, principal, origin, body, clock, null);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    boolean isRead() {
        return method.equals("GET") || method.equals("HEAD");
    }

    String absolute(String apiPath) {
        return origin + apiPath;
    }
}
