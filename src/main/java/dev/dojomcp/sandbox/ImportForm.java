package dev.dojomcp.sandbox;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed access to the import form fields; invalid values become DRF-style field errors (400). */
final class ImportForm {
    private final MultipartForm form;

    ImportForm(MultipartForm form) {
        this.form = form;
    }

    MultipartForm raw() {
        return form;
    }

    boolean has(String name) {
        return form.has(name);
    }

    String text(String name) {
        String value = form.first(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Form booleans: true/false, Python's True/False, 1/0 (§8). */
    boolean bool(String name, boolean fallback) {
        Boolean value = optionalBool(name);
        return value == null ? fallback : value;
    }

    Boolean optionalBool(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes", "on" -> Boolean.TRUE;
            case "false", "0", "no", "off" -> Boolean.FALSE;
            default -> throw ApiError.validation(Map.of(name, List.of("Must be a valid boolean.")));
        };
    }

    Integer integer(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiError.validation(Map.of(name, List.of("A valid integer is required.")));
        }
    }

    Integer date(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return (int) LocalDate.parse(value.trim()).toEpochDay();
        } catch (DateTimeParseException e) {
            throw ApiError.validation(Map.of(name,
                    List.of("Date has wrong format. Use one of these formats instead: YYYY-MM-DD.")));
        }
    }

    /** Test tags: the field repeated or comma-separated; a space or quote → 400. */
    List<String> tags() {
        List<String> values = new ArrayList<>(form.all("tags"));
        if (values.isEmpty()) {
            return null;
        }
        RequestFields errors = RequestFields.empty();
        List<String> tags = TagRules.parse(errors, "tags", values);
        errors.throwIfInvalid();
        return tags;
    }
}
