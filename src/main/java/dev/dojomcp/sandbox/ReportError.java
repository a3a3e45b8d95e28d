package dev.dojomcp.sandbox;

/**
 * A report a parser rejects: DefectDojo's parsers raise {@code ValueError}, the importer re-raises it as a
 * Django {@code ValidationError}, and the API's exception handler answers 400 {@code {"message": str(error)}}.
 * The message is the parser's text where DefectDojo's source gives it, otherwise the sandbox's own.
 */
final class ReportError extends RuntimeException {
    ReportError(String message) {
        super(message, null, false, false);
    }
}
