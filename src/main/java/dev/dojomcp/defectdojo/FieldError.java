package dev.dojomcp.defectdojo;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One reason a write was refused: the field it concerns (or {@code non_field_errors}) and a sanitised message. */
public record FieldError(
        @JsonPropertyDescription("The argument or DefectDojo field concerned, or non_field_errors") String field,
        @JsonPropertyDescription("What is wrong; values the caller sent are not repeated") String message) {
}
