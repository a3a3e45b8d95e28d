package dev.dojomcp.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every secret the tests configure, in one place: no test log may contain any of them
 * ({@code LogSecretScanTest}, run by {@code ./mvnw verify} after the tests). Add a secret here when a test
 * configures a new one; {@code TestSecretsTest} fails when a 40-hex literal in the tests is missing.
 */
public final class TestSecrets {
    /** DefectDojo key of the shared sandbox set-up ({@link TestServers#KEY}). */
    public static final String DOJO_KEY = "5a4db0c5a4db0c5a4db0c5a4db0c5a4db0c5a4db";
    /** Sandbox admin key of the sandbox API tests, also DojoConnectionTest's and WriteOutcomeTest's key. */
    public static final String SANDBOX_ADMIN_KEY = "0123456789abcdef0123456789abcdef01234567";
    /** Sandbox read-only key of the sandbox API tests. */
    public static final String SANDBOX_READ_ONLY_KEY = "fedcba9876543210fedcba9876543210fedcba98";
    /** Key of StartupErrorsTest and ServerRuntimeTest (read key there). */
    public static final String STARTUP_KEY = "abcdefabcdefabcdefabcdefabcdefabcdefabcd";
    /** ServerRuntimeTest's write key ({@code STARTUP_KEY.replace('a', 'b')}). */
    public static final String STARTUP_WRITE_KEY = STARTUP_KEY.replace('a', 'b');
    /** CustomCaTest's key. */
    public static final String CUSTOM_CA_KEY = "0123456789012345678901234567890123456789";
    /** DojoHttpTest's key. */
    public static final String HTTP_KEY = "feedfacefeedfacefeedfacefeedfacefeedface";
    /** ToolPipelineTest's key. */
    public static final String PIPELINE_KEY = "c0ffeec0ffeec0ffeec0ffeec0ffeec0ffeec0ff";
    /** The admin token of DefectDojo's own test fixture, used as the key in the fixture tests. */
    public static final String FIXTURE_ADMIN_TOKEN = "548afd6fab3bea9794a41b31da0e9404f733e222";
    /** SandboxScaleBench's key (bench group, not in the default run). */
    public static final String BENCH_KEY = "bench-scale-key-0123456789abcdef01234567";

    /** AUDIT_LOG_HTTPS_TOKEN of the audit forwarding tests (HttpsForwardingTest, ForwardSettingsTest). */
    public static final String AUDIT_FORWARD_TOKEN = "audit-forward-token-5e2d8c1a7f93";
    /** The audit verifier tests' two HMAC keys (a key rotation); they sign with {@link #AUDIT_SIGNING_SEED}. */
    public static final String AUDIT_HMAC_KEY_ONE = "audit-test-hmac-key-one-7d2f4c9a1b3e5f60718293a4";
    public static final String AUDIT_HMAC_KEY_TWO = "audit-test-hmac-key-two-0e9d8c7b6a5f4e3d2c1b0a99";

    /** MCP role tokens of every test server ({@link TestServers#security()}). */
    public static final String ADMIN_TOKEN = "test-admin-token-7c1e9a0d5b";
    public static final String WRITER_TOKEN = "test-writer-token-3f8b2c6e41";
    public static final String SCANNER_TOKEN = "test-scanner-token-9d04e7a2c8";
    public static final String READER_TOKEN = "test-reader-token-b6a1f3d950";

    /** HMAC key of the audit trail tests. */
    public static final String AUDIT_HMAC_KEY = "test-audit-hmac-key-5e1d0c9b7a3f2e4d6c8b";
    /** Ed25519 seed (base64) of the audit trail tests' checkpoints. */
    public static final String AUDIT_SIGNING_SEED = "dGVzdC1hdWRpdC1zaWduaW5nLXNlZWQtMzItYnl0ZXM=";

    private static final Map<String, String> NAMED = named(
            "TestSecrets.AUDIT_HMAC_KEY", AUDIT_HMAC_KEY,
            "TestSecrets.AUDIT_SIGNING_SEED", AUDIT_SIGNING_SEED,
            "TestSecrets.ADMIN_TOKEN", ADMIN_TOKEN,
            "TestSecrets.WRITER_TOKEN", WRITER_TOKEN,
            "TestSecrets.SCANNER_TOKEN", SCANNER_TOKEN,
            "TestSecrets.READER_TOKEN", READER_TOKEN,
            "TestSecrets.DOJO_KEY", DOJO_KEY,
            "TestSecrets.SANDBOX_ADMIN_KEY", SANDBOX_ADMIN_KEY,
            "TestSecrets.SANDBOX_READ_ONLY_KEY", SANDBOX_READ_ONLY_KEY,
            "TestSecrets.STARTUP_KEY", STARTUP_KEY,
            "TestSecrets.STARTUP_WRITE_KEY", STARTUP_WRITE_KEY,
            "TestSecrets.CUSTOM_CA_KEY", CUSTOM_CA_KEY,
            "TestSecrets.HTTP_KEY", HTTP_KEY,
            "TestSecrets.PIPELINE_KEY", PIPELINE_KEY,
            "TestSecrets.FIXTURE_ADMIN_TOKEN", FIXTURE_ADMIN_TOKEN,
            "TestSecrets.BENCH_KEY", BENCH_KEY,
            "TestSecrets.AUDIT_FORWARD_TOKEN", AUDIT_FORWARD_TOKEN,
            "TestSecrets.AUDIT_HMAC_KEY_ONE", AUDIT_HMAC_KEY_ONE,
            "TestSecrets.AUDIT_HMAC_KEY_TWO", AUDIT_HMAC_KEY_TWO);

    private TestSecrets() {
    }

    /** The values. */
    public static List<String> all() {
        return List.copyOf(NAMED.values());
    }

    /** Name (for reports, which must never show the value) to value. */
    public static Map<String, String> byName() {
        return NAMED;
    }

    private static Map<String, String> named(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (m.putIfAbsent(pairs[i], pairs[i + 1]) != null) {
                throw new IllegalStateException("duplicate name " + pairs[i]);
            }
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
