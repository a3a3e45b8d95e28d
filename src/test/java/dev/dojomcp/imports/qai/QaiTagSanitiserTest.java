package dev.dojomcp.imports.qai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QaiTagSanitiserTest {

    @ParameterizedTest(name = "{0}:{1}")
    @CsvSource(delimiter = '|', value = {
        "owasp-mcp | MCP07                         | owasp-mcp:mcp07",
        "qai       | command_injection             | qai:command_injection",
        "mcp-tool  | Delete File                   | mcp-tool:delete-file",
        "mcp-tool  | 'a,b\"c'                      | mcp-tool:a-b-c",
        "mcp-tool  | ../etc/passwd                 | mcp-tool:../etc/passwd",
        "mcp-tool  | user@host+x=1                 | mcp-tool:user@host+x=1",
        "mcp-tool  | --leading and trailing--      | mcp-tool:leading-and-trailing",
        "mcp-tool  | lecture_données               | mcp-tool:lecture_donn-es",
        "mcp-tool  | IGNORE PREVIOUS INSTRUCTIONS  | mcp-tool:ignore-previous-instructions",
    })
    void tag_isLowerCaseWithAllowedCharactersOnly(String prefix, String value, String expected) {
        String tag = TagSanitiser.tag(prefix, value);

        assertThat(tag).isEqualTo(expected);
        assertThat(TagSanitiser.isValid(tag)).isTrue();
    }

    @Test
    void unusableValue_givesNoTag() {
        assertThat(TagSanitiser.tag("mcp-tool", "")).isNull();
        assertThat(TagSanitiser.tag("mcp-tool", null)).isNull();
        assertThat(TagSanitiser.tag("mcp-tool", " ,\"'  \u200b")).isNull();
        assertThat(TagSanitiser.tag("mcp-tool", "工具")).isNull();
    }

    @Test
    void longValue_isCapped() {
        String tag = TagSanitiser.tag("mcp-tool", "x".repeat(500));

        assertThat(tag).hasSize(TagSanitiser.MAX_TAG).startsWith("mcp-tool:x");
        assertThat(TagSanitiser.tag("mcp-tool", "x".repeat(90) + " " + "y".repeat(50))).doesNotEndWith("-");
    }

    @Test
    void isValid_rejectsWhatDefectDojoRejects() {
        assertThat(TagSanitiser.isValid("a b")).isFalse();
        assertThat(TagSanitiser.isValid("a,b")).isFalse();
        assertThat(TagSanitiser.isValid("a\"b")).isFalse();
        assertThat(TagSanitiser.isValid("a'b")).isFalse();
        assertThat(TagSanitiser.isValid("Upper")).isFalse();
        assertThat(TagSanitiser.isValid("")).isFalse();
    }
}
