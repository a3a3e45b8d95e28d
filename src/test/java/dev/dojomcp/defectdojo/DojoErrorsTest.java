package dev.dojomcp.defectdojo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DojoErrorsTest {
    private static List<FieldError> parse(String json) {
        return DojoErrors.from(Json.mapper().readTree(json), List.of("s3cr3t-key"));
    }

    @Test
    void drfShapes_becomeFieldErrors() {
        assertThat(parse("{\"title\": [\"This field may not be blank.\"], \"message\": \"dup\"}"))
                .containsExactly(new FieldError("title", "This field may not be blank."));
        assertThat(parse("{\"detail\": \"Not found.\"}")).containsExactly(new FieldError("non_field_errors",
                "Not found."));
        assertThat(parse("{\"message\": \"JSON request content is malformed\"}"))
                .containsExactly(new FieldError("non_field_errors", "JSON request content is malformed"));
        assertThat(parse("[\"Product \\\"Shop\\\" does not exist\"]"))
                .containsExactly(new FieldError("non_field_errors", "Product \"…\" does not exist"));
        assertThat(parse("{\"vulnerability_ids\": [{\"vulnerability_id\": [\"Too long.\"]}]}"))
                .containsExactly(new FieldError("vulnerability_ids[0].vulnerability_id", "Too long."));
    }

    @Test
    void messages_loseQuotedValuesSecretsAndControlCharacters_andAreCapped() {
        List<FieldError> e = parse("{\"bad field name!\": [\"'x' is not a valid tag\\u2028 with s3cr3t-key\"], "
                + "\"note\": [\"" + "y".repeat(500) + "\"]}");
        assertThat(e.get(0)).isEqualTo(new FieldError("field", "\"…\" is not a valid tag with [redacted]"));
        assertThat(e.get(1).message()).hasSize(DojoErrors.MAX_MESSAGE + 1).endsWith("…");
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 50; i++) {
            many.append(i == 0 ? "" : ",").append("\"f").append(i).append("\": [\"bad\"]");
        }
        assertThat(parse(many.append("}").toString())).hasSize(DojoErrors.MAX_ERRORS);
    }
}
