package dev.dojomcp.sandbox;

import java.util.List;

/**
 * A 400 from DefectDojo's import permission checks. They raise {@code ValidationError("<text>")}, which DRF
 * renders as a JSON list of one string (inferred from DRF; the reference gives only the texts).
 */
final class ImportRejected extends RuntimeException {
    final ApiResponse response;

    ImportRejected(String message) {
        super(message, null, false, false);
        this.response = ApiResponse.of(400, List.of(message));
    }
}
