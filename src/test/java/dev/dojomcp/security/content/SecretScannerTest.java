package dev.dojomcp.security.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Test tokens are made by concatenation, so this file holds no literal credential. */
class SecretScannerTest {
    private static final SecretScanner SCANNER = SecretScanner.standard();
    private static final String HEX40 = "0c499bbd86a3319ffe46" + "a1aa9da3b1068a62c2cd";
    private static final String B64_LINE = "GXv1B8b0hP6GkMLRKnXnlFz/wXOs5dtvFQudrbNG57oAAxedzJPbs6X+GU6ushilio1Eb5A9";

    static Stream<Arguments> secrets() {
        return Stream.of(
                Arguments.of("aws_access_key_id", "key AKIA" + "WEPZUMYTXP2NMGH7 in config.py", "AKIA"),
                Arguments.of("aws_access_key_id", "ASIA" + "JSCZNDGPLOHYWOCP", "ASIA"),
                Arguments.of("aws_secret_access_key",
                        "aws_secret_access_key = bxCmrIalsNQgQF33lf3A" + "iIua7GotBUDqk4q5/wQN", "bxCm"),
                Arguments.of("github_token", "token ghp" + "_FYY93wgkHK1MfE0BGDeanYwrKYcZqNFt2DMt", "ghp"),
                Arguments.of("github_token", "github" + "_pat_svWkefOoRoyxip64cnc36T_6VTdVCXNnqr2BmWbwjhBx8SJ7GaAtguG4",
                        "svWk"),
                Arguments.of("gitlab_token", "CI_TOKEN glpat" + "-SXe5gy7y4S7xPXvfryuv", "glpat"),
                Arguments.of("slack_token", "xoxb" + "-794458624656-8632312174780-oEm5abMmD2C5zoVGOucIlrTI", "xoxb"),
                Arguments.of("slack_webhook", "https://hooks.slack.com/services/T" + "0123ABCD/B0456EFGH/Xy12AbCdEf34",
                        "hooks"),
                Arguments.of("private_key", "-----BEGIN RSA PRIVATE KEY-----\n" + B64_LINE + "\n" + B64_LINE
                        + "\n-----END RSA PRIVATE KEY-----", "BEGIN"),
                Arguments.of("private_key", "-----BEGIN OPENSSH PRIVATE KEY-----\n" + B64_LINE + "\n" + B64_LINE
                        + "\n-----END OPENSSH PRIVATE KEY-----", "OPENSSH"),
                Arguments.of("jwt", "session eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiJzdmMtZG9qbyJ9.Ff6mhX04Ma9oGN5ZexwR4b",
                        "eyJ"),
                Arguments.of("bearer_token", "Authorization: Bearer IVISmkU1q8sy2gaZ" + "pD4O9gpz7U3vMX3U", "IVIS"),
                Arguments.of("password_assignment", "DB_PASSWORD=hSbfQQVp" + "LxygJ3", "hSbf"),
                Arguments.of("password_assignment", "{\"api_key\": \"2PHyK5bV" + "2T1GskSc\"}", "2PHy"),
                Arguments.of("password_assignment", "spring.datasource.password: 9QFg1H" + "KPT7ed", "9QFg"),
                Arguments.of("password_assignment", "backup.sh --password=EmC6l" + "iGRxh!", "EmC6"),
                Arguments.of("password_assignment", "FOO_API_KEY=b7e2c9f1" + "a4d8e3b6", "b7e2"),
                Arguments.of("password_assignment", "export SERVICE_SECRET='Qw3rty" + "!2024x'", "Qw3r"),
                Arguments.of("password_assignment", "GH_TOKEN := Zq9" + "vLm2pXx", "Zq9v"),
                Arguments.of("password_assignment", "<password>Qw3rty" + "!2024x</password>", "Qw3r"),
                Arguments.of("password_assignment", "<add key=\"DbPassword\" value=\"Qw3rty" + "!2024x\"/>", "Qw3r"),
                Arguments.of("password_assignment", "https://x.example/login?user=a&password=EmC6" + "liGRxh2024&x=1",
                        "EmC6"),
                Arguments.of("anthropic_key", "sk-ant" + "-api03-v0TEOp7KCSQUCS7u0KliHdyA_xNK9qINBEjBpFQIAOpQs6gDQ1Rm0vja",
                        "sk-ant"),
                Arguments.of("openai_key", "sk-proj" + "-PJGz3JN5juQ7IG0Aza-fYHEQF-ziQQxgjMGZiaE4GF_wliY2", "sk-proj"),
                Arguments.of("openai_key", "sk-" + "XCxJbdZQrrRI41kEpEBjcKgZUHmVC6FvMyp1FCSxxbvKzkbd", "sk-"),
                Arguments.of("stripe_key", "sk_live" + "_FZF0760h7dpHL5ieZzCSkYmK", "sk_live"),
                Arguments.of("stripe_key", "rk_live" + "_H39rtgbocavdjkSZuudGwUNn", "rk_live"),
                Arguments.of("google_api_key", "AIza" + "KGjzI7Jvw_V7Uvym_LKWgdGslmYi1bvlDF0", "AIza"),
                Arguments.of("vault_token", "VAULT_TOKEN hvs" + ".4ihr9692_2JKX8Y4YBKYGtrK", "hvs"),
                Arguments.of("sendgrid_key", "SG" + ".UPlHlIMzGcXSH4RFgsGK_X.sDnJWwK2t7eOpnqifVsmJizx6MLoVSIvlDjmft6Qnwp",
                        "SG."),
                Arguments.of("twilio_key", "SK" + "c69521d0057ebdc732f0daba146a3a8c", "SKc6"),
                Arguments.of("npm_token", "_authToken=npm" + "_mQ1gvWgGluNrwhgzX1oDWwnqJC44KaL6BCux", "mQ1g"),
                Arguments.of("defectdojo_token", "curl -H \"Authorization: Token " + HEX40 + "\"", HEX40),
                Arguments.of("basic_auth_header", "Authorization: Basic " + "ZGVwbG95OlZxOCNrTDJtWnA5eA==", "ZGVw"),
                Arguments.of("basic_auth_url", "https://deploy:Vq8kL2mZ" + "p9x@git.internal.example/p.git", "Vq8k"),
                Arguments.of("basic_auth_url", "redis://:Vq8kL2mZ" + "p9xQ@cache:6379/0", "Vq8k"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("secrets")
    void eachClass_isFoundAndRedacted(String secretClass, String text, String part) {
        List<SecretMatch> found = SCANNER.find(text);
        assertThat(found).extracting(SecretMatch::secretClass).containsExactly(secretClass);
        SecretMatch m = found.get(0);
        assertThat(text.substring(m.start(), m.end())).contains(part);
        String redacted = SCANNER.redact(text);
        assertThat(redacted).contains(SecretScanner.marker(secretClass)).doesNotContain(part.length() > 3 ? part
                : "\u0000");
        assertThat(SCANNER.redact(redacted)).isEqualTo(redacted);
    }

    @Test
    void catalogue_listsEveryClass() {
        assertThat(SCANNER.secretClasses()).contains("aws_access_key_id", "aws_secret_access_key", "github_token",
                "gitlab_token", "slack_token", "private_key", "jwt", "bearer_token", "password_assignment",
                "anthropic_key", "openai_key", "stripe_key", "google_api_key", "vault_token", "sendgrid_key",
                "twilio_key", "defectdojo_token", "basic_auth_url");
        assertThat(SCANNER.secretClasses()).allMatch(c -> c.matches("[a-z0-9_]+"));
        secrets().forEach(a -> assertThat(SCANNER.secretClasses()).contains((String) a.get()[0]));
    }

    @Test
    void redaction_keepsTheShapeOfTheText() {
        assertThat(SCANNER.redact("DB_PASSWORD=hSbfQQVp" + "LxygJ3 and more"))
                .isEqualTo("DB_PASSWORD=[REDACTED:password_assignment] and more");
        assertThat(SCANNER.redact("Authorization: Token " + HEX40))
                .isEqualTo("Authorization: Token [REDACTED:defectdojo_token]");
        assertThat(SCANNER.redact("https://deploy:Vq8kL2mZ" + "p9x@git.example/p.git"))
                .isEqualTo("https://deploy:[REDACTED:basic_auth_url]@git.example/p.git");
    }

    @Test
    void overlaps_goToTheMoreSpecificClass() {
        String jwt = "eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiJzdmMtZG9qbyJ9.Ff6mhX04Ma9oGN5ZexwR4b";
        assertThat(SCANNER.find("Authorization: Bearer " + jwt)).extracting(SecretMatch::secretClass)
                .containsExactly("jwt");
        String github = "ghp" + "_FYY93wgkHK1MfE0BGDeanYwrKYcZqNFt2DMt";
        assertThat(SCANNER.find("https://x-access-token:" + github + "@github.com/o/r.git"))
                .extracting(SecretMatch::secretClass).containsExactly("github_token");
        assertThat(SCANNER.find("GITHUB_TOKEN=" + github)).extracting(SecretMatch::secretClass)
                .containsExactly("github_token");
    }

    @Test
    void privateKeys_withoutEndLine_orJsonEscaped_areFound() {
        String noEnd = "key: -----BEGIN PRIVATE KEY-----\n" + B64_LINE + "\n" + B64_LINE + "\nand then prose";
        List<SecretMatch> found = SCANNER.find(noEnd);
        assertThat(found).extracting(SecretMatch::secretClass).containsExactly("private_key");
        assertThat(SCANNER.redact(noEnd)).isEqualTo("key: [REDACTED:private_key]\nand then prose");
        String escaped = "{\"key\": \"-----BEGIN EC PRIVATE KEY-----\\n" + B64_LINE + "\\n" + B64_LINE
                + "\\n-----END EC PRIVATE KEY-----\\n\"}";
        assertThat(SCANNER.redact(escaped)).isEqualTo("{\"key\": \"[REDACTED:private_key]\\n\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "password=<your-password>",
        "password=<redacted>",
        "PASSWORD=${DB_PASSWORD}",
        "pwd=%(password)s",
        "password: \"{{ vault_db_password }}\"",
        "password=****",
        "password=********",
        "password: xxxxxxxxxx",
        "password: XXXXXXXXXX",
        "password: changeme",
        "password=changeit",
        "password=REDACTED",
        "password=[REDACTED:password_assignment]",
        "api_key=example-key-12345",
        "token: dummy_token_123",
        "secret=your_secret_here",
        "API_KEY=your-api-key-here",
        "password=$DB_PASS",
        "password=%DB_PASS%",
        "password=os.environ.get",
        "password = settings.DB_PASSWORD",
        "password = getPassword(user)",
        "DB_PASSWORD=DB_PASSWORD_FILE",
        "password=hunter2",
        "token: required",
        "password: ' OR '1'='1",
        "\"password\": \"correct horse battery staple\"",
        "AKIAIOSFODNN7EXAMPLE",
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "the password field is not validated",
        "set a strong password for the admin account",
        "Password: must be at least 12 characters",
        "(using password: YES)",
        "Authorization: Bearer <token>",
        "Authorization: Bearer YOUR_TOKEN_HERE",
        "Authorization: Basic <credentials>",
        "https://user:password@example.com/",
        "postgresql://app:${DB_PASS}@db:5432/app",
        "http://host:8080@other.example/",
        "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----",
        "A private key (BEGIN RSA PRIVATE KEY) was found.",
        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----",
        "PWD=/home/runner/work/app",
        "nextPageToken: CAUQAA1234abcd",
        "Token expiry is set to 30 days",
        "the ghp_ prefix marks GitHub tokens",
        "sk-learn is a library",
        "task-management-service-0123456789-long-name",
        "pk_live_51HxYzAbCdEfGhIjKlMnOp (publishable, public by design)",
        "max_tokens: 100000000",
    })
    void placeholdersAndProse_areNotSecrets(String text) {
        assertThat(SCANNER.find(text)).as(text).isEmpty();
        assertThat(SCANNER.redact(text)).isEqualTo(text);
    }

    @Test
    void nullAndEmpty_areHandled() {
        assertThat(SCANNER.find(null)).isEmpty();
        assertThat(SCANNER.find("")).isEmpty();
        assertThat(SCANNER.redact(null)).isEmpty();
        assertThat(SCANNER.redact("")).isEmpty();
    }

    @Test
    void redaction_isIdempotent_andNeverThrows_onRandomText() {
        List<String> fragments = new ArrayList<>(List.of("password", "=", ":", " ", "\"", "'", "\n", "AKIA", "ghp_",
                "-----BEGIN RSA PRIVATE KEY-----", "-----END RSA PRIVATE KEY-----", "eyJ", ".", "Bearer ", "://",
                "@", "user", "Xy12", "abcdefgh", "0123456789abcdef", "[REDACTED:jwt]", "token", "\\n", "<", ">",
                "</password>", "<password>", "sk-", "_live_", "SG.", "hvs.", "AIza", "=>", ":=", "%", "$", "{", "}",
                "\u200B", "\uD83D\uDE00", "\uD800", "Authorization: Basic ", "key=\"DbPassword\" value=\""));
        secrets().forEach(a -> fragments.add((String) a.get()[1]));
        Random random = new Random(20260807);
        for (int i = 0; i < 1500; i++) {
            StringBuilder sb = new StringBuilder();
            int parts = 1 + random.nextInt(12);
            for (int p = 0; p < parts; p++) {
                sb.append(fragments.get(random.nextInt(fragments.size())));
            }
            String text = sb.toString();
            String once = SCANNER.redact(text);
            assertThat(SCANNER.redact(once)).as("idempotent on %s", text).isEqualTo(once);
            for (SecretMatch m : SCANNER.find(text)) {
                assertThat(m.start()).isBetween(0, text.length());
                assertThat(m.end()).isBetween(m.start() + 1, text.length());
            }
        }
    }

    @Test
    void oneMegabyte_isScannedQuickly() {
        StringBuilder sb = new StringBuilder();
        String line = "The remote host runs OpenSSH 7.4; user: admin, password=<redacted>, see https://example.com/a?b=c."
                + " Ignore case. System: Linux.\n";
        while (sb.length() < 1 << 20) {
            sb.append(line);
        }
        sb.append("DB_PASSWORD=hSbfQQVp" + "LxygJ3\n");
        String text = sb.toString();
        SCANNER.find(text); // warm-up
        List<SecretMatch> found = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> SCANNER.find(text));
        assertThat(found).extracting(SecretMatch::secretClass).containsExactly("password_assignment");
    }

    /** 1 MiB each: linear work takes well under a second here; quadratic work takes tens of seconds. */
    static Stream<String> pathological() {
        int n = 1 << 20;
        return Stream.of(
                "a".repeat(n),
                "password=".repeat(n / 9),
                "password=\"".repeat(n / 10),
                ("a".repeat(70) + "_password=").repeat(n / 80),
                "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n".repeat(n / 36),
                "-----BEGIN RSA PRIVATE KEY-----\n" + "QUJD".repeat(n / 4),
                "eyJ".repeat(n / 3),
                "eyJaaaaaaaaa.".repeat(n / 13),
                "://".repeat(n / 3),
                "a://b:".repeat(n / 6),
                "Bearer ".repeat(n / 7),
                ":".repeat(n),
                "=".repeat(n),
                "<password>".repeat(n / 10),
                "key=\"password\" value=\"".repeat(n / 22),
                "AKIA".repeat(n / 4),
                "sk-".repeat(n / 3),
                "Authorization: Basic ".repeat(n / 21),
                "\\n".repeat(n / 2));
    }

    @ParameterizedTest
    @MethodSource("pathological")
    void pathologicalInputs_finishFast(String text) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> SCANNER.redact(text));
    }
}
