package dev.dojomcp.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads fields of a JSON request body the way DRF serializer fields do, collecting the per-field errors
 * (DRF's own messages) until {@link #throwIfInvalid()}. Readers return null when the field is absent or
 * invalid; {@link #has} tells whether the client sent it. Unknown fields are ignored, as in DRF.
 */
final class RequestFields {
    static final String REQUIRED = "This field is required.";

    private final ObjectNode body;
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    private RequestFields(ObjectNode body) {
        this.body = body;
    }

    /** No body: for collecting errors on values that come from elsewhere (form fields). */
    static RequestFields empty() {
        return new RequestFields(Json.object());
    }

    /** Parses the body as a JSON object; an empty body is an empty object. */
    static RequestFields of(ApiRequest request) {
        byte[] raw = request.body();
        String type = request.contentType() == null ? null
                : request.contentType().split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (type == null || type.isEmpty()) {
            // DRF parses nothing when the request has no Content-Type: the body is ignored and the data is empty,
            // so a client that forgets the header gets "This field is required." errors.
            return new RequestFields(Json.object());
        }
        if (!type.equals("application/json") && !type.endsWith("+json")) {
            // DRF's 415. Form and multipart bodies (accepted by DRF's default parsers) are not modelled here.
            throw ApiError.detail(415, "Unsupported media type \"" + type + "\" in request.");
        }
        if (raw == null || raw.length == 0) {
            return new RequestFields(Json.object());
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(raw);
        } catch (RuntimeException e) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", "JSON request content is malformed");
            throw new ApiError(400, error);
        }
        if (!(node instanceof ObjectNode object)) {
            // DRF: {"non_field_errors": ["Invalid data. Expected a dictionary, but got list."]}
            throw ApiError.validation(Map.of("non_field_errors",
                    List.of("Invalid data. Expected a dictionary, but got " + typeName(node) + ".")));
        }
        return new RequestFields(object);
    }

    boolean has(String name) {
        return body.has(name);
    }

    JsonNode raw(String name) {
        return body.get(name);
    }

    void error(String name, String message) {
        errors.computeIfAbsent(name, k -> new ArrayList<>()).add(message);
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ApiError.validation(errors);
        }
    }

    void require(String... names) {
        for (String name : names) {
            if (!body.has(name)) {
                error(name, REQUIRED);
            }
        }
    }

    /** A CharField: numbers and booleans are accepted as text; blank is rejected unless allowed. */
    String text(String name, boolean allowBlank, boolean allowNull) {
        JsonNode node = body.get(name);
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            if (!allowNull) {
                error(name, "This field may not be null.");
            }
            return null;
        }
        if (node.isContainer()) {
            error(name, "Not a valid string.");
            return null;
        }
        String value = node.asString();
        if (!allowBlank && value.isBlank()) {
            error(name, "This field may not be blank.");
            return null;
        }
        return value;
    }

    Boolean bool(String name) {
        JsonNode node = body.get(name);
        if (node == null) {
            return null;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isNull()) {
            error(name, "This field may not be null.");
            return null;
        }
        Boolean parsed = node.isValueNode() ? parseBoolean(node.asString()) : null;
        if (parsed == null) {
            error(name, "Must be a valid boolean.");
        }
        return parsed;
    }

    private static Boolean parseBoolean(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "t", "yes", "y", "on", "1" -> Boolean.TRUE;
            case "false", "f", "no", "n", "off", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    Integer integer(String name, boolean allowNull) {
        JsonNode node = body.get(name);
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            if (!allowNull) {
                error(name, "This field may not be null.");
            }
            return null;
        }
        try {
            if (node.isIntegralNumber()) {
                if (!node.canConvertToInt()) {
                    intRangeError(name, node.bigIntegerValue());
                    return null;
                }
                return node.asInt();
            }
            if (node.isString()) {
                return Integer.parseInt(node.asString().trim());
            }
        } catch (NumberFormatException e) {
            String text = node.asString().trim();
            if (text.matches("[+-]?\\d+")) {
                intRangeError(name, new java.math.BigInteger(text));
                return null;
            }
        }
        error(name, "A valid integer is required.");
        return null;
    }

    /** DRF's IntegerField on a model IntegerField carries the column's range as min and max validators. */
    private void intRangeError(String name, java.math.BigInteger value) {
        if (value.signum() < 0 && value.compareTo(java.math.BigInteger.valueOf(Integer.MIN_VALUE)) < 0) {
            error(name, "Ensure this value is greater than or equal to -2147483648.");
        } else if (value.compareTo(java.math.BigInteger.valueOf(Integer.MAX_VALUE)) > 0) {
            error(name, "Ensure this value is less than or equal to 2147483647.");
        } else {
            error(name, "A valid integer is required.");
        }
    }

    /** A PrimaryKeyRelatedField: the id must exist. */
    Integer reference(String name, IntPredicate exists, boolean allowNull) {
        JsonNode node = body.get(name);
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            if (!allowNull) {
                error(name, "This field may not be null.");
            }
            return null;
        }
        Integer id = idOf(name, node);
        if (id != null && !exists.test(id)) {
            error(name, "Invalid pk \"" + id + "\" - object does not exist.");
            return null;
        }
        return id;
    }

    /** A many-to-many PrimaryKeyRelatedField: a list of existing ids. */
    int[] references(String name, IntPredicate exists) {
        JsonNode node = body.get(name);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            error(name, "Expected a list of items but got type \"" + typeName(node) + "\".");
            return null;
        }
        int[] ids = new int[node.size()];
        for (int i = 0; i < node.size(); i++) {
            Integer id = idOf(name, node.get(i));
            if (id == null) {
                return null;
            }
            if (!exists.test(id)) {
                error(name, "Invalid pk \"" + id + "\" - object does not exist.");
                return null;
            }
            ids[i] = id;
        }
        return ids;
    }

    private Integer idOf(String name, JsonNode node) {
        String outOfRange = null;
        if (node.isIntegralNumber()) {
            if (node.canConvertToInt()) {
                return node.asInt();
            }
            outOfRange = node.bigIntegerValue().toString();
        } else if (node.isString()) {
            String text = node.asString().trim();
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                outOfRange = text.matches("[+-]?\\d+") ? text : null;
            }
        }
        if (outOfRange != null) {
            // Django (5.0+) finds no row for an id beyond the column's range instead of failing the query.
            error(name, "Invalid pk \"" + outOfRange + "\" - object does not exist.");
            return null;
        }
        error(name, "Incorrect type. Expected pk value, received " + typeName(node) + ".");
        return null;
    }

    /** A list of strings; a bare string is not accepted. */
    List<String> strings(String name) {
        JsonNode node = body.get(name);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            error(name, "Expected a list of items but got type \"" + typeName(node) + "\".");
            return null;
        }
        List<String> values = new ArrayList<>();
        for (JsonNode item : node) {
            if (item.isContainer() || item.isNull()) {
                error(name, "Not a valid string.");
                return null;
            }
            values.add(item.asString());
        }
        return values;
    }

    /** A ChoiceField. */
    String choice(String name, List<String> choices, boolean allowNull) {
        String value = text(name, true, allowNull);
        if (value != null && !choices.contains(value)) {
            error(name, "\"" + value + "\" is not a valid choice.");
            return null;
        }
        return value;
    }

    /** A DateField as epoch day. */
    Integer date(String name, boolean allowNull) {
        String value = text(name, true, allowNull);
        if (value == null) {
            return null;
        }
        try {
            return (int) LocalDate.parse(value.trim()).toEpochDay();
        } catch (DateTimeParseException e) {
            error(name, "Date has wrong format. Use one of these formats instead: YYYY-MM-DD.");
            return null;
        }
    }

    /** A DateTimeField as epoch millis; a bare date is read as midnight UTC (DRF would reject it). */
    Long dateTime(String name, boolean allowNull) {
        String value = text(name, true, allowNull);
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        try {
            return OffsetDateTime.parse(trimmed).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(trimmed + "Z").toEpochMilli();
            } catch (DateTimeParseException e2) {
                error(name, "Datetime has wrong format. Use one of these formats instead: "
                        + "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].");
                return null;
            }
        }
    }

    private static String typeName(JsonNode node) {
        if (node.isArray()) {
            return "list";
        }
        if (node.isObject()) {
            return "dict";
        }
        if (node.isString()) {
            return "str";
        }
        if (node.isBoolean()) {
            return "bool";
        }
        if (node.isNull()) {
            return "NoneType";
        }
        return node.isIntegralNumber() ? "int" : "float";
    }
}
