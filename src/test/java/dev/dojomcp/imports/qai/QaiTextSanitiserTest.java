package dev.dojomcp.imports.qai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QaiTextSanitiserTest {

    @Test
    void multiLine_removesControlAndInvisibleCharacters() {
        String dirty = "\u001b[31mred\u001b[0m\ttab\r\nline\rtwo\u2028three\u0000\u200b\u200d\u202e\u2066x\uFEFF   \n\n";

        assertThat(TextSanitiser.multiLine(dirty)).isEqualTo("[31mred[0m tab\nline\ntwo\nthreex");
    }

    @Test
    void multiLine_dropsUnpairedSurrogates_keepsPairs() {
        assertThat(TextSanitiser.multiLine("a\uD800b\uDC00c\uD83D\uDE00")).isEqualTo("abc\uD83D\uDE00");
    }

    @Test
    void oneLine_collapsesWhitespace() {
        assertThat(TextSanitiser.oneLine("  a \n\n b\u00a0\u2003c  ")).isEqualTo("a b c");
        assertThat(TextSanitiser.oneLine(null)).isEmpty();
    }

    @Test
    void truncate_marksTheCut() {
        assertThat(TextSanitiser.truncate("short", 10)).isEqualTo("short");
        String cut = TextSanitiser.truncate("x".repeat(100), 50);
        assertThat(cut).hasSize(50).endsWith(TextSanitiser.TRUNCATED);
    }

    @Test
    void codeBlock_indentsEveryLine() {
        assertThat(TextSanitiser.codeBlock("a\n```\n<b>")).isEqualTo("    a\n    ```\n    <b>");
    }

    @Test
    void inlineCode_cannotBeClosedFromInside() {
        assertThat(TextSanitiser.inlineCode("query_db")).isEqualTo("`query_db`");
        assertThat(TextSanitiser.inlineCode("a`b``c")).isEqualTo("```a`b``c```");
        assertThat(TextSanitiser.inlineCode("`x")).isEqualTo("`` `x ``");
    }
}
