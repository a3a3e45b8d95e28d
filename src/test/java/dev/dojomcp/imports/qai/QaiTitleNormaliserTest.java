package dev.dojomcp.imports.qai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QaiTitleNormaliserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // counts, ratios, percentages and measurements
        "Excessive tool count: 37 tools exposed                 | Excessive tool count: N tools exposed",
        "High write/execute ratio: 9/11 tools (82%)             | High write/execute ratio: N/N tools (N%)",
        "Response took 1.5s and 12kb, 10,000 chars              | Response took Ns and Nkb, N chars",
        "Server exposes 37 tools (threshold: 20).               | Server exposes N tools (threshold: N).",
        "version 1.2.3 is outdated                              | version N is outdated",
        // dates, times and ids
        "Checked at 2026-07-13T22:41:07.123+00:00 by qai        | Checked at DATE by qai",
        "Protocol 2024-11-05 is old                             | Protocol DATE is old",
        "Seen at 22:41:07 and 9:05 pm                           | Seen at TIME and TIME",
        "Session 0f0e0d0c-1b1a-4c3d-8e2f-5a4b3c2d1e0f leaked    | Session ID leaked",
        "Token 8f2c1d9e4b7a6c3d echoed                          | Token ID echoed",
        // identifiers and constants stay
        "Command injection CWE-78 via QAI-INJ-CWE-078-shell     | Command injection CWE-78 via QAI-INJ-CWE-078-shell",
        "Possible vulnerable server: CVE-2025-12345             | Possible vulnerable server: CVE-2025-12345",
        "MCP07 and OWASP MCP Top 10 and RFC 9728                | MCP07 and OWASP MCP Top 10 and RFC 9728",
        "Well-known MCP port 6274 without authentication        | Well-known MCP port 6274 without authentication",
        "Server at localhost:6274 uses v1.2 and 0.0.0-SNAPSHOT  | Server at localhost:6274 uses v1.2 and 0.0.0-SNAPSHOT",
        "get_2fa and sha256 and x86_64 and 3d                   | get_2fa and sha256 and x86_64 and 3d",
        // quoted names are kept whole; an apostrophe does not start a quote
        "Known development tool detected: 'mcp-inspector 0.14.0' | Known development tool detected: 'mcp-inspector 0.14.0'",
        "Unauthenticated tool invocation: 'tool 2'              | Unauthenticated tool invocation: 'tool 2'",
        "Server's 3 tools and \"resource 7\"                     | Server's N tools and \"resource 7\"",
        "Unclosed 'quote 5 here                                 | Unclosed 'quote N here",
    })
    void title_dropsVolatileParts(String raw, String expected) {
        assertThat(TitleNormaliser.title(raw)).isEqualTo(expected);
    }

    @Test
    void title_isOneCleanLine() {
        assertThat(TitleNormaliser.title("  Hidden\u200b Unicode\u202e in\n\ttool   'x'\u0007  ")).isEqualTo("Hidden Unicode in tool 'x'");
    }

    @Test
    void title_isCappedAt511() {
        assertThat(TitleNormaliser.title("a".repeat(600))).hasSize(511);
        // A supplementary character is never cut in half.
        assertThat(TitleNormaliser.title("\uD83D\uDE00".repeat(600)).codePointCount(0, 1022)).isEqualTo(511);
    }

    @Test
    void text_keepsLinesAndQuotesPerLine() {
        assertThat(TitleNormaliser.text("37 tools\r\n'5 quoted\nnot 6' closed\n\n\nend 2"))
                .isEqualTo("N tools\n'N quoted\nnot N' closed\n\n\nend N");
    }

    @Test
    void twoRunsOfTheSameFinding_normaliseAlike() {
        assertThat(TitleNormaliser.title("High write/execute ratio: 10/12 tools (83%)"))
                .isEqualTo(TitleNormaliser.title("High write/execute ratio: 9/11 tools (82%)"));
        assertThat(TitleNormaliser.text("Server negotiated 2024-11-05 at 09:12:44; 5120 chars"))
                .isEqualTo(TitleNormaliser.text("Server negotiated 2024-11-05 at 22:41:07; 4711 chars"));
    }
}
