package dev.dojomcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dojomcp.config.WriteSettings;
import dev.dojomcp.sandbox.SandboxOptions;
import dev.dojomcp.testing.TestServers;
import io.modelcontextprotocol.json.McpJsonDefaults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The fuzzer's own guarantees: reproducible cases, schema-valid "valid" arguments, patterns sampled right. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaFuzzerTest {
    @TempDir
    static Path temp;
    private TestServers servers;
    private FuzzContext ctx;

    @BeforeAll
    void start() throws Exception {
        FuzzContext.prepareImportDir(temp, 4096);
        servers = TestServers.start(SandboxOptions.generated(TestServers.KEY, 60, 7),
                WriteSettings.defaults().withImportDir(temp));
        ctx = FuzzContext.read(servers, temp, 4096);
    }

    @AfterAll
    void stop() throws java.io.IOException {
        servers.close();
        java.nio.file.Files.deleteIfExists(temp.resolve("link-out.json")); // before JUnit's clean-up warns
    }

    @Test
    void aCase_dependsOnlyOnSeedAndIndex() {
        ToolArgumentFuzzTest.Weighted weighted = ToolArgumentFuzzTest.Weighted.of(servers.runtime().catalog());
        for (long index = 0; index < 300; index++) {
            List<SchemaFuzzer.Case> twice = new ArrayList<>();
            for (int run = 0; run < 2; run++) {
                SplittableRandom rng = ToolArgumentFuzzTest.caseRandom(42, index);
                ToolSpec<?, ?> tool = weighted.pick(rng);
                twice.add(SchemaFuzzer.generate(tool.name(), index, McpToolBinding.inputSchema(tool), ctx, rng));
            }
            assertThat(ToolArgumentFuzzTest.render(twice.get(1).args()))
                    .isEqualTo(ToolArgumentFuzzTest.render(twice.get(0).args()));
            assertThat(twice.get(1).mutations()).isEqualTo(twice.get(0).mutations());
        }
    }

    @Test
    void validArguments_passTheInputSchema() {
        var validator = McpJsonDefaults.getSchemaValidator();
        SplittableRandom rng = new SplittableRandom(3);
        for (ToolSpec<?, ?> tool : servers.runtime().catalog().all()) {
            Map<String, Object> schema = McpToolBinding.inputSchema(tool);
            for (int i = 0; i < 50; i++) {
                Map<String, Object> args = SchemaFuzzer.validArgs(schema, ctx, rng);
                var verdict = validator.validate(schema, args);
                assertThat(verdict.valid()).as("%s %s: %s", tool.name(), ToolArgumentFuzzTest.render(args),
                        verdict.errorMessage()).isTrue();
            }
        }
    }

    @Test
    void patternSamples_matchTheirPattern() {
        SplittableRandom rng = new SplittableRandom(5);
        for (String regex : List.of("^[A-Za-z0-9._:-]+(,[A-Za-z0-9._:-]+)*$",
                "^-?(name|version|target_start|target_end|status|lead|created|updated)$", "a{2,3}b?c*", "[^,]+",
                "(?:x|y)\\d{3}")) {
            for (int i = 0; i < 100; i++) {
                String s = PatternSampler.sample(regex, rng);
                assertThat(s).as(regex).isNotNull();
                assertThat(Pattern.compile(regex).matcher(s).find()).as(regex + " ~ " + s).isTrue();
            }
        }
        assertThat(PatternSampler.sample("(?=x)x", rng)).isNull();
    }
}
