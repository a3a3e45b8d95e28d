package dev.dojomcp.defectdojo;

/** What went wrong talking to DefectDojo, with the generic text a client may see. */
public enum DojoFailure {
    BAD_REQUEST("DefectDojo rejected the request as invalid"),
    AUTH("DefectDojo refused the credentials or the permission for this request"),
    NOT_FOUND("not found in DefectDojo, or not visible to this API key"),
    CONFLICT("DefectDojo reported a conflict with an existing record"),
    RATE_LIMITED("DefectDojo is rate limiting requests; retry later"),
    CALLER_BUSY("this caller has too many DefectDojo requests in flight; retry shortly"),
    UNAVAILABLE("DefectDojo is unavailable"),
    TIMEOUT("DefectDojo did not answer in time"),
    UNREACHABLE("DefectDojo could not be reached"),
    BAD_RESPONSE("DefectDojo returned a response that could not be read");

    private final String message;

    DojoFailure(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }

    static DojoFailure forStatus(int status) {
        return switch (status) {
            case 400, 405, 415 -> BAD_REQUEST;
            case 401, 403 -> AUTH;
            case 404 -> NOT_FOUND;
            case 409 -> CONFLICT;
            case 429 -> RATE_LIMITED;
            default -> status >= 500 ? UNAVAILABLE : BAD_RESPONSE;
        };
    }
}
