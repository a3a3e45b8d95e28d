package dev.dojomcp.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.dojomcp.config.Secret;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogRedactionTest {
    // Registered values stay registered for the rest of the JVM: each test uses its own.
    private static final String SECRET = "lr-7b1e0c94d2a35f68";

    @AfterEach
    void resetPatterns() {
        LogRedaction.patterns(null);
    }

    private static String redact(String s) {
        return LogRedaction.redact(s);
    }

    @Test
    void registeredLiteral_isMaskedEverywhereInTheLine() {
        LogRedaction.register(Secret.of(SECRET));
        assertThat(redact("key=" + SECRET + " and again:" + SECRET + "."))
                .isEqualTo("key=" + LogRedaction.LITERAL_MARK + " and again:" + LogRedaction.LITERAL_MARK + ".");
    }

    @Test
    void shortValuesAndNulls_areNotRegistered() {
        LogRedaction.register(Secret.of("short12"));
        LogRedaction.register(null);
        LogRedaction.register(Secret.of("REDACTED"));
        assertThat(redact("short12 stays")).isEqualTo("short12 stays");
        assertThat(redact("***REDACTED***")).isEqualTo("***REDACTED***");
    }

    @Test
    void aSecretContainingAnother_isMaskedWhole() {
        LogRedaction.register(Secret.of("lr-inner-5c3d9a"));
        LogRedaction.register(Secret.of("lr-outer-lr-inner-5c3d9a-tail"));
        assertThat(redact("x lr-outer-lr-inner-5c3d9a-tail y")).isEqualTo("x ***REDACTED*** y");
    }

    @Test
    void textWithNothingToMask_isReturnedAsIs() {
        String line = "DefectDojo GET /api/v2/findings/ -> 200 in 12 ms";
        assertThat(redact(line)).isSameAs(line);
        assertThat(redact("")).isEmpty();
        assertThat(redact((String) null)).isNull();
    }

    @Test
    void concurrentRegistrations_areAllKept() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String v = "lr-conc-" + i + "-a8f3e2";
            values.add(v);
            pool.execute(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                LogRedaction.register(Secret.of(v));
                redact("logging while others register " + v);
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        for (String v : values) {
            assertThat(redact("[" + v + "]")).isEqualTo("[***REDACTED***]");
        }
    }

    @Test
    void patternPass_isPluggable_andRunsBetweenLiteralsAndTheGenericPass() {
        LogRedaction.register(Secret.of("lr-plug-94be21c7"));
        LogRedaction.patterns(s -> s.replace("ghp_abcdefghijklmnop", "[REDACTED:github-token]"));
        assertThat(redact("a ghp_abcdefghijklmnop b lr-plug-94be21c7 c Bearer q1w2e3r4t5y6"))
                .isEqualTo("a [REDACTED:github-token] b ***REDACTED*** c Bearer [REDACTED]");
        LogRedaction.patterns(null);
        assertThat(redact("a ghp_abcdefghijklmnop")).isEqualTo("a ghp_abcdefghijklmnop");
    }

    @Test
    void aFailingPatternPass_withholdsTheText_insteadOfThrowing() {
        LogRedaction.patterns(s -> {
            throw new IllegalStateException("scanner broke");
        });
        assertThat(redact("anything")).isEqualTo(LogRedaction.WITHHELD);
        LogRedaction.patterns(s -> null);
        assertThat(redact("anything")).isEqualTo(LogRedaction.WITHHELD);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sent Token 5a4db0c5a4db0c5a4db0c5 to dojo           | sent Token [REDACTED] to dojo",
        "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig_x   | Bearer [REDACTED]",
        "bearer abcdefghijklmnopqrstu                        | bearer [REDACTED]",
        "Authorization: Token 0123456789abcdef                | Authorization: Token [REDACTED]",
        "authorization=Basic dXNlcjpwYXNzd29yZA==            | authorization=Basic [REDACTED]",
        "Authorization: x                                    | Authorization: [REDACTED]",
        "{\"Authorization\": \"Bearer tok.en.value\"}       | {\"Authorization\": \"Bearer [REDACTED]\"}",
        "GET /x?api_key=s3cr3t&limit=1                       | GET /x?api_key=[REDACTED]&limit=1",
        "DEFECTDOJO_API_KEY=abc                              | DEFECTDOJO_API_KEY=[REDACTED]",
        "{\"apikey\":\"v4lue\"}                             | {\"apikey\":\"[REDACTED]\"}",
        "{\"api-key\": \"v4lue\"}                           | {\"api-key\": \"[REDACTED]\"}",
        "X-Api-Key: 7c2f9e1d0a4b                              | X-Api-Key: [REDACTED]",
        "\"token\": \"abc123def456\"                          | \"token\": \"[REDACTED]\"",
        "API_TOKEN 1a2b3c4d5e6f                               | API_TOKEN [REDACTED]",
    })
    void genericPass_keepsTheKeyword_andMasksTheValue(String in, String out) {
        assertThat(redact(in)).isEqualTo(out);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Token verification failed",
        "the token expired",
        "token count 12",
        "DEFECTDOJO_API_KEY: is not set (or set DEFECTDOJO_READ_API_KEY and DEFECTDOJO_WRITE_API_KEY)",
        "Bearer of bad news",
        "Token [REDACTED]",
        "Authorization: [REDACTED]",
        "Authorization: Token [REDACTED]",
        "api_key=***REDACTED***",
        "Bearer [REDACTED:jwt]",
        "api_key=[REDACTED:generic-api-key]",
        "X-Api-Key: ***REDACTED***",
    })
    void genericPass_leavesOrdinaryWordsAndMaskedValuesAlone(String in) {
        assertThat(redact(in)).isEqualTo(in);
    }

    @Test
    void redactingTwice_givesTheSameTextAsOnce() {
        LogRedaction.register(Secret.of("lr-idem-0f9e8d7c"));
        java.util.regex.Pattern stripe = java.util.regex.Pattern.compile("sk_live_[a-z0-9]+");
        LogRedaction.patterns(s -> stripe.matcher(s).replaceAll("[REDACTED:stripe]"));
        String[] parts = {"Token ", "Bearer ", "Authorization: ", "authorization=", "api_key=", "apikey:", "X-Api-Key: ",
            "\"token\": \"", "12345678", "abcdefghijklmnopq", "lr-idem-0f9e8d7c", "sk_live_abc123", "[REDACTED]",
            "***REDACTED***", " ", "\"", "'", "=", ":", "[", "]", "*", "Basic ", "token", "x", "\n", "é"};
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int j = random.nextInt(8); j >= 0; j--) {
                b.append(parts[random.nextInt(parts.length)]);
            }
            String once = redact(b.toString());
            assertThat(redact(once)).as("input %s", b).isEqualTo(once);
            assertThat(once).doesNotContain("lr-idem-0f9e8d7c").doesNotContain("sk_live_abc123");
        }
    }

    @Test
    void oddInput_neverThrows() {
        StringBuilder huge = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            huge.append("Token ").append("a".repeat(i % 40)).append(' ');
        }
        List<String> inputs = List.of("\uD800", "\uDC00Token \uD800\uD800\uD800\uD800\uD800\uD800\uD800\uD800",
                "\u0000\u0001api_key=\u0000", "Authorization:", "api_key=", "Token", "Bearer       ",
                "a".repeat(1_000_000), "Token " + "9".repeat(1_000_000), huge.toString());
        for (String s : inputs) {
            assertThatCode(() -> redact(s)).doesNotThrowAnyException();
            assertThat(redact(s)).isNotNull();
        }
    }

    // --- throwables ---

    private static String printed(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }

    @Test
    void throwable_withoutSecrets_isPassedOnAsIs() {
        IllegalStateException e = new IllegalStateException("plain", new IOException("also plain"));
        assertThat(LogRedaction.redact(e)).isSameAs(e);
        assertThat(LogRedaction.redact((Throwable) null)).isNull();
    }

    @Test
    void throwableText_isMasked_inMessageCausesAndSuppressed_keepingClassNamesAndFrames() {
        LogRedaction.register(Secret.of("lr-thr-3e4f5a6b7c"));
        IOException root = new IOException("connect with key lr-thr-3e4f5a6b7c refused");
        IllegalArgumentException middle = new IllegalArgumentException("Authorization: Token abcdef0123456789", root);
        RuntimeException top = new RuntimeException("top level, nothing secret", middle);
        top.addSuppressed(new IllegalStateException("suppressed api_key=zz9"));

        Throwable red = LogRedaction.redact(top);
        String text = printed(red);

        assertThat(red).isNotSameAs(top);
        assertThat(text).doesNotContain("lr-thr-3e4f5a6b7c", "abcdef0123456789", "zz9")
                .contains("java.lang.RuntimeException: top level, nothing secret")
                .contains("Caused by: java.lang.IllegalArgumentException: Authorization: Token [REDACTED]")
                .contains("Caused by: java.io.IOException: connect with key ***REDACTED*** refused")
                .contains("Suppressed: java.lang.IllegalStateException: suppressed api_key=[REDACTED]")
                .contains("\tat " + getClass().getName());
        assertThat(text.lines().count()).isGreaterThan(10);
        assertThat(red.getStackTrace()).isEqualTo(top.getStackTrace());
        assertThat(red.getCause().getCause().getMessage()).isEqualTo("connect with key ***REDACTED*** refused");
        // The original is untouched.
        assertThat(root.getMessage()).contains("lr-thr-3e4f5a6b7c");
        assertThat(LogRedaction.redact(red)).isSameAs(red);
    }

    @Test
    void circularCauses_areCopiedOnce() {
        LogRedaction.register(Secret.of("lr-cycle-8a7b6c5d"));
        Exception a = new Exception("a lr-cycle-8a7b6c5d");
        Exception b = new Exception("b", a);
        a.initCause(b);
        Throwable red = LogRedaction.redact(a);
        assertThat(red.getCause().getCause()).isSameAs(red);
        assertThat(printed(red)).contains("CIRCULAR REFERENCE").doesNotContain("lr-cycle-8a7b6c5d");
    }

    @Test
    void aThrowableThatCannotBePrinted_isWithheld_notThrown() {
        Exception evil = new Exception("x") {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        };
        Throwable red = LogRedaction.redact(evil);
        assertThat(red).isNotSameAs(evil);
        assertThat(red.toString()).contains(LogRedaction.WITHHELD);
    }

    @Test
    void veryLongCauseChains_areCutShort_withoutThrowing() {
        Throwable t = new Exception("bottom Bearer 0123456789abcdef");
        for (int i = 0; i < 5_000; i++) {
            t = new Exception("level " + i, t);
        }
        Throwable deep = t;
        assertThatCode(() -> LogRedaction.redact(deep)).doesNotThrowAnyException();
        assertThat(printed(LogRedaction.redact(deep))).doesNotContain("0123456789abcdef");
    }
}
