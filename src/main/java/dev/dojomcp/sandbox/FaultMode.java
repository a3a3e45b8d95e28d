package dev.dojomcp.sandbox;

import java.util.Locale;

/** What an injected fault does to a request. */
public enum FaultMode {
    /** Answer with {@link FaultSpec#status()} and a DefectDojo-style JSON body (429 adds Retry-After). */
    STATUS,
    /** Close the connection without sending a response. */
    RESET,
    /** Answer 200 with the real JSON body cut in half. */
    MALFORMED,
    /** Answer {@link FaultSpec#status()} (e.g. 502) with an HTML page, as a reverse proxy would. */
    HTML;

    public static FaultMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown fault mode '" + text + "' (expected reset, malformed, html or status)");
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
